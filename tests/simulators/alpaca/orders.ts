/** Order routes: validation and placement, lookup, listing and cancellation. */
import { assetId } from './assets.ts';
import { nextSessionFrom, openSessionAt } from './calendar.ts';
import { ok, tradingError } from './http.ts';
import type { Reply } from './http.ts';
import { runClock } from './matching.ts';
import { Decimal, parseAmount, shares, text } from './money.ts';
import type { OrderRecord } from './records.ts';
import { isOpen } from './records.ts';
import { orderWire } from './render.ts';
import { buyingPower, reservedQty } from './reservations.ts';
import type { AlpacaSimulatorState } from './state.ts';
import { parseQueryTime } from './time.ts';
import type { CanceledOrder, Order, OrderSide, OrderType, TimeInForce } from './wire.ts';

const sides: readonly OrderSide[] = ['buy', 'sell'];
const types: readonly OrderType[] = ['market', 'limit', 'stop', 'stop_limit', 'trailing_stop'];
const timesInForce: readonly TimeInForce[] = ['day', 'gtc', 'opg', 'cls', 'ioc', 'fok'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((candidate) => candidate === value);
}

const invalid = (message: string): Reply => tradingError(422, 40010001, message);

/** POST /v2/orders. */
export function placeOrder(state: AlpacaSimulatorState, body: unknown): Reply {
  if (!isRecord(body)) return tradingError(400, 40010000, 'request body format is invalid');
  const symbolText = body.symbol;
  if (typeof symbolText !== 'string' || symbolText.trim() === '') return invalid('symbol is required');
  if (body.side === undefined) return invalid('side is required');
  const side = oneOf(sides, body.side);
  if (!side) return invalid(`invalid side: ${JSON.stringify(body.side)}`);
  if (body.type === undefined) return invalid('type is required');
  const type = oneOf(types, body.type);
  if (!type) return invalid(`invalid order type: ${JSON.stringify(body.type)}`);
  if (type !== 'market' && type !== 'limit') return invalid(`order type ${type} is not supported by the simulator`);
  if (body.time_in_force === undefined) return invalid('time_in_force is required');
  const timeInForce = oneOf(timesInForce, body.time_in_force);
  if (!timeInForce) return invalid(`invalid time_in_force: ${JSON.stringify(body.time_in_force)}`);
  if (timeInForce === 'opg' || timeInForce === 'cls') return invalid(`time_in_force ${timeInForce} is not supported by the simulator`);
  if (body.order_class !== undefined && body.order_class !== '' && body.order_class !== 'simple') {
    return invalid(`order_class ${JSON.stringify(body.order_class)} is not supported by the simulator`);
  }

  const qty = parseAmount(body.qty);
  const notional = parseAmount(body.notional);
  if (qty !== undefined && notional !== undefined) return tradingError(400, 40010000, 'qty and notional cannot both be specified');
  if (qty === null) return invalid('invalid qty');
  if (notional === null) return invalid('invalid notional');
  if (!qty && !notional) return invalid('qty or notional is required');
  if (qty && qty.lte(0)) return invalid('qty must be > 0');
  if (qty && qty.decimalPlaces() > 9) return invalid('qty must have at most 9 decimal places');
  if (notional && notional.lte(0)) return invalid('notional must be > 0');
  if (notional && (type !== 'market' || timeInForce !== 'day')) return invalid('notional orders are only allowed for market orders with time_in_force day');

  const limitPrice = parseAmount(body.limit_price);
  if (limitPrice === null || (limitPrice && limitPrice.lte(0))) return invalid('invalid limit_price');
  if (type === 'limit' && !limitPrice) return invalid('limit_price is required for limit orders');
  const extendedHours = body.extended_hours === true;
  if (extendedHours && (type !== 'limit' || (timeInForce !== 'day' && timeInForce !== 'gtc'))) {
    return invalid('extended hours orders must be limit orders with time_in_force day or gtc');
  }

  const clientOrderId = body.client_order_id ?? state.newId();
  if (typeof clientOrderId !== 'string' || clientOrderId === '') return invalid('invalid client_order_id');
  if (clientOrderId.length > 128) return invalid('client_order_id must be no more than 128 characters');

  const profile = state.assets.find(symbolText);
  if (!profile) return invalid(`asset not found for ${symbolText.trim()}`);
  if (!profile.tradable || profile.status !== 'active') return invalid(`asset ${profile.symbol} is not tradable`);
  const fractional = notional !== undefined || !(qty ?? new Decimal(0)).isInteger();
  if (fractional && !profile.fractionable) return invalid('requested asset is not fractionable');
  if (fractional && timeInForce !== 'day') return invalid('fractional orders must be DAY orders');
  if (state.clientOrderIds.has(clientOrderId)) return invalid('client_order_id must be unique');

  const price = state.currentPrice(profile);
  if (notional && notional.lt(1)) return tradingError(403, 40310000, 'cost basis must be >= 1');
  if (side === 'buy') {
    const cost = notional ?? (qty ?? new Decimal(0)).mul(limitPrice ?? price);
    const power = buyingPower(state);
    if (cost.gt(power)) {
      return tradingError(403, 40310000, 'insufficient buying power', { buying_power: text(power), cost_basis: text(cost.toDecimalPlaces(2)) });
    }
  } else {
    const requested = qty ?? shares((notional ?? new Decimal(0)).div(price));
    const held = state.positions.get(profile.symbol)?.qty ?? new Decimal(0);
    const heldForOrders = reservedQty(state, profile.symbol);
    const available = Decimal.max(held.sub(heldForOrders), 0);
    if (requested.gt(available)) {
      return tradingError(403, 40310000, `insufficient qty available for order (requested: ${text(requested)}, available: ${text(available)})`, {
        available: text(available),
        existing_qty: text(held),
        held_for_orders: text(heldForOrders),
        symbol: profile.symbol,
      });
    }
  }

  const nowMs = state.nowMs;
  const tradingSession = openSessionAt(nowMs) ?? nextSessionFrom(nowMs);
  const order: OrderRecord = {
    id: state.newId(),
    clientOrderId,
    sequence: state.nextSequence(),
    createdMs: nowMs,
    symbol: profile.symbol,
    assetId: assetId(profile.symbol),
    side,
    type,
    timeInForce,
    qty: qty ?? null,
    notional: notional ?? null,
    limitPrice: type === 'limit' ? (limitPrice ?? null) : null,
    extendedHours,
    // Day orders expire at the close of the session they trade in; others after 90 days.
    expiresMs: timeInForce === 'day' ? tradingSession.closeMs : nowMs + 90 * 86_400_000,
    status: openSessionAt(nowMs) ? 'new' : 'accepted',
    updatedMs: nowMs,
    filledQty: new Decimal(0),
    filledAvgPrice: null,
    filledMs: null,
    canceledMs: null,
    expiredMs: null,
  };
  state.clientOrderIds.add(clientOrderId);
  state.orderList.push(order);
  state.ordersById.set(order.id, order);
  runClock(state, nowMs, nowMs);
  return ok(orderWire(order));
}

