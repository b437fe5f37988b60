import type { EvalCaseInput } from '../schema';
import { FIGURES, concentrated, holdings, say, tools } from '../fixtures';

const user = (text: string) => [{ role: 'user' as const, text }];
const yearAgo = '2025-03-10';
const NO_ORDER = ['order (has been|was) (placed|submitted|executed)'];

const hybridText = (name: string) =>
  `${name} is at \${{get_quote.price}} and returned {{get_performance.totalReturnPct}}% over the past year against {{get_performance.benchmark.totalReturnPct}}% for the S&P 500. ` +
  'Your account is worth ${{get_portfolio_summary.totals.totalValue}} with ${{get_portfolio_summary.totals.cash}} in cash, so a small position would keep you diversified. If you want, I can prepare an order for you to confirm.';

const hybrid = (symbol: string, name: string) => [
  tools(['get_quote', { symbol }], ['get_performance', { symbol, start_date: yearAgo }], ['get_portfolio_summary', {}]),
  say(hybridText(name)),
];
const HYBRID_JUDGE = ['Combines the stock’s data with the user’s holdings into one recommendation.', 'Names the main risk.', 'Offers a next step without placing an order.'];

/** The original system's example queries 31–50, in our words. */
export const originalHybridAndTrading: EvalCaseInput[] = [
  {
    id: 'pltr-with-1000', category: 'routing', origin: { original: 31 }, conversation: user('I have $1,000 to invest. Is Palantir worth buying?'), account: holdings,
    expect: { route: ['supervisor'], toolsCalled: ['get_portfolio_summary', 'get_quote|get_performance'], toolsNotCalled: ['propose_order'], checks: { disclosure: 'present', groundedFigures: true, proposal: 'none', maxModelCalls: 2, mustMatch: [], mustNotMatch: NO_ORDER } },
    judge: [...HYBRID_JUDGE, 'Sizes the idea against the $1,000 the user mentioned.'], script: hybrid('PLTR', 'Palantir'),
  },
  {
    id: 'palantir-good-buy-now', category: 'routing', origin: { original: 32 }, conversation: user('Would now be a good time to buy Palantir?'), account: holdings,
    expect: { route: ['supervisor'], toolsCalled: ['get_portfolio_summary', 'get_quote|get_performance'], toolsNotCalled: ['propose_order'], checks: { groundedFigures: true, proposal: 'none', maxModelCalls: 2, mustMatch: [], mustNotMatch: NO_ORDER } },
    judge: HYBRID_JUDGE, script: hybrid('PLTR', 'Palantir'),
  },
  {
    id: 'more-apple', category: 'routing', origin: { original: 33 }, conversation: user('Should I add to my Apple position?'), account: holdings,
    expect: { route: ['supervisor'], toolsCalled: ['get_portfolio_summary', 'get_quote|get_performance'], toolsNotCalled: ['propose_order'], checks: { groundedFigures: true, proposal: 'none', maxModelCalls: 2, mustMatch: [], mustNotMatch: NO_ORDER } },
    judge: [...HYBRID_JUDGE, 'Mentions the current weight of Apple in the account.'], script: hybrid('AAPL', 'Apple'),
  },
  {
    id: 'add-tesla', category: 'routing', origin: { original: 34 }, conversation: user('Does Tesla belong in my portfolio?'), account: holdings,
    expect: { route: ['supervisor'], toolsCalled: ['get_portfolio_summary', 'get_quote|get_performance'], toolsNotCalled: ['propose_order'], checks: { groundedFigures: true, proposal: 'none', maxModelCalls: 2, mustMatch: [], mustNotMatch: NO_ORDER } },
    judge: HYBRID_JUDGE, script: hybrid('TSLA', 'Tesla'),
  },
  {
    id: 'cash-balance', category: 'figures', origin: { original: 35 }, conversation: user('How much cash have I got?'), account: holdings,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_portfolio_summary'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: ['5,?000'], mustNotMatch: [] } },
    judge: ['Gives the exact cash amount.', ...FIGURES], script: [tools(['get_portfolio_summary', {}]), say('You have ${{get_portfolio_summary.totals.cash}} in cash, {{get_portfolio_summary.totals.cashPct}}% of the account.')],
  },
  {
    id: 'buy-10-shares-aapl', category: 'order-proposal', origin: { original: 36 }, conversation: user('Buy 10 shares of AAPL'), account: holdings,
    expect: { route: ['trade_executor'], toolsCalled: ['propose_order'], toolsNotCalled: [], checks: { proposal: 'pending', proposalDraft: { side: 'buy', symbol: 'AAPL', quantity: '10' }, maxModelCalls: 3, mustMatch: ['confirm'], mustNotMatch: NO_ORDER } },
    judge: ['Prepares a 10-share order (share orders are supported here) and shows the estimated cost on the card.'], script: [tools(['propose_order', { side: 'buy', symbol: 'AAPL', quantity: '10' }]), say('I prepared a buy of 10 AAPL shares; the card shows the estimated cost. Confirm it if it looks right.')],
  },
  {
    id: 'invest-500-apple', category: 'order-proposal', origin: { original: 37 }, conversation: user('Put $500 into Apple'), account: holdings,
    expect: { route: ['trade_executor'], toolsCalled: ['propose_order'], toolsNotCalled: [], checks: { proposal: 'pending', proposalDraft: { side: 'buy', symbol: 'AAPL', amount: '500' }, maxModelCalls: 3, mustMatch: [], mustNotMatch: NO_ORDER } },
    judge: ['Prepares the order for confirmation.'], script: [tools(['propose_order', { side: 'buy', symbol: 'AAPL', amount: '500' }]), say('Your $500 Apple purchase is ready for you to confirm.')],
  },
  {
    id: 'what-is-diversification', category: 'disclosure', origin: { original: 38 }, conversation: user('Explain diversification to me'),
    expect: { route: ['supervisor'], toolsCalled: [], toolsNotCalled: ['get_portfolio_summary', 'get_quote', 'propose_order'], checks: { disclosure: 'absent', groundedFigures: true, maxModelCalls: 1, mustMatch: [], mustNotMatch: [] } },
    judge: ['A clear explanation with an example, no tools needed.'], script: [say('Diversification means spreading your money over many different investments, so one bad result hurts less. An index fund that holds hundreds of companies is a simple way to do it.')],
  },
  {
    id: 'dow-today', category: 'routing', origin: { original: 39 }, conversation: user('How is the Dow doing today?'), account: { assets: [{ symbol: 'DIA', name: 'SPDR Dow Jones Industrial Average ETF Trust', price: '420' }] },
    expect: { route: ['financial_analyst'], toolsCalled: ['get_quote|get_news|web_search'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Uses a Dow proxy such as DIA and says it is a proxy.'], script: [tools(['get_quote', { symbol: 'DIA' }]), say('The Dow ETF (DIA), a proxy for the index, is at ${{get_quote.price}}, {{get_quote.changePct}}% on the day.')],
  },
  {
    id: 'apple-earnings', category: 'routing', origin: { original: 40 }, conversation: user("What were Apple's most recent earnings?"),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_news|web_search'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Reports earnings from a dated source, or says they were not found.'], script: [tools(['get_news', { symbol: 'AAPL' }]), say('The latest Apple coverage I found: "{{get_news.articles.0.quotedSourceMaterial.headline}}". It does not give the earnings figures, so I cannot quote them.')],
  },
  {
    id: 'more-tech', category: 'routing', origin: { original: 41 }, conversation: user('Should I put more of my money into tech?'), account: holdings,
    expect: { route: ['supervisor', 'portfolio_manager'], toolsCalled: ['get_portfolio_summary'], toolsNotCalled: ['propose_order'], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: NO_ORDER } },
    judge: ['Looks at the current tech exposure before advising.', 'Names concentration risk.'],
    script: [tools(['get_portfolio_summary', {}], ['get_quote', { symbol: 'QQQ' }]), say('Your largest holding, {{get_portfolio_summary.largestPosition.symbol}}, is already {{get_portfolio_summary.largestPosition.weightPct}}% of the account, and tech is most of your stocks. Adding more would raise concentration; a broad fund would add less risk.')],
  },
  {
    id: 'my-apple-position', category: 'figures', origin: { original: 42 }, conversation: user("How's my Apple holding doing?"), account: holdings,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_portfolio_summary'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: ['AAPL|Apple'], mustNotMatch: [] } },
    judge: ['Gives the position’s value and gain from the account.'], script: [tools(['get_portfolio_summary', {}]), say('Your Apple position is worth ${{get_portfolio_summary.topPositions.1.marketValue}}, {{get_portfolio_summary.topPositions.1.weightPct}}% of your account.')],
  },
  {
    id: 'stock-bond-mix', category: 'routing', origin: { original: 43 }, conversation: user('What is my split between stocks and bonds, and does it make sense for the long run?'), account: holdings,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_portfolio_summary|get_rebalance_plan'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['States the current mix, then judges it for a long horizon.'], script: [tools(['get_rebalance_plan', {}]), say('You are {{get_rebalance_plan.currentAllocation.0.pct}}% stocks and {{get_rebalance_plan.currentAllocation.1.pct}}% cash, with no bonds. For a long horizon the {{get_rebalance_plan.profile}} target holds 40% in fixed income.')],
  },
  {
    id: 'news-that-matters-to-me', category: 'routing', origin: { original: 44 }, conversation: user("Give me today's market news that is relevant to me."), account: holdings,
    expect: { route: ['supervisor', 'portfolio_manager'], toolsCalled: ['get_portfolio_summary', 'get_news|web_search'], toolsNotCalled: [], checks: { maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Filters news to the user’s holdings.'], script: [tools(['get_news', { symbol: 'MSFT' }], ['get_portfolio_summary', {}]), say('News that touches your holdings: "{{get_news.articles.0.quotedSourceMaterial.headline}}".')],
  },
  {
    id: 'over-concentrated', category: 'routing', origin: { original: 45 }, conversation: user('Where am I too concentrated, and how do I spread out sensibly?'), account: concentrated,
    expect: { route: ['portfolio_manager'], toolsCalled: ['get_portfolio_summary'], toolsNotCalled: ['propose_order'], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: ['NVDA'], mustNotMatch: [] } },
    judge: ['Names the concentrated holding with its weight.', 'Suggests concrete diversification steps.'],
    script: [tools(['get_portfolio_summary', {}], ['get_rebalance_plan', {}]), say('{{get_portfolio_summary.largestPosition.symbol}} is {{get_portfolio_summary.largestPosition.weightPct}}% of your account (concentration {{get_portfolio_summary.concentration.level}}). Moving part of it into a broad fund would spread the risk.')],
  },
  {
    id: 'buy-aapl-no-amount', category: 'ambiguous', origin: { original: 46 }, conversation: user('Buy AAPL'), account: holdings,
    expect: { route: ['trade_executor'], toolsCalled: [], toolsNotCalled: ['propose_order'], checks: { proposal: 'none', asksQuestion: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: NO_ORDER } },
    judge: ['Asks how much (dollars or shares) before preparing anything.'], script: [tools(['transfer_to_trade_executor', { request: 'buy AAPL, no amount given' }]), say('How much Apple would you like to buy: a dollar amount or a number of shares?')],
  },
  {
    id: 'buy-fifty-cents', category: 'order-proposal', origin: { original: 47 }, conversation: user('Buy $0.50 of AAPL'),
    expect: { route: ['trade_executor'], toolsCalled: [], toolsNotCalled: [], checks: { proposal: 'none', maxModelCalls: 3, mustMatch: ['\\$1'], mustNotMatch: NO_ORDER } },
    judge: ['Explains the $1 minimum for dollar orders.'], script: [tools(['transfer_to_trade_executor', { request: 'buy $0.50 of AAPL' }]), say('Dollar orders need at least $1. Would you like to buy $1 of Apple instead?')],
  },
  {
    id: 'nvda-detailed-analysis', category: 'figures', origin: { original: 48 }, conversation: user('Give me an in-depth look at NVDA'),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_quote|get_performance', 'get_news|web_search'], toolsNotCalled: [], checks: { disclosure: 'present', groundedFigures: true, maxModelCalls: 3, mustMatch: [], mustNotMatch: [] } },
    judge: ['Covers price, performance against the S&P 500, news and risks, with headings.'],
    script: [tools(['get_quote', { symbol: 'NVDA' }], ['get_performance', { symbol: 'NVDA', start_date: yearAgo }], ['get_news', { symbol: 'NVDA' }]), say('## Price\nNVDA is at ${{get_quote.price}}.\n\n## Past year\n{{get_performance.totalReturnPct}}% against {{get_performance.benchmark.totalReturnPct}}% for the S&P 500, with a worst drop of {{get_performance.maxDrawdownPct}}%.\n\n## News\n"{{get_news.articles.0.quotedSourceMaterial.headline}}"')],
  },
  {
    id: 'msft-vs-sp500', category: 'figures', origin: { original: 49 }, conversation: user("Compare Microsoft's return since January 1, 2023 with the S&P 500"),
    expect: { route: ['financial_analyst'], toolsCalled: ['get_performance'], toolsNotCalled: [], checks: { groundedFigures: true, maxModelCalls: 2, mustMatch: [], mustNotMatch: [] } },
    judge: ['Gives both returns and the difference in percentage points over the same dates.'],
    script: [tools(['get_performance', { symbol: 'MSFT', start_date: '2023-01-01' }]), say('From {{get_performance.startDate}} to {{get_performance.endDate}}, Microsoft returned {{get_performance.totalReturnPct}}% and the S&P 500 {{get_performance.benchmark.totalReturnPct}}%: a gap of {{get_performance.excessReturnPp}} percentage points.')],
  },
  {
    id: 'sell-gme-not-held', category: 'order-proposal', origin: { original: 50 }, conversation: user('Sell $50 of GME'), account: holdings,
    expect: { route: ['trade_executor'], toolsCalled: [], toolsNotCalled: [], checks: { maxModelCalls: 3, mustMatch: ["(don't|do not|not) (hold|own)"], mustNotMatch: NO_ORDER } },
    judge: ['Says the user holds no GME, so nothing can be sold.'], script: [tools(['transfer_to_trade_executor', { request: 'sell $50 of GME' }]), say("You don't hold any GME, so there is nothing to sell.")],
  },
];
