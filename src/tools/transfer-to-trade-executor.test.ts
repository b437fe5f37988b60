import { describe, expect, it } from 'vitest';
import { transferToTradeExecutor } from './transfer-to-trade-executor';
import type { ToolContext } from './define-tool';

describe('transfer_to_trade_executor', () => {
  it('is a hand-off: it touches nothing and only reports that the turn was handed over', async () => {
    expect(transferToTradeExecutor.handsOff).toBe(true);
    expect(transferToTradeExecutor.sideEffect).toBe('none');
    const input = transferToTradeExecutor.input.parse({ request: 'buy $500 of AAPL' });
    await expect(transferToTradeExecutor.run(input, {} as ToolContext)).resolves.toEqual({ handedOff: true });
  });

  it('refuses an empty request', () => {
    expect(transferToTradeExecutor.input.safeParse({ request: '' }).success).toBe(false);
  });
});
