import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getOrders } from './get-orders';
import { resultBudgetChars } from './support/result-budget';
import { closeHarnesses, placeOrder, requestsTo, startHarness, type ToolHarness, runTool } from '../../tests/support/tool-harness';

afterEach(closeHarnesses);

const placed = z.object({ id: z.string() });

/** A filled market buy of 3 AAPL at $190, a resting limit buy of 2 BRK.B at $400 (price $480) and a $250 notional MSFT buy. */
async function seedOrders(sim: ToolHarness['sim']): Promise<{ filled: string; resting: string; notional: string }> {
  sim.state.setPrice('AAPL', '190');
  sim.state.setPrice('BRK.B', '480');
  sim.state.setPrice('MSFT', '500');
  const filled = placed.parse(await placeOrder(sim, { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', qty: '3', client_order_id: 'clera-1' })).id;
  sim.state.advance(60_000);
  const resting = placed.parse(await placeOrder(sim, { symbol: 'BRK.B', side: 'buy', type: 'limit', time_in_force: 'gtc', qty: '2', limit_price: '400' })).id;
  sim.state.advance(60_000);
  const notional = placed.parse(await placeOrder(sim, { symbol: 'MSFT', side: 'buy', type: 'market', time_in_force: 'day', notional: '250' })).id;
  return { filled, resting, notional };
}

describe('get_orders', () => {
  it('lists open orders by default with the limit price and nothing filled', async () => {
    const { sim, context } = await startHarness();
    const ids = await seedOrders(sim);

    const result = await runTool(getOrders, {}, context);

    expect(result.status).toBe('open');
    expect(result.count).toBe(1);
    expect(result.orders[0]).toEqual({
      id: ids.resting,
      clientOrderId: expect.any(String) as unknown,
      symbol: 'BRK.B',
      side: 'buy',
      type: 'limit',
      timeInForce: 'gtc',
      qty: '2',
      limitPrice: '400.00',
      status: 'new',
      filledQty: '0',
      submittedAt: expect.stringMatching(/^2025-06-16T15:01:00/) as unknown,
    });
    expect(requestsTo(sim, '/v2/orders').at(-1)?.query).toMatchObject({ status: 'open', limit: '20', direction: 'desc' });
  });

  it('lists closed orders newest first with fill figures to the cent', async () => {
    const { sim, context } = await startHarness();
    const ids = await seedOrders(sim);

    const result = await runTool(getOrders, { status: 'closed' }, context);

    expect(result.orders.map((order) => order.id)).toEqual([ids.notional, ids.filled]);
    const [notional, filled] = result.orders;
    expect(filled).toMatchObject({ clientOrderId: 'clera-1', symbol: 'AAPL', qty: '3', status: 'filled', filledQty: '3', filledAvgPrice: '190.00', filledValue: '570.00' });
    expect(filled?.filledAt).toMatch(/^2025-06-16T15:00:00/);
    // $250 at $500 a share is 0.5 shares.
    expect(notional).toMatchObject({ symbol: 'MSFT', notional: '250.00', filledQty: '0.5', filledAvgPrice: '500.00', filledValue: '250.00' });
    expect(notional).not.toHaveProperty('qty');
    expect(notional).not.toHaveProperty('limitPrice');
  });

  it('filters by symbol (BRK.B accepted) and honours the limit', async () => {
    const { sim, context } = await startHarness();
    await seedOrders(sim);
    const brk = await runTool(getOrders, { status: 'all', symbol: 'brk/b' }, context);
    expect(brk.orders.map((order) => order.symbol)).toEqual(['BRK.B']);
    expect(requestsTo(sim, '/v2/orders').at(-1)?.query.symbols).toBe('BRK.B');
    const one = await runTool(getOrders, { status: 'all', limit: 1 }, context);
    expect(one.count).toBe(1);
    expect(one.mayHaveMore).toBe(true);
  });

  it('keeps 100 orders within the result budget, dropping the oldest if it must and saying so', async () => {
    const { sim, context } = await startHarness();
    sim.state.setRateLimit(100_000);
    sim.state.setPrice('KO', '60');
    for (let batch = 0; batch < 100; batch += 25) {
      await Promise.all(Array.from({ length: 25 }, () => placeOrder(sim, { symbol: 'KO', side: 'buy', type: 'limit', time_in_force: 'gtc', qty: '1', limit_price: '50.25' })));
    }
    const result = await runTool(getOrders, { limit: 100 }, context);
    expect(result.count).toBe(100);
    expect(JSON.stringify(result).length).toBeLessThanOrEqual(resultBudgetChars);
    expect(result.orders.length + (result.ordersOmitted ?? 0)).toBe(100);
    expect(result.orders.length).toBeGreaterThanOrEqual(50);
  });

  it('refuses bad statuses, limits over 100 and hostile symbols', async () => {
    const { context } = await startHarness();
    await expect(runTool(getOrders, { status: 'pending' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runTool(getOrders, { limit: 101 }, context)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runTool(getOrders, { symbol: 'AAPL; DROP' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('maps wrong keys to alpaca-auth and a 500 to alpaca-unavailable', async () => {
    const { sim, context, contextWith } = await startHarness();
    await expect(runTool(getOrders, {}, contextWith({ keyId: 'wrong' }))).rejects.toMatchObject({ code: 'alpaca-auth' });
    sim.faults.setStatusSequence('GET /v2/orders', [500]);
    await expect(runTool(getOrders, {}, context)).rejects.toMatchObject({ code: 'alpaca-unavailable' });
  });
});
