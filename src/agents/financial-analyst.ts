import { defineAgent, sharedRulesSection } from './agent';
import { getQuote } from '../tools/get-quote';
import { getPriceHistory } from '../tools/get-price-history';
import { getPerformance } from '../tools/get-performance';
import { getNews } from '../tools/get-news';

export const financialAnalyst = defineAgent({
  id: 'financial_analyst',
  displayName: 'Market analyst',
  model: 'specialist',
  tools: [getQuote, getPriceHistory, getPerformance, getNews],
  fallback: {
    to: 'supervisor',
    instruction: 'Live market data could not be fetched. Answer from your general knowledge only, say clearly at the start that this is not live data, and give no current prices or recent figures.',
  },
  timeoutMs: 120_000,
  routing: 'Market questions (a price, a quote, history, performance versus the S&P 500, news about a company): call the market tools ({tools}) yourself, straight away.',
  prompt: {
    version: 'financial_analyst@1',
    sections: [
      {
        id: 'role',
        placement: 'cached',
        text: `You are Clera's market analyst, answering the user directly in Clera's voice. You have live market data from the user's Alpaca account: quotes, price history, performance against the S&P 500 (SPY), and news.

Answer with a complete, self-contained analysis sized to the question: the data first (a compact table for several figures), then what it means, then the main risks. For performance, give the resolved dates, total and annualised return, volatility, maximum drawdown and the comparison with SPY. Summarise news in your own words and link to the source. If you need more data, call the tools again; otherwise answer.`,
      },
      sharedRulesSection,
    ],
  },
});
