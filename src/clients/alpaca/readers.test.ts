import { afterEach, describe, expect, it } from 'vitest';
import { closeHarnesses, placeOrder, startHarness } from '../../../tests/support/tool-harness';
import { readAccount } from './account';
import { readActivities } from './activities';
import { readAsset } from './assets';
import { readBars } from './bars';
import { readMarketClock, readTradingDays } from './calendar';
import { readNews } from './news';
import { findOrderByClientId, listOrders, readOrder, requestCancel } from './orders';
import { listPositions, readPosition } from './positions';
import type { AlpacaCall } from './response';
import { readSnapshot } from './snapshots';

afterEach(closeHarnesses);

type Harness = Awaited<ReturnType<typeof startHarness>>;

/** Every reader, the route its request goes to, and how it is called. */
const readers: { name: string; route: string; read: (call: Harness['context']) => Promise<unknown> }[] = [
  { name: 'readAsset', route: 'GET /v2/assets/{symbol_or_asset_id}', read: (call) => readAsset(call, 'AAPL') },
  { name: 'readSnapshot', route: 'GET /v2/stocks/{symbol}/snapshot', read: (call) => readSnapshot(call, 'AAPL') },
  {
    name: 'readBars',
    route: 'GET /v2/stocks/{symbol}/bars',
    read: (call) => readBars(call, { symbol: 'AAPL', timeframe: '1Day', start: '2025-06-02T04:00:00Z', end: '2025-06-13T20:00:00Z', maxBars: 10, keep: 'earliest' }),
  },
  { name: 'readOrder', route: 'GET /v2/orders/{order_id}', read: (call) => readOrder(call, '00000000-0000-0000-0000-000000000000') },
  { name: 'findOrderByClientId', route: 'GET /v2/orders:by_client_order_id', read: (call) => findOrderByClientId(call, 'clera-none') },
  { name: 'listOrders', route: 'GET /v2/orders', read: (call) => listOrders(call, { status: 'all', limit: 5 }) },
  { name: 'listPositions', route: 'GET /v2/positions', read: (call) => listPositions(call) },
  { name: 'readPosition', route: 'GET /v2/positions/{symbol_or_asset_id}', read: (call) => readPosition(call, 'AAPL') },
  { name: 'readAccount', route: 'GET /v2/account', read: (call) => readAccount(call) },
  { name: 'readActivities', route: 'GET /v2/account/activities', read: (call) => readActivities(call, { after: '2025-01-01T00:00:00Z', maxRecords: 5 }) },
  { name: 'readMarketClock', route: 'GET /v2/clock', read: (call) => readMarketClock(call) },
  { name: 'readTradingDays', route: 'GET /v2/calendar', read: (call) => readTradingDays(call, '2025-06-02', '2025-06-13') },
  { name: 'readNews', route: 'GET /v1beta1/news', read: (call) => readNews(call, { limit: 3, symbol: 'AAPL' }) },
];

/** A fetch that answers every request with the same JSON body and status. */
const answering = (body: unknown, status = 200): typeof fetch => () => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('Alpaca readers: one error behaviour each', () => {
  it.each(readers)('$name reports a broker outage (500) as alpaca-unavailable', async ({ route, read }) => {
    const { sim, context } = await startHarness();
    sim.faults.setStatusSequence(route, [500]);
    await expect(read(context)).rejects.toMatchObject({ code: 'alpaca-unavailable', kind: 'upstream' });
  });

  it.each(readers)('$name reports a rejected key (401) as alpaca-auth', async ({ read }) => {
    const { contextWith } = await startHarness();
    await expect(read(contextWith({ secretKey: 'wrong' }))).rejects.toMatchObject({ code: 'alpaca-auth', kind: 'configuration' });
  });

  it.each(readers)('$name reports a shape it cannot read as alpaca-bad-response', async ({ read }) => {
    const { contextWith } = await startHarness();
    await expect(read(contextWith({ fetch: answering('not the record') }))).rejects.toMatchObject({ code: 'alpaca-bad-response', kind: 'upstream' });
  });

  const nullable: { name: string; read: (call: AlpacaCall) => Promise<unknown> }[] = [
    { name: 'readAsset (unknown symbol)', read: (call) => readAsset(call, 'ZZZZQ') },
    { name: 'readPosition (none held)', read: (call) => readPosition(call, 'AAPL') },
    { name: 'readOrder (no such order)', read: (call) => readOrder(call, '00000000-0000-0000-0000-000000000000') },
    { name: 'findOrderByClientId (no such order)', read: (call) => findOrderByClientId(call, 'clera-none') },
    { name: 'readSnapshot (no market data)', read: (call) => readSnapshot(call, 'ZZZZQ') },
  ];
  it.each(nullable)('$name answers null when the broker has none', async ({ read }) => {
    const { context } = await startHarness();
    expect(await read(context)).toBeNull();
  });
});

describe('Alpaca readers: the fields callers use', () => {
  it('reads a position with the shares still available to sell', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPosition('AAPL', '10', '150');
    sim.state.setPrice('AAPL', '190');
    await placeOrder(sim, { symbol: 'AAPL', side: 'sell', type: 'limit', time_in_force: 'gtc', qty: '4', limit_price: '500' });
    const position = await readPosition(context, 'AAPL');
    expect(position).toMatchObject({ symbol: 'AAPL', qty: '10', qty_available: '6' });
  });

  it('reads an order with its submission time and filled quantity, by id and by client order id', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPrice('AAPL', '190');
    const placed = (await placeOrder(sim, { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', qty: '2', client_order_id: 'clera-x' })) as { id: string };
    const byId = await readOrder(context, placed.id);
    expect(byId).toMatchObject({ id: placed.id, client_order_id: 'clera-x', status: 'filled', filled_qty: '2', submitted_at: expect.any(String) as unknown });
    expect(await findOrderByClientId(context, 'clera-x')).toEqual(byId);
  });

  it('says whether a cancel was requested, came too late, or found no order', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPrice('AAPL', '190');
    const resting = (await placeOrder(sim, { symbol: 'AAPL', side: 'buy', type: 'limit', time_in_force: 'gtc', qty: '1', limit_price: '100' })) as { id: string };
    const filled = (await placeOrder(sim, { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', qty: '1' })) as { id: string };
    expect(await requestCancel(context, resting.id)).toBe('requested');
    expect(await requestCancel(context, filled.id)).toBe('too-late');
    expect(await requestCancel(context, '00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});
