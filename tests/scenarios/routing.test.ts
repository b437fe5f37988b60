import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { ask, lastToolResults, modelRequests, startScenario, systemText, type Scenario } from './support';
import { allRuns } from '../support/stored-records';

let scenario: Scenario;
beforeEach(async () => { scenario = await startScenario(); });
afterEach(async () => { await scenario.close(); });

describe('routing with the real loop, the scripted model and the broker simulator', () => {
  it('answers a concept directly in one model call, without tools or a disclosure', async () => {
    scenario.anthropic.setScript(() => message(text('Diversification spreads your money across many holdings.')));
    const { answer } = await ask(scenario, 'What is diversification?');
    expect(answer?.status).toBe('complete');
    expect(answer?.text).toBe('Diversification spreads your money across many holdings.');
    expect(modelRequests(scenario.anthropic)).toHaveLength(1);
    expect(answer?.meta?.disclosure).toBeUndefined();
    expect(scenario.alpaca.requests).toHaveLength(0);
  });

  it('routes a price question to the analyst in two model calls, with the exact quote in the tool result', async () => {
    scenario.alpaca.state.setPrice('AAPL', '231.45');
    scenario.anthropic.setScript((request, { call }) => {
      if (call === 0) return message(toolUse('get_quote', { symbol: 'AAPL' }));
      const [result] = lastToolResults(request);
      const price = JSON.stringify(result?.content).match(/231\.45/)?.[0] ?? 'unknown';
      return message(text(`Apple last traded at $${price}.`));
    });
    const { answer } = await ask(scenario, "What's Apple's current stock price?");
    const requests = modelRequests(scenario.anthropic);
    expect(requests).toHaveLength(2);
    expect(systemText(requests[0])).toContain('You are Clera, a precise and warm');
    expect(systemText(requests[1])).toContain("Clera's market analyst");
    expect(requests[0]?.model).toBe('claude-sonnet-5');
    expect(requests[1]?.model).toBe('claude-haiku-4-5');
    expect(lastToolResults(requests[1])[0]?.isError).toBe(false);
    expect(answer?.text).toBe('Apple last traded at $231.45.');
    expect(answer?.meta?.agent).toBe('financial_analyst');
    expect(answer?.meta?.disclosure).toBe(true);
  });

  it('routes a portfolio question to the portfolio manager, whose figures reconcile with the account', async () => {
    scenario.alpaca.state.setCash('1000');
    scenario.alpaca.state.setPosition('AAPL', '10', '150');
    scenario.alpaca.state.setPrice('AAPL', '200');
    scenario.anthropic.setScript((_request, { call }) => (call === 0 ? message(toolUse('get_portfolio_summary', {})) : message(text('You hold AAPL and cash.'))));
    const { answer } = await ask(scenario, 'Show me my portfolio');
    const requests = modelRequests(scenario.anthropic);
    expect(requests).toHaveLength(2);
    expect(systemText(requests[1])).toContain("Clera's portfolio manager");
    const summary = JSON.stringify(lastToolResults(requests[1])[0]?.content);
    // 10 × $200 = $2,000.00 in AAPL plus $1,000.00 cash = $3,000.00; AAPL weighs 2000/3000 = 66.67%.
    expect(summary).toContain('"2000.00"');
    expect(summary).toContain('"3000.00"');
    expect(summary).toContain('66.67');
    expect(answer?.meta?.agent).toBe('portfolio_manager');
  });

  it('answers "should I buy" with analyst data, then portfolio data, then one supervisor recommendation: two calls', async () => {
    scenario.alpaca.state.setCash('5000');
    scenario.alpaca.state.setPosition('MSFT', '5', '300');
    scenario.anthropic.setScript((_request, { call }) =>
      call === 0
        ? message(
            toolUse('get_quote', { symbol: 'PLTR' }),
            toolUse('get_performance', { symbol: 'PLTR', start_date: '2025-03-10' }),
            toolUse('get_portfolio_summary', {}),
          )
        : message(text('PLTR has been volatile; a small position of about 5% would fit your holdings. Next step: decide an amount.')),
    );
    const { answer } = await ask(scenario, 'Is PLTR a good buy? I have $1000 to invest');
    const requests = modelRequests(scenario.anthropic);
    expect(requests).toHaveLength(2);
    // The combined recommendation comes from the supervisor, with all three results in hand.
    expect(systemText(requests[1])).toContain('You are Clera, a precise and warm');
    const results = lastToolResults(requests[1]);
    expect(results).toHaveLength(3);
    expect(results.every((r) => !r.isError)).toBe(true);
    // The analyst's reads happen before the portfolio manager's.
    const paths = scenario.alpaca.requests.map((r) => r.path);
    const lastMarket = Math.max(paths.lastIndexOf('/v2/stocks/PLTR/snapshot'), paths.findLastIndex((p) => p.includes('/bars')));
    expect(lastMarket).toBeLessThan(paths.indexOf('/v2/positions'));
    expect(answer?.meta?.agent).toBe('supervisor');
  });

  it('hands an order request to the trade desk, which places nothing', async () => {
    scenario.anthropic.setScript((_request, { call }) =>
      call === 0 ? message(toolUse('transfer_to_trade_executor', { request: 'buy $500 of AAPL' })) : message(text('I will prepare that order for your confirmation.')),
    );
    const { answer } = await ask(scenario, 'Buy $500 of Apple');
    const requests = modelRequests(scenario.anthropic);
    expect(requests).toHaveLength(2);
    expect(systemText(requests[1])).toContain("Clera's trade desk");
    expect(scenario.alpaca.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(answer?.meta?.agent).toBe('trade_executor');
  });

  it('uses prompt caching: the second turn reads the cached tools and system prompt', async () => {
    scenario.anthropic.setScript(() => message(text('Sure.')));
    const first = await ask(scenario, 'What is an ETF?');
    await scenario.bg.client.request({ type: 'chat-send', conversationId: first.conversationId, text: 'And a bond?' });
    await scenario.bg.idle();
    const requests = modelRequests(scenario.anthropic);
    expect(requests).toHaveLength(2);
    const body = JSON.stringify(requests[1]);
    expect(body).toContain('"cache_control"');
    // The simulator reports cache writes then reads for an unchanged prefix: the run state records the usage.
    const runs = await allRuns(scenario.bg.database);
    const usage = runs.map((r) => r.state.usage);
    expect(usage[0]?.cacheWrite).toBeGreaterThan(0);
    expect(usage[1]?.cacheRead).toBeGreaterThan(0);
  });
});
