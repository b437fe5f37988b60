import { z } from 'zod';
import { findOrderByClientId, readOrder, type BrokerOrder } from '../clients/alpaca/orders';
import { userInputError } from '../protocol/errors';
import { defineTool } from './define-tool';

/** One order as the order tools report it. */
export function compactOrder(order: BrokerOrder) {
  return {
    orderId: order.id,
    clientOrderId: order.client_order_id,
    symbol: order.symbol,
    side: order.side,
    type: order.type ?? null,
    ...(order.notional ? { notional: order.notional } : { qty: order.qty ?? null }),
    limitPrice: order.limit_price ?? null,
    status: order.status,
    filledQty: order.filled_qty ?? '0',
    filledAvgPrice: order.filled_avg_price ?? null,
    submittedAt: order.submitted_at ?? null,
    filledAt: order.filled_at ?? null,
    canceledAt: order.canceled_at ?? null,
  };
}

const idText = z.string().trim().min(1).max(128).regex(/^[\w.:-]+$/, 'An order id has letters, digits, dashes, dots or underscores.');

export const getOrderStatus = defineTool({
  name: 'get_order_status',
  description:
    "One order's current status at Alpaca, by its order id or its client order id (Clera's orders use client ids " +
    'starting with "clera-"): status, filled quantity and average fill price, and times. Use get_orders to list orders.',
  input: z
    .object({
      order_id: idText.optional().describe('The broker order id (a UUID).'),
      client_order_id: idText.optional().describe('The client order id, e.g. clera-prop_….'),
    })
    .refine((value) => Boolean(value.order_id) !== Boolean(value.client_order_id), 'Give exactly one of order_id or client_order_id.'),
  sideEffect: 'read',
  activity: () => 'Checking the order…',
  run: async (input, context) => {
    const order = input.order_id ? await readOrder(context, input.order_id) : await findOrderByClientId(context, input.client_order_id ?? '');
    if (!order) throw userInputError('unknown-order', 'Alpaca has no order with that id.');
    return { ...compactOrder(order), asOf: context.clock.now().toISOString() };
  },
});
