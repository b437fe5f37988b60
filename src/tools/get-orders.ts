import Decimal from 'decimal.js';
import { z } from 'zod';
import { listOrders, type BrokerOrder } from '../clients/alpaca/orders';
import { toMoney } from '../finance/money';
import { defineTool } from './define-tool';
import { priceText } from './support/format';
import { fitToBudget } from './support/result-budget';
import { symbolInput } from './support/symbol-input';

const input = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open').describe('open (default: not yet filled or canceled), closed (filled, canceled, expired, rejected) or all.'),
  limit: z.number().int().min(1).max(100).default(20).describe('How many orders, newest first: 1 to 100 (default 20).'),
  symbol: symbolInput.optional().describe('Only orders for this ticker, e.g. AAPL or BRK.B.'),
});

export const getOrders = defineTool({
  name: 'get_orders',
  description:
    "The user's Alpaca orders, newest first: open ones by default, or closed or all. Each with id, symbol, side, type, " +
    'quantity or dollar amount, limit price, status, filled quantity and average fill price, and submit and fill times. ' +
    'Use it for "did my order go through" and "what orders do I have open".',
  input,
  sideEffect: 'read',
  activity: () => 'Checking your orders…',
  run: async ({ status, limit, symbol }, context) => {
    const orders = await listOrders(context, { status, limit, symbol });
    const base = {
      status,
      symbol: symbol ?? null,
      count: orders.length,
      mayHaveMore: orders.length === limit,
      units: { qty: 'shares', notional: 'USD', prices: 'USD per share', filledValue: 'USD, filled qty × average fill price, to the cent' },
      note: 'Fields that do not apply to an order (no limit price, not filled yet, …) are left out.',
      dataSource: 'Alpaca orders',
      asOf: context.clock.now().toISOString(),
    };
    const listed = fitToBudget(orders.map(compactOrder), JSON.stringify(base).length + 200);
    return {
      ...base,
      ...(listed.omitted > 0 ? { ordersOmitted: listed.omitted, ordersNote: `The ${listed.omitted} oldest orders are not listed (too long for one answer); ask for fewer.` } : {}),
      orders: listed.kept,
    };
  },
});

export interface OrderSummary {
  id: string;
  clientOrderId: string;
  symbol: string;
  side: string;
  type: string | null;
  timeInForce?: string;
  qty?: string;
  notional?: string;
  limitPrice?: string;
  stopPrice?: string;
  status: string;
  filledQty: string;
  filledAvgPrice?: string;
  filledValue?: string;
  submittedAt: string | null;
  filledAt?: string;
  canceledAt?: string;
  expiredAt?: string;
}

/** The fields that describe the order; ones that do not apply (null at the broker) are left out. */
function compactOrder(order: BrokerOrder): OrderSummary {
  const filledQty = new Decimal(order.filled_qty ?? '0');
  const summary: OrderSummary = {
    id: order.id,
    clientOrderId: order.client_order_id,
    symbol: order.symbol,
    side: order.side,
    type: order.type ?? order.order_type ?? null,
    status: order.status,
    filledQty: filledQty.toString(),
    submittedAt: order.submitted_at ?? null,
  };
  if (order.time_in_force) summary.timeInForce = order.time_in_force;
  if (order.qty) summary.qty = order.qty;
  if (order.notional) summary.notional = toMoney(order.notional);
  if (order.limit_price) summary.limitPrice = priceText(order.limit_price);
  if (order.stop_price) summary.stopPrice = priceText(order.stop_price);
  if (order.filled_avg_price) {
    summary.filledAvgPrice = priceText(order.filled_avg_price);
    summary.filledValue = toMoney(filledQty.times(order.filled_avg_price));
  }
  if (order.filled_at) summary.filledAt = order.filled_at;
  if (order.canceled_at) summary.canceledAt = order.canceled_at;
  if (order.expired_at) summary.expiredAt = order.expired_at;
  return summary;
}
