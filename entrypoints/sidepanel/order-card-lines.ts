import { UNKNOWN_OUTCOME_TEXT, type Proposal } from '@/src/protocol/proposal';
import { formatDollars, formatNewYorkTime, formatPrice, formatShares } from '@/src/trading/rules/format';

/**
 * The text of an Order confirmation card, as pure functions of the proposal (and the clock for the expiry), so every
 * line can be checked in a table test. Figures arrive as decimal strings and are formatted without floats.
 */

type Draft = Proposal['draft'];
type Rule = Proposal['rules'][number];

/** The "came from untrusted text" flag: the turn read a web page selection, news or web search results before proposing. */
export const PAGE_TEXT_WARNING = 'This order came from untrusted text: it followed a web page selection, news or web search results. Check it is what you want.';

/** Formats a figure; a value that is not a decimal is shown as it came rather than breaking the card. */
function safely(format: (value: string) => string, value: string): string {
  try {
    return format(value);
  } catch {
    return value;
  }
}

const dollars = (value: string): string => safely(formatDollars, value);
const price = (value: string): string => safely(formatPrice, value);
const shares = (value: string): string => safely(formatShares, value);
/** A share count without its noun: "2.487", "1,500". */
const shareCount = (value: string): string => shares(value).replace(/ shares?$/, '');

const percentFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const percent = (value: number): string => `${percentFormat.format(value)}%`;

/** "Buy $500.00 of AAPL", "Sell 2.5 shares of TSLA". */
export function orderHeadline(draft: Draft): string {
  const verb = draft.side === 'buy' ? 'Buy' : 'Sell';
  const size = draft.amount !== undefined ? dollars(draft.amount) : draft.quantity !== undefined ? shares(draft.quantity) : 'shares';
  return `${verb} ${size} of ${draft.symbol}`;
}

/** "Market", "Limit at $412.00". */
export function orderTypeText(draft: Draft): string {
  if (draft.type === 'limit') return draft.limit_price === undefined ? 'Limit' : `Limit at ${price(draft.limit_price)}`;
  return 'Market';
}

export function timeInForceText(timeInForce: Draft['time_in_force']): string {
  return timeInForce === 'gtc' ? 'Good till cancelled' : 'Day';
}

/** When the order would execute: "now", or "at the next open, Monday, June 16 at 9:30 AM New York time". */
export function executesText(executes: string): string {
  return executes === 'now' ? 'now' : `at the next open, ${formatNewYorkTime(executes)}`;
}

export interface EstimateLine {
  label: string;
  value: string;
}

/** The estimate, one labelled line each: price, shares, cost (or proceeds), buying power after a buy, weight, timing. */
export function estimateLines(proposal: Proposal): EstimateLine[] {
  const { estimate, draft } = proposal;
  const buy = draft.side === 'buy';
  return [
    { label: 'Estimated price', value: price(estimate.price) },
    { label: 'Estimated shares', value: shareCount(estimate.shares) },
    { label: buy ? 'Estimated cost' : 'Estimated proceeds', value: dollars(estimate.cost) },
    ...(buy ? [{ label: 'Buying power after', value: dollars(estimate.buyingPowerAfter) }] : []),
    { label: `${draft.symbol} weight in portfolio`, value: `${percent(estimate.weightBeforePct)} → ${percent(estimate.weightAfterPct)}` },
    { label: 'Executes', value: executesText(estimate.executes) },
  ];
}

/** A rule's outcome as text, never colour alone: the mark shown, and the word a screen reader says instead. */
export function ruleMark(outcome: Rule['outcome']): { mark: string; word: string } {
  switch (outcome) {
    case 'pass':
      return { mark: '✓', word: 'Passed' };
    case 'warn':
      return { mark: '⚠', word: 'Warning' };
    case 'block':
      return { mark: '✕', word: 'Blocked' };
  }
}

/** "The price moved from $200.00 to $203.50 (+1.75%). Confirm again at the new price." */
export function priceMoveText(move: NonNullable<Proposal['priceMove']>): string {
  const sign = move.changePct > 0 ? '+' : move.changePct < 0 ? '-' : '';
  return `The price moved from ${price(move.from)} to ${price(move.to)} (${sign}${Math.abs(move.changePct).toFixed(2)}%). Confirm again at the new price.`;
}

/** A pending proposal whose time is up: the card treats it as expired without waiting for the background. */
export function isExpired(proposal: Proposal, nowMs: number): boolean {
  const expiresAt = Date.parse(proposal.expiresAt);
  return proposal.status === 'pending' && !Number.isNaN(expiresAt) && expiresAt <= nowMs;
}

/** "Expires in 9 min", "Expires in less than a minute", "Expired". */
export function expiryText(expiresAt: string, nowMs: number): string {
  const left = Date.parse(expiresAt) - nowMs;
  if (Number.isNaN(left)) return '';
  if (left <= 0) return 'Expired';
  if (left < 60_000) return 'Expires in less than a minute';
  return `Expires in ${String(Math.floor(left / 60_000))} min`;
}

/** The first characters of a broker order id, enough to find it in Alpaca. */
export const shortOrderId = (id: string): string => id.slice(0, 8);

/** What happened to a decided proposal, or null for one still waiting for the user. */
export function statusLine(proposal: Proposal, nowMs: number): string | null {
  const { order } = proposal;
  switch (proposal.status) {
    case 'pending':
      return isExpired(proposal, nowMs) ? 'Expired' : null;
    case 'submitting':
      return 'Submitting…';
    case 'unknown':
      return UNKNOWN_OUTCOME_TEXT;
    case 'submitted':
      return order ? `Submitted to Alpaca · order ${shortOrderId(order.id)} · status ${order.status}` : 'Submitted to Alpaca';
    case 'filled':
    case 'partially_filled': {
      const lead = proposal.status === 'filled' ? 'Filled' : 'Partially filled';
      if (!order) return lead;
      const at = order.filledAvgPrice ? ` at ${price(order.filledAvgPrice)}` : '';
      return `${lead}: ${shares(order.filledQty)}${at}${proposal.status === 'partially_filled' ? ' so far' : ''}`;
    }
    case 'cancelled':
      return 'Cancelled';
    case 'rejected':
      return 'Rejected by you';
    case 'expired':
      return 'Expired';
    case 'failed':
      return `Not placed: ${proposal.error?.message ?? 'the order could not be placed.'}`;
  }
}

/** The checks as the card shows them: failed ones first, then warnings (each in the rules' order), and those that passed. */
export function rulesByAttention(rules: readonly Rule[]): { attention: Rule[]; passed: Rule[] } {
  return {
    attention: [...rules.filter((rule) => rule.outcome === 'block'), ...rules.filter((rule) => rule.outcome === 'warn')],
    passed: rules.filter((rule) => rule.outcome === 'pass'),
  };
}

/** The folded line of passing checks: "All 14 checks passed", or "12 other checks passed" beside failures or warnings. */
export function passedSummary(count: number, all: boolean): string {
  const noun = count === 1 ? 'check' : 'checks';
  return all ? (count === 1 ? 'The 1 check passed' : `All ${String(count)} checks passed`) : `${String(count)} other ${noun} passed`;
}
