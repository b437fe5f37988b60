/** Turns internal order and fill records into Alpaca's wire objects. */
import { text } from './money.ts';
import type { FillRecord, OrderRecord } from './records.ts';
import { utcNanos } from './time.ts';
import type { Order, TradingActivity } from './wire.ts';

function timestamp(ms: number | null, sequence: number): string | null {
  return ms === null ? null : utcNanos(ms, sequence);
}

export function orderWire(order: OrderRecord): Order {
  return {
    id: order.id,
    client_order_id: order.clientOrderId,
    created_at: utcNanos(order.createdMs, order.sequence),
    updated_at: timestamp(order.updatedMs, order.sequence),
    submitted_at: utcNanos(order.createdMs, order.sequence),
    filled_at: timestamp(order.filledMs, order.sequence),
    expired_at: timestamp(order.expiredMs, order.sequence),
    canceled_at: timestamp(order.canceledMs, order.sequence),
    failed_at: null,
    replaced_at: null,
    replaced_by: null,
    replaces: null,
    asset_id: order.assetId,
    symbol: order.symbol,
    asset_class: 'us_equity',
    notional: order.notional ? text(order.notional) : null,
    qty: order.qty ? text(order.qty) : null,
    filled_qty: text(order.filledQty),
    filled_avg_price: order.filledAvgPrice ? text(order.filledAvgPrice) : null,
    order_class: '',
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the service still sends it next to `type`
    order_type: order.type,
    type: order.type,
    side: order.side,
    position_intent: order.side === 'buy' ? 'buy_to_open' : 'sell_to_close',
    time_in_force: order.timeInForce,
    limit_price: order.limitPrice ? text(order.limitPrice) : null,
    stop_price: null,
    trail_percent: null,
    trail_price: null,
    hwm: null,
    status: order.status,
    extended_hours: order.extendedHours,
    legs: null,
    expires_at: utcNanos(order.expiresMs),
  };
}

/** Alpaca's activity ids: the transaction time to the millisecond, then a unique suffix. */
export function fillActivityId(fill: FillRecord): string {
  const stamp = new Date(fill.ms).toISOString().replace(/[-:TZ.]/g, '');
  return `${stamp}::${fill.id}`;
}

export function fillActivityWire(fill: FillRecord): TradingActivity {
  return {
    id: fillActivityId(fill),
    activity_type: 'FILL',
    transaction_time: utcNanos(fill.ms, fill.sequence),
    type: 'fill',
    price: text(fill.price),
    qty: text(fill.qty),
    side: fill.side,
    symbol: fill.symbol,
    leaves_qty: '0',
    order_id: fill.orderId,
    cum_qty: text(fill.qty),
    order_status: 'filled',
  };
}
