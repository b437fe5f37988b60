import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { ask, lastToolResults, modelRequests, startScenario, type Scenario } from './support';
import { proposeThroughChat } from './trading-support';

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.alpaca.state.setCash('10000');
  scenario.alpaca.state.setPosition('MSFT', '5', '300');
  scenario.alpaca.state.setPrice('MSFT', '400');
  scenario.alpaca.state.setPrice('AAPL', '200');
});
afterEach(async () => { await scenario.close(); });

const positionReads = () => scenario.alpaca.requests.filter((r) => r.method === 'GET' && r.path === '/v2/positions').length;
const portfolioTurn = () => {
  scenario.anthropic.setScript((_request, { call }) => (call === 0 ? message(toolUse('get_portfolio_summary', {})) : message(text('Here is your portfolio.'))));
};
const lastSummary = () => lastToolResults(modelRequests(scenario.anthropic).at(-1))[0]?.content as { asOf: string; fromCache?: boolean };

describe('portfolio cache', () => {
  it('serves the portfolio from the cache within the TTL, saying as of when, and reads again after an order', async () => {
    portfolioTurn();
    await ask(scenario, 'Show my portfolio');
    const first = lastSummary();
    expect(positionReads()).toBe(1);
    expect(first.fromCache).toBeUndefined();

    portfolioTurn();
    await ask(scenario, 'And again, my holdings?');
    const second = lastSummary();
    expect(positionReads()).toBe(1); // the second turn reused the first read
    expect(second).toMatchObject({ fromCache: true, asOf: first.asOf });
    expect(JSON.stringify(second)).toContain('say \\"as of\\" that time');

    // An order event (a proposal saved, then confirmed and filled) invalidates the cache.
    const { proposal } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '200' });
    await scenario.bg.client.request({ type: 'proposal-decide', proposalId: proposal.id, revision: proposal.revision, decision: 'confirm', liveConfirmed: false });
    await scenario.bg.idle();
    portfolioTurn();
    await ask(scenario, 'What do I hold now?');
    expect(positionReads()).toBe(2);
    expect(lastSummary().fromCache).toBeUndefined();
    expect(JSON.stringify(lastSummary())).toContain('AAPL');
  });

  it('reads every time when the TTL setting is 0', async () => {
    const view = await scenario.bg.client.request({ type: 'settings-get' });
    await scenario.bg.client.request({ type: 'settings-save', settings: { ...view.settings, memory: { ...view.settings.memory, portfolioCacheSeconds: 0 } }, secrets: {} });
    portfolioTurn();
    await ask(scenario, 'Show my portfolio');
    portfolioTurn();
    await ask(scenario, 'Again');
    expect(positionReads()).toBe(2);
  });
});
