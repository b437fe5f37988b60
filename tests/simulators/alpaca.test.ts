import { Decimal } from 'decimal.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../../src/protocol/json.ts';
import { startAlpacaSimulator } from './alpaca/index.ts';
import type { AlpacaSimulator, AlpacaSimulatorOptions } from './alpaca/index.ts';

/** Monday 2025-06-16, 11:00 in New York: the market is open. */
const mondayMorning = new Date('2025-06-16T15:00:00Z');
/** Saturday 2025-06-14, noon in New York. */
const saturday = new Date('2025-06-14T16:00:00Z');

const running: AlpacaSimulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

async function start(options: AlpacaSimulatorOptions = {}): Promise<AlpacaSimulator> {
  const sim = await startAlpacaSimulator({ now: mondayMorning, history: false, ...options });
  running.push(sim);
  return sim;
}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

const orderSchema = z.looseObject({
  id: z.string(),
  client_order_id: z.string(),
  status: z.string(),
  symbol: z.string(),
  qty: z.string().nullable(),
  notional: z.string().nullable(),
  filled_qty: z.string(),
  filled_avg_price: z.string().nullable(),
  filled_at: z.string().nullable(),
});
const positionSchema = z.looseObject({ symbol: z.string(), qty: z.string(), avg_entry_price: z.string(), cost_basis: z.string(), market_value: z.string(), unrealized_pl: z.string() });
const accountSchema = z.looseObject({ cash: z.string(), equity: z.string(), buying_power: z.string(), long_market_value: z.string() });
const errorSchema = z.looseObject({ code: z.number().optional(), message: z.string() });
const barSchema = z.object({ t: z.string(), o: z.number(), h: z.number(), l: z.number(), c: z.number(), v: z.number(), n: z.number(), vw: z.number() });
const multiBarsSchema = z.object({ bars: z.record(z.string(), z.array(barSchema)), next_page_token: z.string().nullable() });
const singleBarsSchema = z.object({ bars: z.array(barSchema), symbol: z.string(), next_page_token: z.string().nullable() });
const calendarSchema = z.array(z.looseObject({ date: z.string(), open: z.string(), close: z.string() }));
const clockSchema = z.object({ timestamp: z.string(), is_open: z.boolean(), next_open: z.string(), next_close: z.string() });

function client(sim: AlpacaSimulator, keys = { id: sim.keyId, secret: sim.secret }) {
  async function call(base: string, method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'APCA-API-KEY-ID': keys.id, 'APCA-API-SECRET-KEY': keys.secret, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : parseJson(z.unknown(), text) };
  }
  return {
    get: (path: string) => call(sim.tradingUrl, 'GET', path),
    post: (path: string, body: unknown) => call(sim.tradingUrl, 'POST', path, body),
    delete: (path: string) => call(sim.tradingUrl, 'DELETE', path),
    data: (path: string) => call(sim.dataUrl, 'GET', path),
  };
}

const buy = (symbol: string, qty: string, extra: Record<string, unknown> = {}) => ({ symbol, qty, side: 'buy', type: 'market', time_in_force: 'day', ...extra });