const notFound = (): Reply => tradingError(404, 40410000, 'order not found');

export function getOrder(state: AlpacaSimulatorState, id: string): Reply {
  const order = state.ordersById.get(id);
  return order ? ok(orderWire(order)) : notFound();
}

export function getOrderByClientOrderId(state: AlpacaSimulatorState, clientOrderId: string | null): Reply {
  if (!clientOrderId) return invalid('client_order_id is required');
  const order = state.orderList.find((candidate) => candidate.clientOrderId === clientOrderId);
  return order ? ok(orderWire(order)) : notFound();
}

/** DELETE /v2/orders/{order_id}: 204, 422 once filled, canceled or expired, 404 when unknown. */
export function cancelOrder(state: AlpacaSimulatorState, id: string): Reply {
  const order = state.ordersById.get(id);
  if (!order) return notFound();
  if (!isOpen(order)) return tradingError(422, 42210000, `order is already in "${order.status}" state`);
  order.status = 'canceled';
  order.canceledMs = state.nowMs;
  order.updatedMs = state.nowMs;
  return { status: 204 };
}

/** DELETE /v2/orders: 207 with one entry per open order. */
export function cancelAllOrders(state: AlpacaSimulatorState): Reply {
  const results = state.orderList.filter(isOpen).map((order): CanceledOrder & { body: Order } => {
    cancelOrder(state, order.id);
    return { id: order.id, status: 200, body: orderWire(order) };
  });
  return ok(results, 207);
}

const closedStatuses = new Set(['filled', 'canceled', 'expired', 'rejected', 'replaced', 'done_for_day', 'stopped', 'suspended', 'calculated']);

/** GET /v2/orders with status, limit, after, until, direction, symbols and side. */
export function listOrders(state: AlpacaSimulatorState, query: URLSearchParams): Reply {
  const status = query.get('status') ?? 'open';
  if (!['open', 'closed', 'all'].includes(status)) return invalid(`invalid status: ${status}`);
  const direction = query.get('direction') ?? 'desc';
  if (direction !== 'asc' && direction !== 'desc') return invalid(`invalid direction: ${direction}`);
  const limit = Number(query.get('limit') ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) return invalid('limit must be between 1 and 500');
  const after = query.get('after');
  const until = query.get('until');
  const afterMs = after === null ? undefined : parseQueryTime(after);
  const untilMs = until === null ? undefined : parseQueryTime(until);
  if ((after !== null && afterMs === undefined) || (until !== null && untilMs === undefined)) return invalid('invalid after or until timestamp');
  const symbols = query.get('symbols')?.split(',').map((symbol) => symbol.trim().toUpperCase()).filter(Boolean);
  const side = query.get('side');

  const selected = state.orderList.filter((order) => {
    if (status === 'open' && !isOpen(order)) return false;
    if (status === 'closed' && !closedStatuses.has(order.status)) return false;
    if (afterMs !== undefined && order.createdMs <= afterMs) return false;
    if (untilMs !== undefined && order.createdMs >= untilMs) return false;
    if (symbols && symbols.length > 0 && !symbols.includes(order.symbol)) return false;
    return side === null || order.side === side;
  });
  selected.sort((a, b) => (direction === 'asc' ? 1 : -1) * (a.createdMs - b.createdMs || a.sequence - b.sequence));
  return ok(selected.slice(0, limit).map((order) => orderWire(order)));
}
