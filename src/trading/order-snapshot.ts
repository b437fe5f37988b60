import Decimal from 'decimal.js';
import { terminalOrderStatuses, type BrokerOrder } from '../clients/alpaca/orders';
import type { Proposal, ProposalStatus } from '../protocol/proposal';

export type OrderSnapshot = NonNullable<Proposal['order']>;

/** The broker's order as a proposal saves it and its card shows it: the one place that builds it. */
export function orderSnapshot(order: BrokerOrder): OrderSnapshot {
  return {
    id: order.id,
    status: order.status,
    filledQty: order.filled_qty ?? '0',
    filledAvgPrice: order.filled_avg_price ?? null,
    submittedAt: order.submitted_at ?? null,
  };
}

/** The proposal status a broker order status means: filled, partially filled, ended (cancelled), or still open. */
export function statusForOrder(order: Pick<BrokerOrder, 'status'>): Extract<ProposalStatus, 'filled' | 'partially_filled' | 'cancelled' | 'submitted'> {
  if (order.status === 'filled') return 'filled';
  if (order.status === 'partially_filled') return 'partially_filled';
  return terminalOrderStatuses.has(order.status) ? 'cancelled' : 'submitted';
}

/** "3 shares at $190.25", or "3 shares" before a fill price is known. */
export function describeFill(order: Pick<BrokerOrder, 'filled_qty' | 'filled_avg_price'>): string {
  const qty = order.filled_qty ?? '0';
  return order.filled_avg_price ? `${qty} shares at $${new Decimal(order.filled_avg_price).toFixed(2)}` : `${qty} shares`;
}
