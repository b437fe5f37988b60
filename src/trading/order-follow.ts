import { unwrap, type AlpacaClients } from '../clients/alpaca/alpaca';
import { readResponse } from '../tools/support/alpaca-response';
import { brokerOrderSchema, terminalOrderStatuses, type BrokerOrder } from './order-submission';

/**
 * Follows an order until it is filled, cancelled or rejected, or the time is up; reports each change. Read-only:
 * a failed poll is simply tried again at the next tick.
 */
export async function followOrder(
  alpaca: AlpacaClients,
  orderId: string,
  options: { pollMs: number; forMs: number; onUpdate: (order: BrokerOrder) => Promise<unknown> },
): Promise<BrokerOrder | null> {
  const deadline = Date.now() + options.forMs;
  let last: BrokerOrder | null = null;
  while (Date.now() < deadline) {
    try {
      const result = await alpaca.trading.GET('/v2/orders/{order_id}', { params: { path: { order_id: orderId } }, signal: AbortSignal.timeout(10_000) });
      const order = readResponse(brokerOrderSchema, unwrap('trading', result), 'an order');
      if (order.status !== last?.status || order.filled_qty !== last.filled_qty) await options.onUpdate(order);
      last = order;
      if (terminalOrderStatuses.has(order.status)) return order;
    } catch {
      // Transient: keep following.
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
  return last;
}
