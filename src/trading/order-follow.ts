import type { AlpacaClients } from '../clients/alpaca/alpaca';
import { readOrder, terminalOrderStatuses, type BrokerOrder } from '../clients/alpaca/orders';
import type { Clock } from '../platform/clock';

const POLL_TIMEOUT_MS = 10_000;

/**
 * Follows an order until it is filled, cancelled or rejected, or the time is up; reports each change. Read-only:
 * a failed poll is simply tried again at the next tick.
 */
export async function followOrder(
  alpaca: AlpacaClients,
  orderId: string,
  options: { clock: Clock; pollMs: number; forMs: number; onUpdate: (order: BrokerOrder) => Promise<unknown> },
): Promise<BrokerOrder | null> {
  const { clock } = options;
  const deadline = clock.monotonic() + options.forMs;
  let last: BrokerOrder | null = null;
  // The tick count also bounds the loop, so a test clock that stands still cannot make it follow forever.
  for (let slept = 0; clock.monotonic() < deadline && slept < options.forMs; slept += options.pollMs) {
    try {
      const order = await readOrder({ alpaca, signal: clock.timeout(POLL_TIMEOUT_MS) }, orderId);
      if (order) {
        if (order.status !== last?.status || order.filled_qty !== last.filled_qty) await options.onUpdate(order);
        last = order;
        if (terminalOrderStatuses.has(order.status)) return order;
      }
    } catch {
      // Transient: keep following.
    }
    await clock.sleep(options.pollMs);
  }
  return last;
}
