import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from './support';
import { proposeThroughChat } from './trading-support';

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.alpaca.state.setCash('10000');
  scenario.alpaca.state.setPrice('AAPL', '200');
});
afterEach(async () => { await scenario.close(); });

describe('suitability checks against the profile, on the order card', () => {
  it('warns a conservative investor about a position above 10 %, naming the profile field, and records the profile on the audit entry', async () => {
    await scenario.bg.client.request({ type: 'profile-save', profile: { riskTolerance: 'conservative', horizon: 'over-10' } });
    // $1,500 of a $10,000 account: 15 % in one position.
    const { proposal } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '1500' });
    const rule = proposal.rules.find((r) => r.id === 'suitability-position-weight');
    expect(rule).toMatchObject({ outcome: 'warn', label: 'Suits your profile: position size' });
    expect(rule?.reason).toContain('risk tolerance “conservative”');
    expect(proposal.blocked).toBe(false);

    const { entries } = await scenario.bg.client.request({ type: 'audit-list', limit: 50 });
    const proposed = entries.find((e) => e.proposalId === proposal.id && e.type === 'proposed');
    expect(JSON.stringify(proposed)).toContain('"label":"Risk tolerance","value":"conservative"');
  });

  it('blocks the same order when the user chose blocking suitability checks', async () => {
    const view = await scenario.bg.client.request({ type: 'settings-get' });
    await scenario.bg.client.request({ type: 'settings-save', settings: { ...view.settings, memory: { ...view.settings.memory, suitability: 'block' } }, secrets: {} });
    await scenario.bg.client.request({ type: 'profile-save', profile: { riskTolerance: 'conservative' } });
    const { proposal } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '1500' });
    expect(proposal.rules.find((r) => r.id === 'suitability-position-weight')?.outcome).toBe('block');
    expect(proposal.blocked).toBe(true);
  });

  it('passes the same order for an aggressive investor', async () => {
    await scenario.bg.client.request({ type: 'profile-save', profile: { riskTolerance: 'aggressive' } });
    const { proposal } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '1500' });
    expect(proposal.rules.find((r) => r.id === 'suitability-position-weight')?.outcome).toBe('pass');
  });
});
