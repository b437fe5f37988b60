import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cancelOrder } from './cancel-order';
import type { OrderDesk } from './define-tool';
import { closeHarnesses, placeOrder, startHarness, runTool } from '../../tests/support/tool-harness';

afterEach(closeHarnesses);
const placed = z.object({ id: z.string() });

function recordingDesk(seen: string[]): OrderDesk {
  return {
    propose: () => Promise.reject(new Error('not this tool')),
    proposeCancel: (orderId) => {
      seen.push(orderId);
      return Promise.resolve({ proposalId: 'cancel_1', status: 'awaiting_user_confirmation' });
    },
  };
}

describe('cancel_order', () => {
  it('only proposes the cancel to the order desk: the open order stays open at the broker', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPrice('MSFT', '500');
    const { id } = placed.parse(await placeOrder(sim, { symbol: 'MSFT', side: 'buy', type: 'limit', time_in_force: 'gtc', qty: '1', limit_price: '300' }));
    const seen: string[] = [];
    const result = await runTool(cancelOrder, { order_id: id }, { ...context, orders: recordingDesk(seen) });
    expect(result).toEqual({ proposalId: 'cancel_1', status: 'awaiting_user_confirmation' });
    expect(seen).toEqual([id]);
    expect(sim.state.orders().find((order) => order.id === id)?.status).not.toBe('canceled');
    expect(sim.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('refuses an order id that is not one, before anything is proposed', async () => {
    const { context } = await startHarness();
    const seen: string[] = [];
    await expect(runTool(cancelOrder, { order_id: '../v2/account' }, { ...context, orders: recordingDesk(seen) })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(seen).toEqual([]);
  });

  it('outside a chat run (no order desk) it refuses with a configuration error and cancels nothing', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPrice('MSFT', '500');
    const { id } = placed.parse(await placeOrder(sim, { symbol: 'MSFT', side: 'buy', type: 'limit', time_in_force: 'gtc', qty: '1', limit_price: '300' }));
    await expect(runTool(cancelOrder, { order_id: id }, context)).rejects.toMatchObject({ code: 'no-order-desk' });
    expect(sim.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });
});
