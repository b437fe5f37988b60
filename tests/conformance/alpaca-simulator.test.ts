/**
 * Every route of the Alpaca simulator answers what Alpaca's OpenAPI specs describe: each JSON response is validated
 * against the spec's schema for that path, method and status. Error statuses the spec declares without a body (or does
 * not list) are validated against the spec's generic error schemas: `Error` {code, message} on trading,
 * `ErrorResponse` {message} on market data.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../../src/protocol/json.ts';
import { alpacaSimulatorRoutes, startAlpacaSimulator } from '../simulators/alpaca/index.ts';
import type { AlpacaSimulator } from '../simulators/alpaca/index.ts';
import { OpenApiValidator, readJsonFile } from './openapi-validator.ts';

const specDirectory = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'alpaca-openapi');
const tradingSpec = path.join(specDirectory, 'trading-api.json');
const dataSpec = path.join(specDirectory, 'market-data-api.json');
const specsMissing = !existsSync(tradingSpec) || !existsSync(dataSpec);
const reason = specsMissing ? ` (skipped: Alpaca OpenAPI specs not found in ${specDirectory})` : '';

type Server = 'trading' | 'data';

/**
 * Where the live service and the spec disagree, the simulator follows the service; these answers are exempt from
 * schema validation. Bad keys: the spec says 401, the service answers 403 {"message":"forbidden."} without a code
 * (wire-formats.md §B1, §B8 and §E2; alpaca-openapi/SOURCE.md).
 * Two other known differences still validate against the spec's Error schema and so are not exempt: a duplicate
 * client_order_id answers 422 {code: 40010001} and insufficient buying power 403 {code: 40310000, buying_power, ...}
 * (the spec lists both statuses for POST /v2/orders, without a body).
 */
function exempt(status: number, body: unknown): string | undefined {
  if (status === 403 && JSON.stringify(body) === '{"message":"forbidden."}') return 'bad keys: 403 forbidden instead of 401';
  return undefined;
}

/**
 * Where the spec cannot be satisfied as written, the schema used instead. GET /v2/account/activities/{activity_type}
 * declares its items as oneOf [TradingActivities, NonTradeActivities]; neither has required fields, so every object
 * matches both and fails oneOf. Items are validated against TradingActivities (the simulator only has FILLs).
 */
function schemaFix(template: string, status: number): { items: { $ref: string }; type: string } | undefined {
  if (template === '/v2/account/activities/{activity_type}' && status === 200) return { type: 'array', items: { $ref: '#/components/schemas/TradingActivities' } };
  return undefined;
}

