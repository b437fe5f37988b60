/** The account a fresh simulator starts with: a $100,000 deposit and a few past purchases (FILL activities). */
import { assetId } from './assets.ts';
import { nextSessionFrom } from './calendar.ts';
import { fillOrder } from './matching.ts';
import { Decimal } from './money.ts';
import type { OrderRecord } from './records.ts';
import type { AlpacaSimulatorState } from './state.ts';
import { dayMs, minuteMs } from './time.ts';

export const initialDeposit = '100000';

/** symbol, whole shares, days before the simulator's start. */
const purchases: readonly (readonly [string, number, number])[] = [
  ['VOO', 12, 420],
  ['AAPL', 15, 330],
  ['BND', 60, 240],
  ['MSFT', 8, 150],
  ['NVDA', 20, 60],
];

export function seedHistory(state: AlpacaSimulatorState): void {
  state.cashValue = new Decimal(initialDeposit);
  for (const [index, [symbol, qty, daysAgo]] of purchases.entries()) {
    const tradingSession = nextSessionFrom(state.nowMs - daysAgo * dayMs);
    const ms = tradingSession.openMs + (45 + 7 * index) * minuteMs;
    if (ms >= state.nowMs) continue;
    const profile = state.profile(symbol);
    const order: OrderRecord = {
      id: state.newId(),
      clientOrderId: state.newId(),
      sequence: state.nextSequence(),
      createdMs: ms,
      symbol: profile.symbol,
      assetId: assetId(profile.symbol),
      side: 'buy',
      type: 'market',
      timeInForce: 'day',
      qty: new Decimal(qty),
      notional: null,
      limitPrice: null,
      extendedHours: false,
      expiresMs: tradingSession.closeMs,
      status: 'new',
      updatedMs: ms,
      filledQty: new Decimal(0),
      filledAvgPrice: null,
      filledMs: null,
      canceledMs: null,
      expiredMs: null,
    };
    state.clientOrderIds.add(order.clientOrderId);
    state.orderList.push(order);
    state.ordersById.set(order.id, order);
    fillOrder(state, order, new Decimal(state.prices.priceAt(profile, ms)), ms);
  }
}
