import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from './support';
import { orderPosts, proposeThroughChat } from './trading-support';

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.alpaca.state.setCash('10000');
  scenario.alpaca.state.setPrice('AAPL', '200');
});
afterEach(async () => { await scenario.close(); });

/** Edits the saved settings row directly, as a corrupted or hand-edited profile would. */
async function editSavedSettings(edit: (value: Record<string, unknown>) => void) {
  const row = await scenario.bg.database.settings.get('settings');
  if (!row) throw new Error('no saved settings');
  const value = structuredClone(row.value) as Record<string, unknown>;
  edit(value);
  await scenario.bg.database.settings.put({ ...row, value });
}

describe('trading fails closed on its configuration', () => {
  it('one invalid saved field keeps the other limits and blocks the order until Settings are fixed', async () => {
    await editSavedSettings((value) => {
      value.trading = { ...(value.trading as object), maxOrderNotional: '300', maxDailyOrders: -1 };
    });
    const { proposal } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '400' });
    expect(proposal.blocked).toBe(true);
    const byId = Object.fromEntries(proposal.rules.map((rule) => [rule.id, rule]));
    expect(byId.configuration?.outcome).toBe('block');
    expect(byId.configuration?.reason).toContain('trading.maxDailyOrders');
    // The user's $300 per-order limit still applies (it used to fall back to the $5,000 default).
    expect(byId['max-order']?.outcome).toBe('block');
    const { proposal: decided } = await scenario.bg.client.request({ type: 'proposal-decide', proposalId: proposal.id, revision: proposal.revision, decision: 'confirm', liveConfirmed: false }).catch((error: unknown) => ({ proposal: { status: String(error) } }));
    expect(decided.status).not.toBe('filled');
    expect(orderPosts(scenario)).toHaveLength(0);
  });

  it('live settings on a paper account show PAPER and block: the account decides the mode', async () => {
    await editSavedSettings((value) => {
      value.tradingMode = 'live';
      value.liveConfirmedAt = '2026-01-01T00:00:00.000Z';
    });
    const { proposal } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '100' });
    expect(proposal.mode).toBe('paper');
    expect(proposal.blocked).toBe(true);
    expect(proposal.rules.find((rule) => rule.id === 'configuration')?.reason).toMatch(/Settings say live trading, but the account is a paper account/);
  });
});
