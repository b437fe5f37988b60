import { clockFrom } from '../platform/clock';
import { describe, expect, it } from 'vitest';
import type { ToolContext } from './define-tool';
import { proposeOrder } from './propose-order';
import { defaultSettings } from '../protocol/settings';
import { createAlpacaClients } from '../clients/alpaca/alpaca';
import { runTool } from '../../tests/support/tool-harness';

function context(orders?: ToolContext['orders']): ToolContext {
  return {
    alpaca: createAlpacaClients({ keyId: 'k', secretKey: 's', tradingBaseUrl: 'http://127.0.0.1:9', dataBaseUrl: 'http://127.0.0.1:9', feed: 'iex', fetch: () => Promise.reject(new Error('no network in this test')) }),
    settings: defaultSettings(),
    clock: clockFrom(() => new Date('2026-03-10T15:00:00Z')),
    signal: new AbortController().signal,
    ...(orders ? { orders } : {}),
  };
}

describe('propose_order', () => {
  it('only hands a validated draft to the order desk; it never calls the broker itself', async () => {
    const seen: unknown[] = [];
    const result = await runTool(proposeOrder, { side: 'buy', symbol: 'brk.b', amount: '500' }, context({ propose: (draft) => { seen.push(draft); return Promise.resolve({ proposalId: 'prop_1' }); }, proposeCancel: () => Promise.reject(new Error('not this tool')) }));
    expect(result).toEqual({ proposalId: 'prop_1' });
    expect(seen).toEqual([expect.objectContaining({ side: 'buy', symbol: 'BRK.B', amount: '500.00', type: 'market', time_in_force: 'day' })]);
  });

  it('refuses hostile or malformed input before anything is proposed', async () => {
    const seen: unknown[] = [];
    const desk = context({ propose: (draft) => { seen.push(draft); return Promise.resolve({}); }, proposeCancel: () => Promise.reject(new Error('not this tool')) });
    for (const bad of [{ side: 'buy', symbol: 'AAPL; DROP', amount: '5' }, { side: 'buy', symbol: 'AAPL', amount: '-1' }, { side: 'short', symbol: 'AAPL', amount: '5' }]) {
      await expect(runTool(proposeOrder, bad, desk)).rejects.toMatchObject({ code: 'invalid-input' });
    }
    expect(seen).toEqual([]);
  });

  it('outside a chat run (no order desk) it refuses with a configuration error', async () => {
    await expect(runTool(proposeOrder, { side: 'buy', symbol: 'AAPL', amount: '5' }, context())).rejects.toMatchObject({ code: 'no-order-desk' });
  });
});