describe('Alpaca simulator: orders, cash and positions', () => {
  it('fills a market order at the set price and moves cash and the position by exact amounts', async () => {
    const sim = await start();
    const api = client(sim);
    sim.state.setCash('10000');
    sim.state.setPrice('AAPL', '150.25');

    const placed = await api.post('/v2/orders', buy('AAPL', '3'));
    expect(placed.status).toBe(200);
    const order = orderSchema.parse(placed.body);
    expect(order).toMatchObject({ status: 'filled', qty: '3', filled_qty: '3', filled_avg_price: '150.25' });

    expect(accountSchema.parse((await api.get('/v2/account')).body)).toMatchObject({ cash: '9549.25', long_market_value: '450.75', equity: '10000' });
    sim.state.setPrice('AAPL', '160');
    expect(positionSchema.parse((await api.get('/v2/positions/AAPL')).body)).toMatchObject({
      qty: '3',
      avg_entry_price: '150.25',
      cost_basis: '450.75',
      market_value: '480',
      unrealized_pl: '29.25',
    });

    const sold = await api.post('/v2/orders', { ...buy('AAPL', '1'), side: 'sell' });
    expect(orderSchema.parse(sold.body)).toMatchObject({ status: 'filled', filled_avg_price: '160' });
    expect(accountSchema.parse((await api.get('/v2/account')).body).cash).toBe('9709.25');
    expect(positionSchema.parse((await api.get('/v2/positions/AAPL')).body).qty).toBe('2');
    expect(sim.state.cash()).toBe('9709.25');
  });

  it('turns a notional order into a fractional quantity with 9 decimals', async () => {
    const sim = await start();
    const api = client(sim);
    sim.state.setCash('1000');
    sim.state.setPrice('AAPL', '187.13');

    const placed = await api.post('/v2/orders', { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', notional: '100' });
    const order = orderSchema.parse(placed.body);
    const expectedQty = new Decimal(100).div('187.13').toDecimalPlaces(9, Decimal.ROUND_DOWN);
    expect(order).toMatchObject({ status: 'filled', qty: null, notional: '100', filled_qty: expectedQty.toFixed() });
    expect(order.filled_qty.split('.')[1]?.length).toBeLessThanOrEqual(9);
    expect(sim.state.cash()).toBe(new Decimal(1000).sub(expectedQty.mul('187.13').toDecimalPlaces(2, Decimal.ROUND_HALF_UP)).toFixed());
    expect(positionSchema.parse((await api.get('/v2/positions/AAPL')).body).qty).toBe(expectedQty.toFixed());
  });

  it('rejects fractional orders for assets that are not fractionable, and qty with notional', async () => {
    const sim = await start();
    const api = client(sim);
    const fractional = await api.post('/v2/orders', buy('BRK.A', '0.5'));
    expect(fractional.status).toBe(422);
    expect(errorSchema.parse(fractional.body).message).toMatch(/not fractionable/);
    const both = await api.post('/v2/orders', buy('AAPL', '1', { notional: '50' }));
    expect(both.status).toBe(400);
    const unknown = await api.post('/v2/orders', buy('ZZZZQX', '1'));
    expect(unknown.status).toBe(422);
    expect(errorSchema.parse(unknown.body).message).toBe('asset not found for ZZZZQX');
  });

  it('answers 422 40010001 to a reused client_order_id, also after the first order was canceled', async () => {
    const sim = await start();
    const api = client(sim);
    sim.state.setPrice('MSFT', '400');
    const first = await api.post('/v2/orders', { ...buy('MSFT', '1'), type: 'limit', limit_price: '300', client_order_id: 'plan-7-step-1' });
    expect(orderSchema.parse(first.body).status).toBe('new');
    expect((await api.delete(`/v2/orders/${orderSchema.parse(first.body).id}`)).status).toBe(204);

    const again = await api.post('/v2/orders', buy('MSFT', '1', { client_order_id: 'plan-7-step-1' }));
    expect(again.status).toBe(422);
    expect(errorSchema.parse(again.body)).toEqual({ code: 40010001, message: 'client_order_id must be unique' });
    expect(sim.state.orders()).toHaveLength(1);
  });

  it('answers 403 40310000 with the buying power when cash (less open buy orders) is short', async () => {
    const sim = await start();
    const api = client(sim);
    sim.state.setCash('1000');
    sim.state.setPrice('AAPL', '200');
    // A resting limit order holds 5 x 150 = 750 of the cash.
    expect((await api.post('/v2/orders', { ...buy('AAPL', '5'), type: 'limit', limit_price: '150' })).status).toBe(200);
    expect(accountSchema.parse((await api.get('/v2/account')).body).buying_power).toBe('250');

    const short = await api.post('/v2/orders', buy('AAPL', '2'));
    expect(short.status).toBe(403);
    expect(short.body).toEqual({ buying_power: '250', code: 40310000, cost_basis: '400', message: 'insufficient buying power' });
    expect((await api.post('/v2/orders', buy('AAPL', '1'))).status).toBe(200);
  });

  it('answers 403 40310000 when selling more shares than are available', async () => {
    const sim = await start();
    const api = client(sim);
    sim.state.setPosition('TSLA', '2', '300');
    const answer = await api.post('/v2/orders', { ...buy('TSLA', '10'), side: 'sell' });
    expect(answer.status).toBe(403);
    expect(errorSchema.parse(answer.body)).toMatchObject({ code: 40310000, message: 'insufficient qty available for order (requested: 10, available: 2)' });
  });

  it('fills a resting limit order once the price crosses the limit', async () => {
    const sim = await start();
    const api = client(sim);
    sim.state.setCash('1000');
    sim.state.setPrice('AAPL', '200');
    const placed = orderSchema.parse((await api.post('/v2/orders', { ...buy('AAPL', '2'), type: 'limit', limit_price: '190' })).body);
    expect(placed.status).toBe('new');
    sim.state.setPrice('AAPL', '195');
    expect(orderSchema.parse((await api.get(`/v2/orders/${placed.id}`)).body).status).toBe('new');
    sim.state.setPrice('AAPL', '189.5');
    expect(orderSchema.parse((await api.get(`/v2/orders/${placed.id}`)).body)).toMatchObject({ status: 'filled', filled_avg_price: '189.5', filled_qty: '2' });
    expect(sim.state.cash()).toBe('621');
  });

  it('fills a resting limit order at its limit when the simulated intraday prices reach it', async () => {
    // The full day's bar, from a simulator whose clock is past that day (prices depend only on seed and date).
    const later = await start({ seed: 5, now: new Date('2025-06-17T15:00:00Z') });
    const day = singleBarsSchema.parse((await client(later).data('/v2/stocks/NVDA/bars?timeframe=1Day&start=2025-06-16&end=2025-06-16')).body).bars[0];
    expect(day).toBeDefined();

    const sim = await start({ seed: 5, now: new Date('2025-06-16T13:31:00Z') });
    const api = client(sim);
    const current = new Decimal(sim.state.price('NVDA'));
    const limit = new Decimal(day!.l).add('0.01');
    expect(limit.lt(current)).toBe(true);
    const placed = orderSchema.parse((await api.post('/v2/orders', { ...buy('NVDA', '1'), type: 'limit', limit_price: limit.toFixed() })).body);
    expect(placed.status).toBe('new');
    sim.state.advance(7 * 3_600_000);
    const filled = orderSchema.parse((await api.get(`/v2/orders/${placed.id}`)).body);
    expect(filled).toMatchObject({ status: 'filled', filled_avg_price: limit.toFixed() });
    expect(Date.parse(filled.filled_at ?? '')).toBeGreaterThan(Date.parse('2025-06-16T13:31:00Z'));
  });

  it('keeps a market order open while the market is closed and fills it at the next open', async () => {
    const sim = await start({ now: saturday });
    const api = client(sim);
    sim.state.setCash('5000');
    expect(clockSchema.parse((await api.get('/v2/clock')).body)).toMatchObject({ is_open: false, next_open: '2025-06-16T09:30:00-04:00' });

    const placed = orderSchema.parse((await api.post('/v2/orders', buy('SPY', '2'))).body);
    expect(placed.status).toBe('accepted');
    expect(sim.state.cash()).toBe('5000');
    expect((await api.get('/v2/positions/SPY')).status).toBe(404);
    const listed = z.array(orderSchema).parse((await api.get('/v2/orders?status=open')).body);
    expect(listed.map((order) => order.id)).toEqual([placed.id]);

    sim.state.advance(46 * 3_600_000); // Monday 10:00 New York
    const filled = orderSchema.parse((await api.get(`/v2/orders/${placed.id}`)).body);
    expect(filled).toMatchObject({ status: 'filled', filled_qty: '2' });
    expect(filled.filled_at).toMatch(/^2025-06-16T13:30:00\./);
    const monday = singleBarsSchema.parse((await api.data('/v2/stocks/SPY/bars?timeframe=1Day&start=2025-06-16&end=2025-06-16')).body).bars[0];
    expect(filled.filled_avg_price).toBe(new Decimal(monday!.o).toFixed());
    expect(sim.state.cash()).toBe(new Decimal(5000).sub(new Decimal(monday!.o).mul(2)).toFixed());
  });

  it('expires a day limit order that did not fill by the close', async () => {
    const sim = await start({ now: saturday });
    const api = client(sim);
    const placed = orderSchema.parse((await api.post('/v2/orders', { ...buy('KO', '1'), type: 'limit', limit_price: '1' })).body);
    sim.state.setNow(new Date('2025-06-16T21:00:00Z'));
    expect(orderSchema.parse((await api.get(`/v2/orders/${placed.id}`)).body).status).toBe('expired');
    expect((await api.delete(`/v2/orders/${placed.id}`)).status).toBe(422);
  });
});

describe('Alpaca simulator: account history', () => {
  it('starts by default with a $100,000 deposit and five past purchases, listed as FILL activities', async () => {
    const sim = await start({ history: true });
    const api = client(sim);
    const fillSchema = z.array(z.looseObject({ id: z.string(), activity_type: z.literal('FILL'), symbol: z.string(), qty: z.string(), price: z.string(), transaction_time: z.string() }));
    const fills = fillSchema.parse((await api.get('/v2/account/activities/FILL?direction=asc')).body);
    expect(fills.map((fill) => fill.symbol)).toEqual(['VOO', 'AAPL', 'BND', 'MSFT', 'NVDA']);
    const spent = fills.reduce((sum, fill) => sum.add(new Decimal(fill.qty).mul(fill.price).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)), new Decimal(0));
    expect(sim.state.cash()).toBe(new Decimal(100000).sub(spent).toFixed());
    const positions = z.array(positionSchema).parse((await api.get('/v2/positions')).body);
    expect(positions.map((position) => `${position.symbol}:${position.qty}`)).toEqual(['AAPL:15', 'BND:60', 'MSFT:8', 'NVDA:20', 'VOO:12']);

    // Paging newest first: two pages of two and one of one, each item once.
    const pages: string[][] = [];
    let token: string | undefined;
    for (let page = 0; page < 3; page += 1) {
      const items = fillSchema.parse((await api.get(`/v2/account/activities?activity_types=FILL&page_size=2${token ? `&page_token=${token}` : ''}`)).body);
      pages.push(items.map((item) => item.symbol));
      token = items.at(-1)?.id;
    }
    expect(pages).toEqual([['NVDA', 'MSFT'], ['BND', 'AAPL'], ['VOO']]);
  });

  it('reports daily portfolio equity from cash and positions valued at each close', async () => {
    const sim = await start();
    const api = client(sim);
    sim.state.setCash('1000');
    const historySchema = z.object({ timestamp: z.array(z.number()), equity: z.array(z.number()), profit_loss: z.array(z.number()), base_value: z.number(), timeframe: z.string() });
    const flat = historySchema.parse((await api.get('/v2/account/portfolio/history?period=1W&timeframe=1D')).body);
    expect(flat.equity).toEqual(flat.timestamp.map(() => 1000));
    expect(flat.timestamp).toHaveLength(6);
    expect(flat.timestamp.at(-1)).toBe(Date.parse('2025-06-16T04:00:00Z') / 1000);

    await api.post('/v2/orders', buy('KO', '10'));
    const after = historySchema.parse((await api.get('/v2/account/portfolio/history?period=1W&timeframe=1D')).body);
    const account = accountSchema.parse((await api.get('/v2/account')).body);
    expect(after.equity.slice(0, -1)).toEqual(flat.equity.slice(0, -1));
    expect(after.equity.at(-1)).toBe(Number(account.equity));
  });
});

describe('Alpaca simulator: access', () => {
  it('answers 403 {"message":"forbidden."} to wrong or missing keys on both servers', async () => {
    const sim = await start();
    const wrong = client(sim, { id: sim.keyId, secret: 'not-the-secret' });
    expect(await wrong.get('/v2/account')).toMatchObject({ status: 403, body: { message: 'forbidden.' } });
    expect(await wrong.data('/v2/stocks/AAPL/snapshot')).toMatchObject({ status: 403, body: { message: 'forbidden.' } });
    const missing = await fetch(`${sim.tradingUrl}/v2/account`);
    expect(missing.status).toBe(403);
  });

  it('answers 429 42910000 beyond the rate limit, with X-RateLimit headers on every answer', async () => {
    const sim = await start();
    const api = client(sim);
    sim.state.setRateLimit(3);
    const remaining: (string | null)[] = [];
    for (let index = 0; index < 3; index += 1) {
      const answer = await api.get('/v2/clock');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('X-RateLimit-Limit')).toBe('3');
      remaining.push(answer.headers.get('X-RateLimit-Remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await api.get('/v2/clock');
    expect(limited.status).toBe(429);
    expect(errorSchema.parse(limited.body).code).toBe(42910000);
    expect(limited.headers.get('X-RateLimit-Remaining')).toBe('0');
    expect(Number(limited.headers.get('X-RateLimit-Reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('answers CORS preflight requests permissively', async () => {
    const sim = await start();
    const preflight = await fetch(`${sim.tradingUrl}/v2/orders`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'apca-api-key-id,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('apca-api-key-id,content-type');
  });

  it('records every request on either server', async () => {
    const sim = await start();
    const api = client(sim);
    await api.post('/v2/orders', buy('KO', '1', { client_order_id: 'recorded' }));
    await api.data('/v2/stocks/KO/trades/latest?feed=iex');
    expect(sim.requests.map(({ server, method, path }) => ({ server, method, path }))).toEqual([
      { server: 'trading', method: 'POST', path: '/v2/orders' },
      { server: 'data', method: 'GET', path: '/v2/stocks/KO/trades/latest' },
    ]);
    expect(sim.requests[0]?.body).toMatchObject({ client_order_id: 'recorded' });
    expect(sim.requests[0]?.headers['apca-api-key-id']).toBe(sim.keyId);
    expect(sim.requests[1]?.query).toEqual({ feed: 'iex' });
  });
});

describe('Alpaca simulator: calendar and clock', () => {
  it('lists trading days only, without NYSE holidays, with 13:00 early closes', async () => {
    const api = client(await start());
    const days = calendarSchema.parse((await api.get('/v2/calendar?start=2025-01-01&end=2025-12-31')).body);
    const dates = days.map((day) => day.date);
    expect(dates).toHaveLength(250);
    for (const holiday of ['2025-01-01', '2025-01-09', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25']) {
      expect(dates).not.toContain(holiday);
    }
    expect(dates).not.toContain('2025-07-05');
    const early = days.filter((day) => day.close === '13:00').map((day) => day.date);
    expect(early).toEqual(['2025-07-03', '2025-11-28', '2025-12-24']);
    expect(days.find((day) => day.date === '2025-07-07')).toMatchObject({ open: '09:30', close: '16:00' });
  });

  it('observes weekend holidays on the nearest weekday, but not a Saturday New Year', async () => {
    const api = client(await start());
    const dates = calendarSchema.parse((await api.get('/v2/calendar?start=2021-12-20&end=2022-01-03')).body).map((day) => day.date);
    expect(dates).not.toContain('2021-12-24');
    expect(dates).toContain('2021-12-31');
    const july = calendarSchema.parse((await api.get('/v2/calendar?start=2026-07-01&end=2026-07-06')).body).map((day) => day.date);
    expect(july).toEqual(['2026-07-01', '2026-07-02', '2026-07-06']);
  });

  it('gives New York times with the daylight saving offset of each date', async () => {
    const sim = await start({ now: new Date('2025-03-07T22:00:00Z') });
    const api = client(sim);
    expect(clockSchema.parse((await api.get('/v2/clock')).body)).toMatchObject({
      is_open: false,
      next_open: '2025-03-10T09:30:00-04:00',
      next_close: '2025-03-10T16:00:00-04:00',
    });
    expect(clockSchema.parse((await api.get('/v2/clock')).body).timestamp).toMatch(/^2025-03-07T17:00:00\.\d{9}-05:00$/);
    sim.state.setNow(new Date('2025-03-10T13:30:00Z'));
    expect(clockSchema.parse((await api.get('/v2/clock')).body).is_open).toBe(true);
  });
});

describe('Alpaca simulator: market data', () => {
  it('pages through bars of several symbols, returning every bar exactly once', async () => {
    const api = client(await start());
    const query = 'symbols=MSFT,AAPL,SPY&timeframe=1Hour&start=2025-06-02&end=2025-06-13';
    const whole = multiBarsSchema.parse((await api.data(`/v2/stocks/bars?${query}&limit=10000`)).body);
    expect(whole.next_page_token).toBeNull();
    const expected = Object.entries(whole.bars).flatMap(([symbol, bars]) => bars.map((bar) => `${symbol} ${bar.t}`));
    expect(expected).toHaveLength(3 * 10 * 7);

    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const page = multiBarsSchema.parse((await api.data(`/v2/stocks/bars?${query}&limit=13${token ? `&page_token=${encodeURIComponent(token)}` : ''}`)).body);
      seen.push(...Object.entries(page.bars).flatMap(([symbol, bars]) => bars.map((bar) => `${symbol} ${bar.t}`)));
      token = page.next_page_token;
      pages += 1;
    } while (token !== null && pages < 100);
    expect(pages).toBe(Math.ceil(expected.length / 13));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected);
    expect(Object.keys(whole.bars)).toEqual(['AAPL', 'MSFT', 'SPY']);
  });

  it('pages through bars in descending order too', async () => {
    const api = client(await start());
    const all: string[] = [];
    let token: string | null = null;
    do {
      const page = singleBarsSchema.parse((await api.data(`/v2/stocks/GLD/bars?timeframe=1Day&start=2025-01-01&end=2025-03-31&sort=desc&limit=10${token ? `&page_token=${encodeURIComponent(token)}` : ''}`)).body);
      all.push(...page.bars.map((bar) => bar.t));
      token = page.next_page_token;
    } while (token !== null);
    expect(all).toHaveLength(60);
    expect([...all].sort().reverse()).toEqual(all);
  });

  it('gives the same bars for the same seed and date whatever the clock, and other bars for another seed', async () => {
    const path = '/v2/stocks/TSLA/bars?timeframe=1Day&start=2024-03-01&end=2024-03-29';
    const first = singleBarsSchema.parse((await client(await start({ seed: 42 })).data(path)).body);
    const second = singleBarsSchema.parse((await client(await start({ seed: 42, now: new Date('2026-01-05T15:00:00Z') })).data(path)).body);
    const other = singleBarsSchema.parse((await client(await start({ seed: 43 })).data(path)).body);
    expect(first.bars).toHaveLength(20);
    expect(second.bars).toEqual(first.bars);
    expect(other.bars.map((bar) => bar.c)).not.toEqual(first.bars.map((bar) => bar.c));
    for (const bar of first.bars) {
      expect(bar.l).toBeLessThanOrEqual(Math.min(bar.o, bar.c));
      expect(bar.h).toBeGreaterThanOrEqual(Math.max(bar.o, bar.c));
    }
  });

  it('agrees with the trading side on the current price, including a set price', async () => {
    const sim = await start();
    const api = client(sim);
    const modelled = Number(sim.state.price('AAPL'));
    const trade = z.object({ trade: z.object({ p: z.number() }) }).parse((await api.data('/v2/stocks/AAPL/trades/latest')).body);
    expect(trade.trade.p).toBe(modelled);
    sim.state.setPrice('AAPL', '123.45');
    const snapshots = z.record(z.string(), z.object({ latestTrade: z.object({ p: z.number() }), dailyBar: barSchema })).parse((await api.data('/v2/stocks/snapshots?symbols=AAPL,ZZZZQX')).body);
    expect(Object.keys(snapshots)).toEqual(['AAPL']);
    expect(snapshots.AAPL?.latestTrade.p).toBe(123.45);
    expect(snapshots.AAPL?.dailyBar.c).toBe(123.45);
  });

  it('answers 400 "Invalid symbol(s)" to malformed symbols and nothing for unknown ones', async () => {
    const api = client(await start());
    expect(await api.data('/v2/stocks/bars?symbols=AAPL,$$$&timeframe=1Day')).toMatchObject({ status: 400, body: { message: 'Invalid symbol(s): $$$' } });
    expect(await api.data('/v2/stocks/ZZZZQX/bars?timeframe=1Day&start=2025-01-01')).toMatchObject({ status: 200, body: { bars: [], symbol: 'ZZZZQX', next_page_token: null } });
  });

  it('serves deterministic news, newest first, with pagination', async () => {
    const api = client(await start());
    const newsSchema = z.object({ news: z.array(z.object({ id: z.number(), headline: z.string(), created_at: z.string(), symbols: z.array(z.string()) })), next_page_token: z.string().nullable() });
    const first = newsSchema.parse((await api.data('/v1beta1/news?symbols=AAPL&limit=3')).body);
    expect(first.news).toHaveLength(3);
    expect(first.news.every((item) => item.symbols.includes('AAPL'))).toBe(true);
    expect([...first.news.map((item) => item.created_at)].sort().reverse()).toEqual(first.news.map((item) => item.created_at));
    const second = newsSchema.parse((await api.data(`/v1beta1/news?symbols=AAPL&limit=3&page_token=${encodeURIComponent(first.next_page_token ?? '')}`)).body);
    expect(second.news.map((item) => item.id)).not.toContain(first.news[0]?.id);
    expect((second.news[0]?.created_at ?? '') < (first.news[2]?.created_at ?? '')).toBe(true);
    const again = newsSchema.parse((await api.data('/v1beta1/news?symbols=AAPL&limit=3')).body);
    expect(again).toEqual(first);
  });
});

describe('Alpaca simulator: faults', () => {
  it('creates the order but loses the answer when dropping after processing', async () => {
    const sim = await start();
    const api = client(sim);
    sim.faults.dropNext('POST /v2/orders', { afterProcessing: true });
    await expect(api.post('/v2/orders', buy('KO', '1', { client_order_id: 'lost-answer' }))).rejects.toThrow(TypeError);

    const found = await api.get('/v2/orders:by_client_order_id?client_order_id=lost-answer');
    expect(found.status).toBe(200);
    expect(orderSchema.parse(found.body)).toMatchObject({ client_order_id: 'lost-answer', status: 'filled' });
    expect((await api.post('/v2/orders', buy('KO', '1', { client_order_id: 'lost-answer' }))).status).toBe(422);
  });

  it('drops a request before processing without creating anything', async () => {
    const sim = await start();
    const api = client(sim);
    sim.faults.dropNext('POST /v2/orders');
    await expect(api.post('/v2/orders', buy('KO', '1', { client_order_id: 'never-arrived' }))).rejects.toThrow(TypeError);
    expect((await api.get('/v2/orders:by_client_order_id?client_order_id=never-arrived')).status).toBe(404);
    expect(sim.state.orders()).toHaveLength(0);
  });

  it('answers a scripted status sequence without side effects, then normally', async () => {
    const sim = await start();
    const api = client(sim);
    sim.faults.setStatusSequence('POST /v2/orders', [500, 503]);
    const first = await api.post('/v2/orders', buy('KO', '1'));
    const second = await api.post('/v2/orders', buy('KO', '1'));
    expect([first.status, second.status]).toEqual([500, 503]);
    expect(errorSchema.parse(first.body).code).toBe(50010000);
    expect(sim.state.orders()).toHaveLength(0);
    expect((await api.post('/v2/orders', buy('KO', '1'))).status).toBe(200);
    sim.faults.setStatusSequence('GET /v2/positions/{symbol_or_asset_id}', [502]);
    expect((await api.get('/v2/positions/KO')).status).toBe(502);
    expect((await api.get('/v2/positions/KO')).status).toBe(200);
  });

  it('delays answers by the configured latency until cleared', async () => {
    const sim = await start();
    const api = client(sim);
    sim.faults.setLatency('GET /v2/clock', 300);
    let started = performance.now();
    await api.get('/v2/clock');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    sim.faults.clear();
    started = performance.now();
    await api.get('/v2/clock');
    expect(performance.now() - started).toBeLessThan(250);
  });
});
