import Decimal from 'decimal.js';
import { easternDate } from '../finance/calendar-date';
import { decimalFrom } from '../finance/money';
import type { Proposal, ProposalStatus } from '../protocol/proposal';
import type { RuleFacts } from './rules';

/**
 * Proposals whose orders went to the broker (or are on their way, or may have reached it: an unknown outcome counts
 * until the broker says otherwise, so a new order meanwhile cannot exceed the limits): the daily limits count them.
 */
export const placedStatuses: readonly ProposalStatus[] = ['submitting', 'unknown', 'submitted', 'partially_filled', 'filled', 'cancelled'];

/**
 * The moment an order counts from: when Confirm sent it. Proposals saved before that was recorded fall back to the
 * broker's submission time, then to when they were proposed. Never `updatedAt`, which every broker follow-up re-stamps.
 */
export const placedAt = (proposal: Proposal): string => proposal.confirmedAt ?? proposal.order?.submittedAt ?? proposal.createdAt;

const filledNotional = (order: NonNullable<Proposal['order']>): Decimal =>
  order.filledAvgPrice === null ? new Decimal(0) : decimalFrom(order.filledQty, 'order.filledQty').times(decimalFrom(order.filledAvgPrice, 'order.filledAvgPrice')).toDecimalPlaces(2);

/**
 * The dollars an order adds to the day, or null when it adds no order: an open order at its estimate (the rest may
 * still fill), a filled one at what it filled for, a cancelled one at what filled before the cancel (nothing filled:
 * it does not count).
 */
function tradedNotional(proposal: Proposal): Decimal | null {
  const filled = proposal.order ? filledNotional(proposal.order) : new Decimal(0);
  if (proposal.status === 'cancelled') return filled.gt(0) ? filled : null;
  if (proposal.status === 'filled' && filled.gt(0)) return filled;
  return decimalFrom(proposal.estimate.cost, 'estimate.cost');
}

/** Sent, or being sent, without an answer from the broker yet. */
const unsettledStatuses: readonly ProposalStatus[] = ['submitting', 'unknown'];

/**
 * Orders placed on the New York day of `at` and the dollars they traded, and the orders of any day whose outcome is
 * not known yet, leaving out `except` (the one being checked).
 */
export function dailyTotals(proposals: readonly Proposal[], at: Date, except?: string): RuleFacts['today'] {
  const day = easternDate(at.toISOString());
  if (day === null) throw new RangeError('dailyTotals needs a valid date');
  let orderCount = 0;
  let notional = new Decimal(0);
  const unsettled = proposals
    .filter((proposal) => proposal.id !== except && unsettledStatuses.includes(proposal.status))
    .map((proposal) => ({ symbol: proposal.draft.symbol, description: proposal.description }));
  for (const proposal of proposals) {
    if (proposal.id === except || !placedStatuses.includes(proposal.status) || easternDate(placedAt(proposal)) !== day) continue;
    const traded = tradedNotional(proposal);
    if (traded === null) continue;
    orderCount += 1;
    notional = notional.plus(traded);
  }
  return { orderCount, notional: notional.toFixed(2), unsettled };
}
