import Decimal from 'decimal.js';
import type { CancelProposal } from '@/src/protocol/cancel-proposal';
import { UNKNOWN_OUTCOME_TEXT } from '@/src/protocol/proposal';
import { formatDollars, formatNewYorkTime, formatPrice, formatShares } from '@/src/trading/rules/format';

/** The text of a Cancel confirmation card, as pure functions of the cancel proposal, so each line is table-tested. */

type Target = CancelProposal['order'];

function safely(format: (value: string) => string, value: string): string {
  try {
    return format(value);
  } catch {
    return value;
  }
}

/** Whether some of the order already filled (a share count that is not a number counts as none). */
function partlyFilled(filledQty: string): boolean {
  try {
    return new Decimal(filledQty).greaterThan(0);
  } catch {
    return false;
  }
}

const capitalised = (word: string): string => (word ? `${word.charAt(0).toUpperCase()}${word.slice(1)}` : word);

/** "Cancel: buy 2 shares of AAPL", "Cancel: sell $300.00 of VOO". */
export function cancelHeadline(order: Target): string {
  return `Cancel: ${order.side} ${sizeText(order)} of ${order.symbol}`;
}

/** "2 shares", "$300.00", or "an unknown size" when the broker reported neither. */
export function sizeText(order: Target): string {
  if (order.qty !== null) return safely(formatShares, order.qty);
  if (order.notional !== null) return safely(formatDollars, order.notional);
  return 'an unknown size';
}

export interface CancelFact {
  label: string;
  value: string;
}

/** The order being cancelled, one labelled line each: symbol, side, size, type, time in force, status, submitted time. */
export function cancelFacts(order: Target): CancelFact[] {
  const type = order.type === 'limit' && order.limitPrice !== null ? `Limit at ${safely(formatPrice, order.limitPrice)}` : capitalised(order.type ?? 'unknown');
  const filled = safely(formatShares, order.filledQty);
  return [
    { label: 'Symbol', value: order.symbol },
    { label: 'Side', value: capitalised(order.side) },
    { label: order.qty !== null ? 'Quantity' : 'Amount', value: sizeText(order) },
    { label: 'Order type', value: type },
    ...(order.timeInForce ? [{ label: 'Time in force', value: order.timeInForce === 'gtc' ? 'Good till cancelled' : order.timeInForce === 'day' ? 'Day' : order.timeInForce.toUpperCase() }] : []),
    { label: 'Status at Alpaca', value: partlyFilled(order.filledQty) ? `${order.status} (${filled} filled)` : order.status },
    { label: 'Submitted', value: order.submittedAt ? formatNewYorkTime(order.submittedAt) : 'not yet' },
  ];
}

/** What became of a decided cancel, or null while it waits for the user. */
export function cancelStatusLine(cancel: CancelProposal, nowMs: number): string | null {
  switch (cancel.status) {
    case 'pending':
      return Date.parse(cancel.expiresAt) <= nowMs ? 'Expired: the order was left open' : null;
    case 'submitting':
      return 'Cancelling at Alpaca…';
    case 'unknown':
      return UNKNOWN_OUTCOME_TEXT;
    case 'submitted':
      return `Cancel requested; Alpaca says ${cancel.result?.status ?? 'it is working on it'}`;
    case 'cancelled':
      return 'Order cancelled';
    case 'filled':
    case 'partially_filled':
      return 'Not cancelled: the order filled before the cancel took effect';
    case 'rejected':
      return 'Kept: the order stays open';
    case 'expired':
      return 'Expired: the order was left open';
    case 'failed':
      return `Not cancelled: ${cancel.error?.message ?? 'the cancel could not be carried out.'}`;
  }
}
