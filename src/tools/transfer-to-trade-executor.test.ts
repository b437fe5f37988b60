import { describe, expect, it } from 'vitest';
import { clockFrom } from '../platform/clock';
import { transferToTradeExecutor } from './transfer-to-trade-executor';
import type { ToolContext } from './define-tool';
import { runTool } from '../../tests/support/tool-harness';

/** A hand-off uses nothing from the context but the runner's clock and signal. */
const context = { clock: clockFrom(() => new Date('2026-03-10T15:00:00Z')), signal: new AbortController().signal } as ToolContext;

describe('transfer_to_trade_executor', () => {
  it('is a hand-off: it touches nothing and only reports that the turn was handed over', async () => {
    expect(transferToTradeExecutor.handsOff).toBe(true);
    expect(transferToTradeExecutor.sideEffect).toBe('none');
    await expect(runTool(transferToTradeExecutor, { request: 'buy $500 of AAPL' }, context)).resolves.toEqual({ handedOff: true });
  });

  it('refuses an empty request', async () => {
    await expect(runTool(transferToTradeExecutor, { request: '' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
