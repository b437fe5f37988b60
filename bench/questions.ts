/**
 * The benchmark's question types: what the user asks and what the scripted model does at each call. Shared by the
 * benchmark (bench/agent-loop.ts) and the simulator process (bench/sim-process.ts), which runs the scripts.
 */
import { message, text, toolUse, type Script } from '../tests/simulators/anthropic';
import type { AlpacaSimulator } from '../tests/simulators/alpaca';

export interface QuestionType {
  id: string;
  label: string;
  question: string;
  /** Where the timed turn runs: a fresh conversation, or as the second turn after `previous`. */
  previous?: { question: string; script: Script };
  script: Script;
  /** Model calls the loop is designed to make for this question. */
  expectedModelCalls: number;
  /** A target from the brief, when one applies. */
  maxModelCallsTarget?: number;
}

// The analyst's and supervisor's answers are of a realistic length (a few hundred words of markdown), so streaming
// sends a realistic number of text deltas through the loop, the port and the periodic saves.
const paragraph = (subject: string) =>
  `${subject} Over the period, the price moved within a fairly wide range, and most of the change came in a few ` +
  'sessions around earnings. Volatility was above the market’s, which matters if you might need the money soon. ' +
  'None of this predicts what happens next; it describes what already happened.';

const QUOTE_ANSWER = [
  '**Apple (AAPL)** last traded at the price shown in the quote above, a small move on the day.',
  '',
  paragraph('For context:'),
  '',
  '- Day range and volume look ordinary for Apple.',
  '- The spread between bid and ask is a cent or two, so the market is liquid.',
].join('\n');

const PERFORMANCE_ANSWER = [
  '## AAPL vs the S&P 500 over one year',
  '',
  '| | AAPL | SPY |',
  '| --- | --- | --- |',
  '| Total return | see data | see data |',
  '| Volatility (annualised) | higher | lower |',
  '| Max drawdown | deeper | shallower |',
  '',
  paragraph('Apple beat or lagged the index by the difference shown.'),
].join('\n');

const PORTFOLIO_ANSWER = [
  '## Your portfolio',
  '',
  'You hold eight positions plus cash. Your largest holdings are a broad-market ETF and two large technology stocks.',
  '',
  paragraph('Concentration:'),
  '',
  '- Risk score: moderate.',
  '- Diversification score: good, though technology is a large share.',
  '- Cash is a small part of the total.',
].join('\n');

const HYBRID_ANSWER = [
  '## Should you buy PLTR with $1,000?',
  '',
  paragraph('Palantir has been far more volatile than the S&P 500.'),
  '',
  'Against your portfolio, $1,000 would be a small position (a few percent of the total), and it would add to a ',
  'technology weight that is already large.',
  '',
  '**Next step:** decide whether you want more technology exposure at all; if so, a small position sized so a 50% ',
  'drop would not change your plans is the cautious way in. This is not investment advice.',
].join('\n');

const DIRECT_ANSWER = [
  'An **ETF** (exchange-traded fund) is a basket of securities that trades on an exchange like a single stock.',
  '',
  '- You buy and sell it through the day at market prices.',
  '- Most track an index, so costs are low.',
  '- One share gives you a slice of every holding.',
  '',
  'Index ETFs are a common core for long-term portfolios because they diversify cheaply.',
].join('\n');

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export function questionTypes(): QuestionType[] {
  const yearAgo = isoDaysAgo(365);
  return [
    {
      id: 'direct',
      label: 'Direct answer (concept)',
      question: 'What is an ETF?',
      script: () => message(text(DIRECT_ANSWER)),
      expectedModelCalls: 1,
      maxModelCallsTarget: 1,
    },
    {
      id: 'quote',
      label: 'Quote (analyst: get_quote)',
      question: "What's Apple's current stock price?",
      script: (_request, { call }) => (call === 0 ? message(toolUse('get_quote', { symbol: 'AAPL' })) : message(text(QUOTE_ANSWER))),
      expectedModelCalls: 2,
      maxModelCallsTarget: 2,
    },
    {
      id: 'performance',
      label: 'Performance vs SPY, 1 year (get_performance)',
      question: 'How has AAPL done over the last year compared with the S&P 500?',
      script: (_request, { call }) => (call === 0 ? message(toolUse('get_performance', { symbol: 'AAPL', start_date: yearAgo })) : message(text(PERFORMANCE_ANSWER))),
      expectedModelCalls: 2,
      maxModelCallsTarget: 2,
    },
    {
      id: 'portfolio',
      label: 'Portfolio summary, 8 positions (get_portfolio_summary)',
      question: 'Show me my portfolio',
      script: (_request, { call }) => (call === 0 ? message(toolUse('get_portfolio_summary', {})) : message(text(PORTFOLIO_ANSWER))),
      expectedModelCalls: 2,
      maxModelCallsTarget: 2,
    },
    {
      id: 'hybrid',
      label: '"Should I buy" hybrid (quote + performance + portfolio)',
      question: 'Is PLTR a good buy? I have $1000 to invest',
      script: (_request, { call }) =>
        call === 0
          ? message(toolUse('get_quote', { symbol: 'PLTR' }), toolUse('get_performance', { symbol: 'PLTR', start_date: yearAgo }), toolUse('get_portfolio_summary', {}))
          : message(text(HYBRID_ANSWER)),
      expectedModelCalls: 2,
    },
    {
      id: 'invalid-input',
      label: 'Invalid tool input, corrected',
      question: 'NVDA price?',
      script: (_request, { call }) => {
        if (call === 0) return message(toolUse('get_quote', { ticker: 'NVDA' }));
        if (call === 1) return message(toolUse('get_quote', { symbol: 'NVDA' }));
        return message(text(QUOTE_ANSWER.replaceAll('Apple (AAPL)', 'NVIDIA (NVDA)').replaceAll('Apple', 'NVIDIA')));
      },
      expectedModelCalls: 3,
    },
    {
      id: 'second-turn',
      label: 'Second turn, same conversation (quote after a quote)',
      previous: {
        question: "What's Apple's current stock price?",
        script: (_request, { call }) => (call === 0 ? message(toolUse('get_quote', { symbol: 'AAPL' })) : message(text(QUOTE_ANSWER))),
      },
      question: 'And Microsoft?',
      script: (_request, { call }) =>
        call === 0 ? message(toolUse('get_quote', { symbol: 'MSFT' })) : message(text(QUOTE_ANSWER.replaceAll('Apple (AAPL)', 'Microsoft (MSFT)').replaceAll('Apple', 'Microsoft'))),
      expectedModelCalls: 2,
      maxModelCallsTarget: 2,
    },
  ];
}

/** Eight positions and some cash: what the portfolio and "should I buy" questions read. */
export function seedPortfolio(alpaca: AlpacaSimulator): void {
  alpaca.state.setRateLimit(1_000_000); // the benchmark sends far more than 200 requests a minute
  alpaca.state.setCash('5000');
  const positions: [string, string, string][] = [
    ['VOO', '40', '410'],
    ['AAPL', '60', '150'],
    ['MSFT', '25', '310'],
    ['NVDA', '80', '45'],
    ['GOOGL', '30', '120'],
    ['AMZN', '35', '130'],
    ['BND', '120', '72'],
    ['SCHD', '200', '24'],
  ];
  for (const [symbol, qty, cost] of positions) alpaca.state.setPosition(symbol, qty, cost);
}
