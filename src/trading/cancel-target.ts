import Decimal from 'decimal.js';
import type { BrokerOrder } from '../clients/alpaca/orders';
import type { CancelTarget } from '../protocol/cancel-proposal';

/** The broker's order as a cancel proposal saves it and its card shows it. */
export function cancelTarget(order: BrokerOrder): CancelTarget {
  return {
    id: order.id,
    symbol: order.symbol,
    side: order.side,
    qty: order.qty ?? null,
    notional: order.notional ?? null,
    type: order.type ?? order.order_type ?? null,
    limitPrice: order.limit_price ?? null,
    timeInForce: order.time_in_force ?? null,
    status: order.status,
    filledQty: order.filled_qty ?? '0',
    submittedAt: order.submitted_at ?? null,
  };
}

/** "buy 2 shares of AAPL (limit $150.00, gtc)", "sell $300.00 of VOO (market, day)": for the chat and the model. */
export function describeCancelTarget(order: CancelTarget): string {
  const size = order.qty !== null ? `${order.qty} ${new Decimal(order.qty).eq(1) ? 'share' : 'shares'} of ` : order.notional !== null ? `$${new Decimal(order.notional).toFixed(2)} of ` : '';
  const type = order.type === 'limit' && order.limitPrice !== null ? `limit $${new Decimal(order.limitPrice).toFixed(2)}` : order.type;
  const details = [type, order.timeInForce].filter((part): part is string => part !== null && part !== '');
  return `${order.side} ${size}${order.symbol}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}