describe.skipIf(specsMissing)(`Alpaca simulator conforms to Alpaca's OpenAPI specs${reason}`, () => {
  let sim: AlpacaSimulator;
  let validator: OpenApiValidator;
  const covered = new Set<string>();

  beforeAll(async () => {
    validator = new OpenApiValidator({ trading: readJsonFile(tradingSpec), data: readJsonFile(dataSpec) });
    // Monday 2025-06-16 11:00 New York: the market is open.
    sim = await startAlpacaSimulator({ now: new Date('2025-06-16T15:00:00Z'), seed: 7 });
  });

  afterAll(async () => {
    await sim.close();
  });

  interface Call {
    server: Server;
    method: 'GET' | 'POST' | 'DELETE';
    template: string;
    path: string;
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
  }

  /** Calls the simulator, checks the status, validates the body against the spec, and returns the body. */
  async function check(call: Call): Promise<unknown> {
    const base = call.server === 'trading' ? sim.tradingUrl : sim.dataUrl;
    const response = await fetch(`${base}${call.path}`, {
      method: call.method,
      headers: {
        'APCA-API-KEY-ID': sim.keyId,
        'APCA-API-SECRET-KEY': sim.secret,
        ...(call.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...call.headers,
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
    const text = await response.text();
    expect(response.status, `${call.method} ${call.path}: ${text}`).toBe(call.status);
    covered.add(`${call.method} ${call.template}`);
    expect(validator.hasOperation(call.server, call.template, call.method), `${call.method} ${call.template} is in the ${call.server} spec`).toBe(true);
    const spec = validator.response(call.server, call.template, call.method, call.status);
    if (text === '') {
      expect(spec.kind === 'schema', `${call.method} ${call.template} ${String(call.status)} must have a body`).toBe(false);
      return undefined;
    }
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = parseJson(z.unknown(), text);
    // The spec's rate limit headers (integers), which the simulator sends on every answer.
    for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']) {
      expect(response.headers.get(name), `${name} on ${call.method} ${call.path}`).toMatch(/^\d+$/);
    }
    if (exempt(response.status, body) !== undefined) return body;
    const schema =
      schemaFix(call.template, call.status) ??
      (spec.kind === 'schema'
        ? spec.schema
        : call.server === 'trading'
          ? validator.component('trading', 'Error')
          : validator.component('trading', 'ErrorResponse'));
    const errors = validator.errors(spec.kind === 'schema' ? call.server : 'trading', schema, body);
    expect(errors, `${call.method} ${call.path} ${String(call.status)} ${text.slice(0, 300)}`).toEqual([]);
    if (spec.kind !== 'schema' && call.server === 'data') expect(body).toHaveProperty('message');
    return body;
  }

  const trading = (method: Call['method'], template: string, route: string, status: number, body?: unknown): Promise<unknown> =>
    check({ server: 'trading', method, template, path: route, status, body });
  const data = (template: string, route: string, status = 200): Promise<unknown> => check({ server: 'data', method: 'GET', template, path: route, status });

  function idOf(value: unknown): string {
    return z.object({ id: z.string() }).loose().parse(value).id;
  }

  it('serves only operations that the specs define', () => {
    for (const route of alpacaSimulatorRoutes) {
      expect(validator.hasOperation(route.server, route.template, route.method), `${route.method} ${route.template}`).toBe(true);
    }
  });

  it('answers account, positions, assets, clock and calendar as specified', async () => {
    await trading('GET', '/v2/account', '/v2/account', 200);
    await trading('GET', '/v2/positions', '/v2/positions', 200);
    await trading('GET', '/v2/positions/{symbol_or_asset_id}', '/v2/positions/AAPL', 200);
    await trading('GET', '/v2/positions/{symbol_or_asset_id}', '/v2/positions/TSLA', 404);
    await trading('GET', '/v2/assets', '/v2/assets?status=active', 200);
    await trading('GET', '/v2/assets/{symbol_or_asset_id}', '/v2/assets/BRK.B', 200);
    await trading('GET', '/v2/assets/{symbol_or_asset_id}', '/v2/assets/ZZZZQX', 404);
    await trading('GET', '/v2/clock', '/v2/clock', 200);
    await trading('GET', '/v2/calendar', '/v2/calendar?start=2025-01-01&end=2025-12-31', 200);
    await trading('GET', '/v2/calendar', '/v2/calendar?start=yesterday', 400);
  });

  it('answers order placement, lookup, listing and cancellation as specified', async () => {
    sim.state.setPrice('AAPL', '200');
    const market = await trading('POST', '/v2/orders', '/v2/orders', 200, { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', qty: '1', client_order_id: 'conformance-1' });
    await trading('POST', '/v2/orders', '/v2/orders', 200, { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', notional: '150.5' });
    const limit = await trading('POST', '/v2/orders', '/v2/orders', 200, { symbol: 'AAPL', side: 'buy', type: 'limit', time_in_force: 'gtc', qty: '2', limit_price: '150' });
    await trading('POST', '/v2/orders', '/v2/orders', 200, { symbol: 'MSFT', side: 'buy', type: 'limit', time_in_force: 'day', qty: '1', limit_price: '10' });
    await trading('POST', '/v2/orders', '/v2/orders', 422, { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', qty: '1', client_order_id: 'conformance-1' });
    await trading('POST', '/v2/orders', '/v2/orders', 403, { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', qty: '100000' });
    await trading('POST', '/v2/orders', '/v2/orders', 403, { symbol: 'AAPL', side: 'sell', type: 'market', time_in_force: 'day', qty: '100000' });
    await trading('POST', '/v2/orders', '/v2/orders', 400, { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', qty: '1', notional: '10' });
    await trading('POST', '/v2/orders', '/v2/orders', 422, { symbol: 'ZZZZQX', side: 'buy', type: 'market', time_in_force: 'day', qty: '1' });

    await trading('GET', '/v2/orders', '/v2/orders?status=all&direction=asc', 200);
    await trading('GET', '/v2/orders/{order_id}', `/v2/orders/${idOf(market)}`, 200);
    await trading('GET', '/v2/orders/{order_id}', '/v2/orders/00000000-0000-4000-8000-000000000000', 404);
    await trading('GET', '/v2/orders:by_client_order_id', '/v2/orders:by_client_order_id?client_order_id=conformance-1', 200);
    await trading('GET', '/v2/orders:by_client_order_id', '/v2/orders:by_client_order_id?client_order_id=unknown', 404);
    await trading('DELETE', '/v2/orders/{order_id}', `/v2/orders/${idOf(limit)}`, 204);
    await trading('DELETE', '/v2/orders/{order_id}', `/v2/orders/${idOf(market)}`, 422);
    await trading('DELETE', '/v2/orders/{order_id}', '/v2/orders/00000000-0000-4000-8000-000000000000', 404);
    await trading('DELETE', '/v2/orders', '/v2/orders', 207);
    await trading('DELETE', '/v2/positions/{symbol_or_asset_id}', '/v2/positions/VOO?percentage=50', 200);
    await trading('DELETE', '/v2/positions/{symbol_or_asset_id}', '/v2/positions/TSLA', 404);
  });

  it('answers activities and portfolio history as specified', async () => {
    await trading('GET', '/v2/account/activities', '/v2/account/activities?page_size=3', 200);
    await trading('GET', '/v2/account/activities/{activity_type}', '/v2/account/activities/FILL?direction=asc', 200);
    await trading('GET', '/v2/account/activities/{activity_type}', '/v2/account/activities/NOPE', 422);
    await trading('GET', '/v2/account/portfolio/history', '/v2/account/portfolio/history?period=3M&timeframe=1D', 200);
    await trading('GET', '/v2/account/portfolio/history', '/v2/account/portfolio/history?period=1D&timeframe=15Min', 200);
  });

  it('answers market data routes as specified', async () => {
    await data('/v2/stocks/bars', '/v2/stocks/bars?symbols=AAPL,MSFT,ZZZZQX&timeframe=1Day&start=2025-05-01&limit=30');
    await data('/v2/stocks/bars', '/v2/stocks/bars?symbols=AAPL&timeframe=15Min&start=2025-06-13T13:00:00Z&end=2025-06-13T16:00:00Z');
    await data('/v2/stocks/{symbol}/bars', '/v2/stocks/SPY/bars?timeframe=1Week&start=2025-01-01');
    await data('/v2/stocks/{symbol}/bars', '/v2/stocks/BRK.B/bars?timeframe=1Month&start=2024-01-01&sort=desc');
    await data('/v2/stocks/{symbol}/bars', '/v2/stocks/AAPL$/bars?timeframe=1Day', 400);
    await data('/v2/stocks/{symbol}/bars', '/v2/stocks/AAPL/bars?timeframe=7Weeks', 400);
    await data('/v2/stocks/bars/latest', '/v2/stocks/bars/latest?symbols=AAPL,GLD');
    await data('/v2/stocks/{symbol}/bars/latest', '/v2/stocks/QQQ/bars/latest');
    await data('/v2/stocks/trades/latest', '/v2/stocks/trades/latest?symbols=AAPL,TSLA');
    await data('/v2/stocks/{symbol}/trades/latest', '/v2/stocks/NVDA/trades/latest?feed=sip');
    await data('/v2/stocks/quotes/latest', '/v2/stocks/quotes/latest?symbols=BND,AGG');
    await data('/v2/stocks/{symbol}/quotes/latest', '/v2/stocks/VNQ/quotes/latest');
    await data('/v2/stocks/snapshots', '/v2/stocks/snapshots?symbols=AAPL,BRK.B,ZZZZQX');
    await data('/v2/stocks/{symbol}/snapshot', '/v2/stocks/PLTR/snapshot');
    await data('/v2/stocks/{symbol}/snapshot', '/v2/stocks/ZZZZQX/snapshot', 404);
    await data('/v1beta1/news', '/v1beta1/news?symbols=AAPL,TSLA&limit=5');
    await data('/v1beta1/news', '/v1beta1/news?limit=51', 400);
  });

  it('answers with the same shapes when the market is closed', async () => {
    sim.state.setNow(new Date('2025-06-14T16:00:00Z'));
    await trading('GET', '/v2/clock', '/v2/clock', 200);
    await trading('POST', '/v2/orders', '/v2/orders', 200, { symbol: 'GLD', side: 'buy', type: 'market', time_in_force: 'day', qty: '1' });
    await trading('GET', '/v2/orders', '/v2/orders', 200);
    await data('/v2/stocks/{symbol}/snapshot', '/v2/stocks/GLD/snapshot');
    await data('/v2/stocks/{symbol}/bars', '/v2/stocks/GLD/bars?timeframe=1Hour&start=2025-06-13');
  });

  it('shapes injected failures, rate limiting and bad keys like the service', async () => {
    sim.faults.setStatusSequence('GET /v2/account', [500, 503]);
    await trading('GET', '/v2/account', '/v2/account', 500);
    await trading('GET', '/v2/account', '/v2/account', 503);
    sim.faults.setStatusSequence('GET /v2/stocks/{symbol}/bars', [500]);
    await data('/v2/stocks/{symbol}/bars', '/v2/stocks/AAPL/bars?timeframe=1Day', 500);
    sim.state.setRateLimit(1);
    await trading('GET', '/v2/clock', '/v2/clock', 200);
    await trading('GET', '/v2/clock', '/v2/clock', 429);
    sim.state.setRateLimit(200);
    await check({ server: 'trading', method: 'GET', template: '/v2/account', path: '/v2/account', status: 403, headers: { 'APCA-API-SECRET-KEY': 'wrong' } });
  });

  it('exercised every simulator route', () => {
    const missing = alpacaSimulatorRoutes.map((route) => `${route.method} ${route.template}`).filter((key) => !covered.has(key));
    expect(missing).toEqual([]);
  });
});
