import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { startScenario, type Scenario } from '../scenarios/support';

let scenario: Scenario;
beforeEach(async () => { scenario = await startScenario(); });
afterEach(async () => {
  vi.restoreAllMocks();
  await scenario.close();
});

/** Counts what one piece of work costs in settings: row reads, and decryptions of the saved keys (by their context). */
function countSettingsAccess(s: Scenario) {
  const reads = vi.spyOn(s.bg.database.settings, 'get');
  const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
  const decoder = new TextDecoder();
  return {
    reads: () => reads.mock.calls.length,
    keyDecryptions: () =>
      decrypt.mock.calls.filter(([algorithm]) => {
        const data = (algorithm as AesGcmParams).additionalData;
        return data !== undefined && decoder.decode(data).startsWith('settings/secrets/');
      }).length,
  };
}

describe('one runtime per turn', () => {
  it('a turn that proposes an order reads the settings once and decrypts each of the three keys once', async () => {
    scenario.alpaca.state.setCash('10000');
    scenario.alpaca.state.setPrice('AAPL', '200');
    scenario.anthropic.setScript((_request, { call }) =>
      call === 0 ? message(toolUse('propose_order', { side: 'buy', symbol: 'AAPL', amount: '100' })) : message(text('Please review the order below.')),
    );
    const access = countSettingsAccess(scenario);
    const sent = await scenario.bg.client.request({ type: 'chat-send', text: 'Buy $100 of AAPL' });
    await scenario.bg.idle();
    expect(access.keyDecryptions()).toBe(3);
    expect(access.reads()).toBe(2); // the settings value and the sealed keys: one read each
    const session = await scenario.bg.client.request({ type: 'conversation-open', conversationId: sent.conversationId });
    expect(session.proposals).toHaveLength(1);
  });

  it('Analyze ticker reads the settings and decrypts the keys once for the ticker check and the turn together', async () => {
    scenario.alpaca.state.setPrice('AAPL', '200');
    scenario.anthropic.setScript(() => message(text('Apple is at $200.00.')));
    const access = countSettingsAccess(scenario);
    const { symbol } = await scenario.bg.app.analyzeSelection('Shares of Apple (AAPL) rose today.');
    await scenario.bg.idle();
    expect(symbol).toBe('AAPL');
    expect(access.keyDecryptions()).toBe(3);
    expect(access.reads()).toBe(2); // the settings value and the sealed keys: one read each
  });
});
