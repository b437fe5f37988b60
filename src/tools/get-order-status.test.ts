import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getOrderStatus } from './get-order-status';
import { closeHarnesses, placeOrder, startHarness, runTool } from '../../tests/support/tool-harness';

afterEach(closeHarnesses);

describe('get_order_status', () => {
  it('reads an order by id and by client order id, with its fill', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPrice('AAPL', '190');
    const { id } = z.object({ id: z.string() }).parse(
      await placeOrder(sim, { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', qty: '2', client_order_id: 'clera-prop_1' }),
    );
    const byId = await runTool(getOrderStatus, { order_id: id }, context);
    expect(byId).toMatchObject({ orderId: id, clientOrderId: 'clera-prop_1', symbol: 'AAPL', side: 'buy', qty: '2', status: 'filled', filledQty: '2', filledAvgPrice: '190' });
    const byClient = await runTool(getOrderStatus, { client_order_id: 'clera-prop_1' }, context);
    expect(byClient.orderId).toBe(id);
  });

  it('says so when the order does not exist, and needs exactly one id', async () => {
    const { context } = await startHarness();
    await expect(runTool(getOrderStatus, { client_order_id: 'clera-missing' }, context)).rejects.toMatchObject({ code: 'unknown-order' });
    await expect(runTool(getOrderStatus, {}, context)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runTool(getOrderStatus, { order_id: 'a', client_order_id: 'b' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runTool(getOrderStatus, { order_id: '../../v2/account' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
