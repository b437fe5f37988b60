import { z } from 'zod';
import { unwrap } from './alpaca';
import { alpacaError } from './errors';
import type { operations } from './generated/trading';
import { decimalText } from './decimal-text';
import { nullWhenNotFound, readResponse, type AlpacaCall } from './response';

const orderSchema = z.object({
  id: z.string(),
  client_order_id: z.string(),
  symbol: z.string(),
  side: z.string(),
  type: z.string().nullish(),
  order_type: z.string().nullish(),
  time_in_force: z.string().nullish(),
  qty: decimalText.nullish(),
  notional: decimalText.nullish(),
  limit_price: decimalText.nullish(),
  stop_price: decimalText.nullish(),
  status: z.string(),
  filled_qty: decimalText.nullish(),
  filled_avg_price: decimalText.nullish(),
  submitted_at: z.string().nullish(),
  filled_at: z.string().nullish(),
  canceled_at: z.string().nullish(),
  expired_at: z.string().nullish(),
});
/** An order as the broker reports it (the fields Clera reads). */
export type BrokerOrder = z.infer<typeof orderSchema>;

/** The body of `POST /v2/orders`, as Alpaca's OpenAPI spec types it. */
export type OrderRequest = operations['postOrder']['requestBody']['content']['application/json'];

/** Terminal broker statuses: nothing more will happen to the order. */
export const terminalOrderStatuses: ReadonlySet<string> = new Set(['filled', 'canceled', 'expired', 'rejected', 'done_for_day', 'replaced', 'stopped', 'suspended']);

/**
 * Error behaviour of every order reader: a 404 is "no such order" (null); every other failure is the AppError
 * `unwrap` raises, or `alpaca-bad-response` for a shape Clera cannot read.
 */
export async function readOrder(call: AlpacaCall, orderId: string): Promise<BrokerOrder | null> {
  return nullWhenNotFound(async () => {
    const result = await call.alpaca.trading.GET('/v2/orders/{order_id}', { params: { path: { order_id: orderId } }, signal: call.signal });
    return readResponse(orderSchema, unwrap('trading', result), 'an order');
  });
}

/** `GET /v2/orders:by_client_order_id`: the order, or null when the broker has none with that client id. */
export async function findOrderByClientId(call: AlpacaCall, clientOrderId: string): Promise<BrokerOrder | null> {
  return nullWhenNotFound(async () => {
    const result = await call.alpaca.trading.GET('/v2/orders:by_client_order_id', { params: { query: { client_order_id: clientOrderId } }, signal: call.signal });
    return readResponse(orderSchema, unwrap('trading', result), 'an order');
  });
}

/** `GET /v2/orders`, newest first. */
export async function listOrders(call: AlpacaCall, query: { status: 'open' | 'closed' | 'all'; limit: number; symbol?: string | undefined }): Promise<BrokerOrder[]> {
  const result = await call.alpaca.trading.GET('/v2/orders', {
    params: { query: { status: query.status, limit: query.limit, direction: 'desc', ...(query.symbol === undefined ? {} : { symbols: query.symbol }) } },
    signal: call.signal,
  });
  return readResponse(z.array(orderSchema), unwrap('trading', result), 'the list of orders');
}

/** `POST /v2/orders`, sent once: the caller decides what an error means (see src/trading/order-sync.ts). */
export async function createOrder(call: AlpacaCall, body: OrderRequest): Promise<BrokerOrder> {
  const result = await call.alpaca.trading.POST('/v2/orders', { body, signal: call.signal });
  return readResponse(orderSchema, unwrap('trading', result), 'an order');
}

/**
 * `DELETE /v2/orders/{id}`: 'requested' when the broker accepted the cancel request, 'too-late' when it says the
 * order can no longer be cancelled (422: filled, cancelled or expired), null when it has no such order.
 */
export async function requestCancel(call: AlpacaCall, orderId: string): Promise<'requested' | 'too-late' | null> {
  const result = await call.alpaca.trading.DELETE('/v2/orders/{order_id}', { params: { path: { order_id: orderId } }, signal: call.signal });
  if (result.response.ok) return 'requested';
  if (result.response.status === 404) return null;
  if (result.response.status === 422) return 'too-late';
  throw alpacaError('trading', result.response.status, result.error, result.response.headers);
}
