/** The Trading API v2 routes the simulator serves (paths as the OpenAPI spec writes them). */
import { accountWire, closePosition, getPosition, listPositions } from './account.ts';
import { listActivities } from './activities.ts';
import { assetWire } from './assets.ts';
import { calendar, clock } from './clock.ts';
import { ok, tradingError } from './http.ts';
import type { Reply, Route, RouteRequest } from './http.ts';
import { cancelAllOrders, cancelOrder, getOrder, getOrderByClientOrderId, listOrders, placeOrder } from './orders.ts';
import { portfolioHistory } from './portfolio-history.ts';

function param(request: RouteRequest, name: string): string {
  return request.params[name] ?? '';
}

function listAssets({ state, query }: RouteRequest): Reply {
  const status = query.get('status');
  const assetClass = query.get('asset_class');
  const exchange = query.get('exchange');
  const assets = state.assets
    .all()
    .filter((profile) => (status === null || profile.status === status) && (assetClass === null || assetClass === 'us_equity') && (exchange === null || profile.exchange === exchange))
    .map(assetWire);
  return ok(assets);
}

function getAsset(request: RouteRequest): Reply {
  const symbol = param(request, 'symbol_or_asset_id');
  const profile = request.state.assets.find(symbol);
  return profile ? ok(assetWire(profile)) : tradingError(404, 40410000, `asset not found for ${symbol}`);
}

export const tradingRoutes: readonly Route[] = [
  { server: 'trading', method: 'GET', template: '/v2/account', handler: ({ state }) => ok(accountWire(state)) },
  { server: 'trading', method: 'GET', template: '/v2/positions', handler: ({ state }) => listPositions(state) },
  { server: 'trading', method: 'GET', template: '/v2/positions/{symbol_or_asset_id}', handler: (request) => getPosition(request.state, param(request, 'symbol_or_asset_id')) },
  {
    server: 'trading',
    method: 'DELETE',
    template: '/v2/positions/{symbol_or_asset_id}',
    handler: (request) => closePosition(request.state, param(request, 'symbol_or_asset_id'), request.query),
  },
  { server: 'trading', method: 'GET', template: '/v2/orders', handler: ({ state, query }) => listOrders(state, query) },
  { server: 'trading', method: 'POST', template: '/v2/orders', handler: ({ state, body }) => placeOrder(state, body) },
  { server: 'trading', method: 'DELETE', template: '/v2/orders', handler: ({ state }) => cancelAllOrders(state) },
  { server: 'trading', method: 'GET', template: '/v2/orders/{order_id}', handler: (request) => getOrder(request.state, param(request, 'order_id')) },
  { server: 'trading', method: 'DELETE', template: '/v2/orders/{order_id}', handler: (request) => cancelOrder(request.state, param(request, 'order_id')) },
  {
    server: 'trading',
    method: 'GET',
    template: '/v2/orders:by_client_order_id',
    handler: ({ state, query }) => getOrderByClientOrderId(state, query.get('client_order_id')),
  },
  { server: 'trading', method: 'GET', template: '/v2/assets', handler: listAssets },
  { server: 'trading', method: 'GET', template: '/v2/assets/{symbol_or_asset_id}', handler: getAsset },
  { server: 'trading', method: 'GET', template: '/v2/clock', handler: ({ state }) => clock(state) },
  { server: 'trading', method: 'GET', template: '/v2/calendar', handler: ({ query }) => calendar(query) },
  { server: 'trading', method: 'GET', template: '/v2/account/activities', handler: ({ state, query }) => listActivities(state, query) },
  {
    server: 'trading',
    method: 'GET',
    template: '/v2/account/activities/{activity_type}',
    handler: (request) => listActivities(request.state, request.query, param(request, 'activity_type')),
  },
  { server: 'trading', method: 'GET', template: '/v2/account/portfolio/history', handler: ({ state, query }) => portfolioHistory(state, query) },
];
