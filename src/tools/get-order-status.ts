import { z } from 'zod';
import { unwrap } from '../clients/alpaca/alpaca';
import { userInputError } from '../protocol/errors';
import { defineTool } from './define-tool';
import { readResponse } from './support/alpaca-response';

export const orderStatusSchema = z.object({
  id: z.string(),
  client_order_id: z.string(),
  symbol: z.string(),
  side: z.string(),
  type: z.string().nullish(),
  qty: z.string().nullish(),
  notional: z.string().nullish(),
  limit_price: z.string().nullish(),
  status: z.string(),
  filled_qty: z.string().nullish(),
  filled_avg_price: z.string().nullish(),
  submitted_at: z.string().nullish(),
  filled_at: z.string().nullish(),
  canceled_at: z.string().nullish(),
});

export function compactOrder(order: z.infer<typeof orderStatusSchema>) {
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
  agent: 'trade_executor',
  input: z
    .object({
      order_id: idText.optional().describe('The broker order id (a UUID).'),
      client_order_id: idText.optional().describe('The client order id, e.g. clera-prop_….'),
    })
    .refine((value) => Boolean(value.order_id) !== Boolean(value.client_order_id), 'Give exactly one of order_id or client_order_id.'),
  sideEffect: 'read',
  needsApproval: false,
  activity: () => 'Checking the order…',
  run: async (input, context) => {
    const result = input.order_id
      ? await context.alpaca.trading.GET('/v2/orders/{order_id}', { params: { path: { order_id: input.order_id } }, signal: context.signal })
      : await context.alpaca.trading.GET('/v2/orders:by_client_order_id', { params: { query: { client_order_id: input.client_order_id ?? '' } }, signal: context.signal });
    if (result.response.status === 404) throw userInputError('unknown-order', 'Alpaca has no order with that id.');
    return { ...compactOrder(readResponse(orderStatusSchema, unwrap('trading', result), 'an order')), asOf: context.clock.now().toISOString() };
  },
});
