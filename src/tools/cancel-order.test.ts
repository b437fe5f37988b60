import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cancelOrder } from './cancel-order';
import { closeHarnesses, placeOrder, startHarness, runTool } from '../../tests/support/tool-harness';

afterEach(closeHarnesses);
const placed = z.object({ id: z.string() });

describe('cancel_order', () => {
  it('cancels a resting limit order and returns it cancelled', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPrice('MSFT', '500');
    const { id } = placed.parse(await placeOrder(sim, { symbol: 'MSFT', side: 'buy', type: 'limit', time_in_force: 'gtc', qty: '1', limit_price: '300' }));
    const result = await runTool(cancelOrder, { order_id: id }, context);
    expect(result.cancelRequested).toBe(true);
    expect(result.order.status).toBe('canceled');
  });

  it('reports a filled order as no longer cancellable, without failing', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPrice('AAPL', '190');
    const { id } = placed.parse(await placeOrder(sim, { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', qty: '1' }));
    const result = await runTool(cancelOrder, { order_id: id }, context);
    expect(result.cancelRequested).toBe(false);
    expect(result.note).toMatch(/can no longer be cancelled/);
    expect(result.order.status).toBe('filled');
  });

  it('says so for an unknown order id', async () => {
    const { context } = await startHarness();
    await expect(runTool(cancelOrder, { order_id: '00000000-0000-0000-0000-000000000000' }, context)).rejects.toMatchObject({ code: 'unknown-order' });
  });
});
