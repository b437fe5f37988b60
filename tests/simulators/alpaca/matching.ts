/**
 * The matching engine: fills open orders as simulated time passes. Market orders fill at the first moment the market
 * is open (at the open price when they waited overnight); limit orders fill when the price reaches the limit (at the
 * current price if it is already better, else at the limit as the intraday path crosses it); day orders expire at the
 * close; immediate-or-cancel and fill-or-kill orders that cannot fill at once are canceled.
 */
import { session } from './calendar.ts';
import { Decimal, cents, shares } from './money.ts';
import type { OrderRecord } from './records.ts';
import { isOpen } from './records.ts';
import type { AlpacaSimulatorState } from './state.ts';
import { addDays, minuteMs, newYorkDate } from './time.ts';

function marketable(order: OrderRecord, price: Decimal): boolean {
  if (order.type === 'market') return true;
  const limit = order.limitPrice;
  if (!limit) return false;
  return order.side === 'buy' ? price.lte(limit) : price.gte(limit);
}

/** Executes an order in full at `price`. A sell larger than the position at that moment is canceled instead. */
export function fillOrder(state: AlpacaSimulatorState, order: OrderRecord, price: Decimal, ms: number): void {
  const qty = order.qty ?? shares((order.notional ?? new Decimal(0)).div(price));
  const amount = cents(qty.mul(price));
  const position = state.positions.get(order.symbol);
  if (order.side === 'buy') {
    const heldQty = position?.qty ?? new Decimal(0);
    const heldCost = heldQty.mul(position?.avgEntryPrice ?? 0);
    const newQty = heldQty.add(qty);
    state.positions.set(order.symbol, { qty: newQty, avgEntryPrice: heldCost.add(qty.mul(price)).div(newQty) });
    state.cashValue = state.cashValue.sub(amount);
  } else {
    if (!position || position.qty.lt(qty)) {
      order.status = 'canceled';
      order.canceledMs = ms;
      order.updatedMs = ms;
      return;
    }
    const remaining = position.qty.sub(qty);
    if (remaining.isZero()) state.positions.delete(order.symbol);
    else position.qty = remaining;
    state.cashValue = state.cashValue.add(amount);
  }
  order.status = 'filled';
  order.filledQty = qty;
  order.filledAvgPrice = price;
  order.filledMs = ms;
  order.updatedMs = ms;
  state.fills.push({ id: state.newId(), orderId: order.id, sequence: state.nextSequence(), symbol: order.symbol, side: order.side, qty, price, amount, ms });
}

/** Works one order through [start, end] of an open session. */
function work(state: AlpacaSimulatorState, order: OrderRecord, start: number, end: number, sessionClose: number): void {
  const profile = state.profile(order.symbol);
  const atStart = state.priceAt(profile, start);
  if (marketable(order, atStart)) {
    fillOrder(state, order, atStart, start);
    return;
  }
  if (order.timeInForce === 'ioc' || order.timeInForce === 'fok') {
    order.status = 'canceled';
    order.canceledMs = start;
    order.updatedMs = start;
    return;
  }
  // Prices move once a minute, so scanning the minute starts after `start` finds the first crossing.
  const limit = order.limitPrice;
  if (!limit) return;
  const last = Math.min(end, sessionClose - 1);
  for (let t = Math.floor(start / minuteMs) * minuteMs + minuteMs; t <= last; t += minuteMs) {
    if (marketable(order, state.priceAt(profile, t))) {
      fillOrder(state, order, limit, t);
      return;
    }
  }
}

/**
 * Runs the market from `fromMs` to `toMs` (equal values check the present instant): orders waiting for the open
 * become new and fill, limit orders fill on crossings, day orders expire at each close passed.
 */
export function runClock(state: AlpacaSimulatorState, fromMs: number, toMs: number): void {
  for (let date = newYorkDate(fromMs); date <= newYorkDate(toMs); date = addDays(date, 1)) {
    const day = session(date);
    if (!day || day.openMs > toMs || day.closeMs <= fromMs) continue;
    const start = Math.max(fromMs, day.openMs);
    const end = Math.min(toMs, day.closeMs);
    const open = state.orderList.filter((order) => isOpen(order) && order.createdMs <= start);
    for (const order of open) {
      if (order.status === 'accepted') {
        order.status = 'new';
        order.updatedMs = start;
      }
      if (start < day.closeMs) work(state, order, start, end, day.closeMs);
    }
    if (toMs >= day.closeMs) {
      for (const order of state.orderList) {
        if (isOpen(order) && order.timeInForce === 'day' && order.createdMs < day.closeMs) {
          order.status = 'expired';
          order.expiredMs = day.closeMs;
          order.updatedMs = day.closeMs;
        }
      }
    }
  }
}
