/** What open orders hold back: cash for buys (buying power) and shares for sells (qty_available). */
import { Decimal, shares } from './money.ts';
import { isOpen } from './records.ts';
import type { AlpacaSimulatorState } from './state.ts';

/** Cash held for open buy orders: the notional, qty x limit price, or qty x the current price for market orders. */
export function reservedCash(state: AlpacaSimulatorState): Decimal {
  let total = new Decimal(0);
  for (const order of state.orderList) {
    if (!isOpen(order) || order.side !== 'buy') continue;
    if (order.notional) total = total.add(order.notional);
    else if (order.qty) total = total.add(order.qty.mul(order.limitPrice ?? state.currentPrice(state.profile(order.symbol))));
  }
  return total;
}

/** A cash account (multiplier 1): buying power is cash minus what open buy orders hold. */
export function buyingPower(state: AlpacaSimulatorState): Decimal {
  return Decimal.max(state.cashValue.sub(reservedCash(state)), 0);
}

/** Shares of a symbol held for open sell orders. */
export function reservedQty(state: AlpacaSimulatorState, symbol: string): Decimal {
  let total = new Decimal(0);
  for (const order of state.orderList) {
    if (!isOpen(order) || order.side !== 'sell' || order.symbol !== symbol) continue;
    if (order.qty) total = total.add(order.qty);
    else if (order.notional) total = total.add(shares(order.notional.div(state.currentPrice(state.profile(symbol)))));
  }
  return total;
}
