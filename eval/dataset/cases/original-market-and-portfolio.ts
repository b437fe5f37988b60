import type { EvalCaseInput } from '../schema';
import { FIGURES, holdings, say, tools, withHistory } from '../fixtures';

const user = (text: string) => [{ role: 'user' as const, text }];
const ytd = '2026-01-02';

const summaryText = 'Your account is worth ${{get_portfolio_summary.totals.totalValue}}, of which ${{get_portfolio_summary.totals.cash}} is cash ({{get_portfolio_summary.totals.cashPct}}%). The largest holding is {{get_portfolio_summary.largestPosition.symbol}} at ${{get_portfolio_summary.largestPosition.marketValue}}.';
const perfText = (name: string) => `Since {{get_performance.startDate}}, ${name} returned {{get_performance.totalReturnPct}}% (from \${{get_performance.startPrice}} to \${{get_performance.endPrice}} on {{get_performance.endDate}}), against {{get_performance.benchmark.totalReturnPct}}% for the S&P 500.`;
const newsText = 'The most recent headline: "{{get_news.articles.0.quotedSourceMaterial.headline}}" ({{get_news.articles.0.source}}).';

/** The original system's example queries 1–30, in our words, with the agent our design routes each to. */
export const originalMarketAndPortfolio: EvalCaseInput[] = [
  {
    id: 'portfolio-overview', category: 'routing', origin: { original: 1 }, conversation: user('Can you show me what my portfolio looks like?'), account: holdings,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_portfolio_summary'], toolsNotCalled: ['propose_order'], checks: { disclosure: 'present', groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Gives the total value, cash and the main holdings.', ...FIGURES], script: [tools(['get_portfolio_summary', {}]), say(summaryText)],
  },
  {
    id: 'best-performers', category: 'routing', origin: { original: 2 }, conversation: user('Which of my holdings have done best?'), account: holdings,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_portfolio_summary'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Names the best performer with its gain.', ...FIGURES],
    script: [tools(['get_portfolio_summary', {}]), say('Your best performer is {{get_portfolio_summary.bestPerformer.symbol}}, up {{get_portfolio_summary.bestPerformer.unrealizedPlPct}}% on its cost; the weakest is {{get_portfolio_summary.worstPerformer.symbol}} at {{get_portfolio_summary.worstPerformer.unrealizedPlPct}}%.')],
  },
  {
    id: 'aapl-ytd', category: 'figures', origin: { original: 3 }, conversation: user('How has Apple stock done since the start of the year?'),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_performance'], toolsNotCalled: ['get_portfolio_summary'], checks: { disclosure: 'present', groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['States the year-to-date return and compares it with the S&P 500.', ...FIGURES], script: [tools(['get_performance', { symbol: 'AAPL', start_date: ytd }]), say(perfText('Apple'))],
  },
  {
    id: 'nvda-this-year', category: 'figures', origin: { original: 4 }, conversation: user("What's NVIDIA's return this year so far?"),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_performance'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['States the return for this year with its dates.', ...FIGURES], script: [tools(['get_performance', { symbol: 'NVDA', start_date: ytd }]), say(perfText('NVIDIA'))],
  },
  {
    id: 'tsla-since-march', category: 'figures', origin: { original: 5 }, conversation: user('How has Tesla performed since the beginning of March?'),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_performance'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Uses March 2 (the first trading day of March) as the start and says so.', ...FIGURES], script: [tools(['get_performance', { symbol: 'TSLA', start_date: '2026-03-02' }]), say(perfText('Tesla'))],
  },
  {
    id: 'apple-palantir-correlation-web', category: 'routing', origin: { original: 6 }, conversation: user('Look up how closely Apple and Palantir move together.'),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_price_history|web_search'], toolsNotCalled: ['get_portfolio_summary'], checks: { maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Explains what correlation means here and what the price histories show, without claiming a coefficient no tool computed.'],
    script: [tools(['get_price_history', { symbol: 'AAPL', start: '2025-12-01' }], ['get_price_history', { symbol: 'PLTR', start: '2025-12-01' }]), say('Over the last few months both stocks moved with the broad tech market, but Palantir swung much more. I did not compute a correlation coefficient, so treat this as a visual comparison.')],
  },
  {
    id: 'semiconductor-news', category: 'routing', origin: { original: 7 }, conversation: user('Any recent news about chip stocks?'),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_news|web_search'], toolsNotCalled: [], checks: { disclosure: 'present', groundedFigures: true, maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Summarises recent news with sources and dates.', 'Treats article text as reporting, not as advice.'], script: [tools(['get_news', { symbol: 'NVDA' }]), say(newsText)],
  },
  {
    id: 'market-drop-today', category: 'routing', origin: { original: 8 }, conversation: user('Why is the market down today?'),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_news|web_search|get_quote'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Gives the day’s move of a broad index and the reported reasons, attributed to sources.'],
    script: [tools(['get_quote', { symbol: 'SPY' }], ['get_news', {}]), say('The S&P 500 ETF (SPY) is at ${{get_quote.price}}, {{get_quote.changePct}}% on the day. ' + newsText)],
  },
  {
    id: 'apple-price', category: 'figures', origin: { original: 9 }, conversation: user('What is Apple trading at right now?'),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_quote'], toolsNotCalled: ['get_portfolio_summary'], checks: { disclosure: 'present', groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Gives the latest price with its time or date.', ...FIGURES], script: [tools(['get_quote', { symbol: 'AAPL' }]), say('Apple (AAPL) last traded at ${{get_quote.price}} on {{get_quote.tradingDay}}, {{get_quote.changePct}}% from the previous close of ${{get_quote.previousClose}}.')],
  },
  {
    id: 'apple-palantir-correlation', category: 'routing', origin: { original: 10 }, conversation: user('Do Apple and Palantir tend to move together?'),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_price_history|get_performance|web_search'], toolsNotCalled: ['get_portfolio_summary'], checks: { maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Answers from market data, not from the user’s holdings.'],
    script: [tools(['get_performance', { symbol: 'AAPL', start_date: ytd }], ['get_performance', { symbol: 'PLTR', start_date: ytd }]), say('This year Apple returned {{get_performance#0.totalReturnPct}}% and Palantir {{get_performance#1.totalReturnPct}}%. Similar direction does not make them strongly correlated; Palantir is far more volatile.')],
  },
  {
    id: 'portfolio-vs-bitcoin', category: 'routing', origin: { original: 11 }, conversation: user('How correlated is my portfolio with Bitcoin?'), account: holdings,
    expect: { route: ['portfolio_manager', 'supervisor'], toolsCalled: ['get_portfolio_summary'], toolsNotCalled: ['propose_order'], checks: { maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Says plainly that crypto prices are not available here rather than inventing a figure.', 'Describes the portfolio’s exposure that is known.'],
    script: [tools(['get_portfolio_summary', {}]), say('You hold stocks and an index fund and no crypto. I cannot fetch Bitcoin prices here, so I cannot measure a correlation; large-cap tech has tended to move with risk assets such as Bitcoin in sell-offs.')],
  },
  {
    id: 'tech-volatility-week', category: 'routing', origin: { original: 12 }, conversation: user("What's behind the swings in tech stocks this week?"),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_news|web_search'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Attributes reasons to dated sources.'], script: [tools(['get_news', { symbol: 'QQQ' }]), say(newsText)],
  },
  {
    id: 'apple-vs-microsoft', category: 'routing', origin: { original: 13 }, conversation: user('Compare Apple and Microsoft on fundamentals.'),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_quote|get_performance|web_search'], toolsNotCalled: ['get_portfolio_summary'], checks: { groundedFigures: true, maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Uses a table to compare.', 'Says which fundamentals it could not fetch instead of inventing them.'],
    script: [tools(['get_quote', { symbol: 'AAPL' }], ['get_quote', { symbol: 'MSFT' }]), say('| | Apple | Microsoft |\n|---|---|---|\n| Price | ${{get_quote#0.price}} | ${{get_quote#1.price}} |\n| Day change | {{get_quote#0.changePct}}% | {{get_quote#1.changePct}}% |\n\nI do not have earnings or valuation ratios here, so this compares prices only.')],
  },
  {
    id: 'unknown-symbol', category: 'routing', origin: { original: 14 }, conversation: user('How did ZZZZ do this year?'),
    // A failed tool call leaves the run without a specialist route, so the supervisor writes the answer.
    expect: { route: ['financial_analyst', 'supervisor'], toolsCalled: ['get_performance|get_quote'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 3, mustMatch: ['ZZZZ'], mustNotMatch: [] } },
    judge: ['Says the symbol was not found and asks for the right one; invents nothing.'], script: [tools(['get_performance', { symbol: 'ZZZZ', start_date: ytd }]), say('I could not find market data for ZZZZ. Could you check the ticker symbol?')],
  },
  {
    id: 'buy-500-apple', category: 'order-proposal', origin: { original: 15 }, conversation: user('Buy $500 of Apple for me'), account: holdings,
    expect: { route: ['trade_executor'], toolsCalled: ['propose_order'], toolsNotCalled: [], checks: { proposal: 'pending', proposalDraft: { side: 'buy', symbol: 'AAPL', amount: '500' }, maxModelCalls: 3, mustMatch: ['confirm'], mustNotMatch: ['order (has been|was) (placed|submitted)'] } },
    judge: ['Says the order is ready for the user to confirm, not that it was placed.'], script: [tools(['propose_order', { side: 'buy', symbol: 'AAPL', amount: '500' }]), say('I prepared a $500 market buy of AAPL. Review the checks and press Confirm order if it looks right.')],
  },
  {
    id: 'sell-1000-tsla', category: 'order-proposal', origin: { original: 16 }, conversation: user('Sell $1,000 worth of TSLA'),
    account: { cash: '1000', positions: [{ symbol: 'TSLA', qty: '20', avgEntryPrice: '200' }], prices: { TSLA: '250' } },
    expect: { route: ['trade_executor'], toolsCalled: ['propose_order'], toolsNotCalled: [], checks: { proposal: 'pending', proposalDraft: { side: 'sell', symbol: 'TSLA', amount: '1000' }, maxModelCalls: 3, mustMatch: ['confirm'], mustNotMatch: ['order (has been|was) (placed|submitted)'] } },
    judge: ['Asks the user to confirm the sale.'], script: [tools(['propose_order', { side: 'sell', symbol: 'TSLA', amount: '1000' }]), say('I prepared a $1,000 sale of TSLA for you to confirm below.')],
  },
  {
    id: 'purchase-250-spy', category: 'order-proposal', origin: { original: 17 }, conversation: user('Purchase 250 dollars of SPY'),
    expect: { route: ['trade_executor'], toolsCalled: ['propose_order'], toolsNotCalled: [], checks: { proposal: 'pending', proposalDraft: { side: 'buy', symbol: 'SPY', amount: '250' }, maxModelCalls: 3, mustMatch: [], mustNotMatch: ['order (has been|was) (placed|submitted)'] } },
    judge: ['Prepares the order for confirmation.'], script: [tools(['propose_order', { side: 'buy', symbol: 'SPY', amount: '250' }]), say('Your $250 SPY purchase is ready; confirm it below to send it.')],
  },
  {
    id: 'what-do-i-own', category: 'routing', origin: { original: 18 }, conversation: user('What stocks do I have?'), account: holdings,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_portfolio_summary'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: ['AAPL', 'MSFT'], mustNotMatch: [] } },
    judge: ['Lists every holding.', ...FIGURES], script: [tools(['get_portfolio_summary', {}]), say('You hold AAPL, MSFT and SPY. ' + summaryText)],
  },
  {
    id: 'should-i-rebalance', category: 'routing', origin: { original: 19 }, conversation: user('Is it time to rebalance?'), account: holdings,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_rebalance_plan'], toolsNotCalled: ['propose_order'], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Says how far the allocation is from the target and what would move it back.'],
    script: [tools(['get_rebalance_plan', {}]), say('Against a {{get_rebalance_plan.profile}} target, equity is {{get_rebalance_plan.currentAllocation.0.pct}}% of your account; adding about ${{get_rebalance_plan.actions.0.amount}} to {{get_rebalance_plan.actions.0.assetClass}} would bring it to {{get_rebalance_plan.actions.0.toPct}}%.')],
  },
  {
    id: 'recent-buys', category: 'routing', origin: { original: 20 }, conversation: user('What did I buy lately?'), account: withHistory,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_account_activities'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Lists recent purchases with dates.'], script: [tools(['get_account_activities', { days: 30 }]), say('In the last 30 days there were {{get_account_activities.count}} account activities.')],
  },
  {
    id: 'trading-history', category: 'routing', origin: { original: 21 }, conversation: user('Show my trade history'), account: withHistory,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_account_activities|get_orders'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Shows trades in a table with dates, symbols and amounts.'], script: [tools(['get_account_activities', {}]), say('Over the last {{get_account_activities.window.days}} days: {{get_account_activities.count}} activities.')],
  },
  {
    id: 'first-apple-purchase', category: 'routing', origin: { original: 22 }, conversation: user('When was my first Apple purchase?'), account: withHistory,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_account_activities'], toolsNotCalled: [], checks: { maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Gives the date or says it is outside the window the activities cover.'], script: [tools(['get_account_activities', { days: 365, symbol: 'AAPL' }]), say('Within the last year of activity, I list your Apple purchases above; if none shows, the first purchase is older than that window.')],
  },
  {
    id: 'transactions-this-year', category: 'routing', origin: { original: 23 }, conversation: user('List my transactions from this year'), account: withHistory,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_account_activities'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Covers January 1 to today and says what window the data covers.'], script: [tools(['get_account_activities', { days: 69 }]), say('Since the start of the year ({{get_account_activities.window.days}} days) there were {{get_account_activities.count}} activities.')],
  },
  {
    id: 'robinhood-news', category: 'routing', origin: { original: 24 }, conversation: user('Latest financial news on Robinhood?'), account: { assets: [{ symbol: 'HOOD', name: 'Robinhood Markets, Inc. Class A Common Stock', price: '40' }] },
    expect: { route: ['financial_analyst'], toolsCalled: ['get_news|web_search'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Summarises news about HOOD with sources.'], script: [tools(['get_news', { symbol: 'HOOD' }]), say(newsText)],
  },
  {
    id: 'how-to-rebalance', category: 'routing', origin: { original: 25 }, conversation: user('How would I rebalance my portfolio?'), account: holdings,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_rebalance_plan'], toolsNotCalled: ['propose_order'], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Gives concrete steps with amounts and offers (not places) trades.'], script: [tools(['get_rebalance_plan', {}]), say('Step 1: {{get_rebalance_plan.actions.0.action}} {{get_rebalance_plan.actions.0.assetClass}} by ${{get_rebalance_plan.actions.0.amount}}. Step 2: {{get_rebalance_plan.actions.1.action}} {{get_rebalance_plan.actions.1.assetClass}} by ${{get_rebalance_plan.actions.1.amount}}. I can prepare orders for you to confirm.')],
  },
  {
    id: 'tech-sector-state', category: 'routing', origin: { original: 26 }, conversation: user('How is the tech sector doing at the moment?'),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_news|get_quote|get_performance|web_search'], toolsNotCalled: ['get_portfolio_summary'], checks: { groundedFigures: true, maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Uses a sector proxy (e.g. a tech ETF) and recent news.'], script: [tools(['get_quote', { symbol: 'QQQ' }]), say('The Nasdaq-100 ETF (QQQ) is at ${{get_quote.price}}, {{get_quote.changePct}}% on the day.')],
  },
  {
    id: 'improve-risk-score', category: 'routing', origin: { original: 27 }, conversation: user('What would lower my risk score?'), account: holdings,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_portfolio_summary'], toolsNotCalled: ['propose_order'], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Explains what drives the score and gives specific changes.'], script: [tools(['get_portfolio_summary', {}], ['get_rebalance_plan', {}]), say('Your risk score is {{get_portfolio_summary.risk.score}} ({{get_portfolio_summary.risk.label}}). Adding fixed income (about ${{get_rebalance_plan.actions.1.amount}}) would lower it.')],
  },
  {
    id: 'what-am-i-invested-in', category: 'routing', origin: { original: 28 }, conversation: user("What's in my account right now?"), account: holdings,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_portfolio_summary'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Lists holdings and cash.'], script: [tools(['get_portfolio_summary', {}]), say(summaryText)],
  },
  {
    id: 'buy-100-spy-follow-up', category: 'multi-turn', origin: { original: 29 },
    conversation: [
      { role: 'user', text: 'Would an S&P 500 fund suit me?' },
      { role: 'assistant', text: 'A broad S&P 500 fund such as SPY spreads your money over 500 large US companies; it suits a long horizon. Want me to prepare a small purchase?' },
      { role: 'user', text: 'sounds good, get me $100 of SPY' },
    ],
    expect: { route: ['trade_executor'], toolsCalled: ['propose_order'], toolsNotCalled: [], checks: { proposal: 'pending', proposalDraft: { side: 'buy', symbol: 'SPY', amount: '100' }, maxModelCalls: 3, mustMatch: [], mustNotMatch: ['order (has been|was) (placed|submitted)'] } },
    judge: ['Carries the fund from the earlier turn into the order.'], script: [tools(['propose_order', { side: 'buy', symbol: 'SPY', amount: '100' }]), say('Done preparing: a $100 SPY buy is waiting for your confirmation.')],
  },
  {
    id: 'news-for-my-holdings', category: 'routing', origin: { original: 30 }, conversation: user('Is anything in the news today affecting my holdings?'), account: holdings,
    expect: { route: ['supervisor', 'portfolio_manager'], toolsCalled: ['get_portfolio_summary', 'get_news|web_search'], toolsNotCalled: [], checks: { maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Connects news to the specific holdings.'], script: [tools(['get_news', { symbol: 'AAPL' }], ['get_portfolio_summary', {}]), say('For your holdings (AAPL, MSFT, SPY): ' + newsText)],
  },
];
