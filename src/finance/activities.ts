import Decimal from 'decimal.js';
import { z } from 'zod';
import { easternDate, isIsoDate, type IsoDate } from './calendar-date';
import { isDecimalString, toMoney, type DecimalString } from './money';

/**
 * Alpaca account activities (`GET /v2/account/activities`) mapped to one uniform row.
 *
 * Two record shapes arrive in the same list:
 * - trade activities (`activity_type: "FILL"`): transaction_time, type (fill | partial_fill), price, qty, side, symbol,
 *   leaves_qty, cum_qty, order_id;
 * - non-trade activities (DIV, CSD, CSW, FEE, INT, JNLC, …): date, net_amount, and sometimes symbol, qty,
 *   per_share_amount, description, status.
 *
 * Sign convention: `amount` is the cash flow into the account, to the cent. A buy is negative (−price × qty), a sell
 * positive (+price × qty); a non-trade activity keeps the sign of its net_amount (deposits and dividends positive,
 * withdrawals and fees negative). Fill amounts are computed here, so they can differ by a cent from the broker's own
 * ledger, which rounds per execution.
 *
 * The original product's mapping read attributes that do not exist and silently returned nothing; here a record that
 * cannot be read is never dropped silently: it is listed in `skipped` with its index and the reason.
 */

const decimalString = z.string().refine(isDecimalString, 'not a decimal string');

/** Only the fields used, validated; anything else on the record is ignored. */
export const fillActivitySchema = z.object({
  id: z.string().optional(),
  activity_type: z.literal('FILL'),
  transaction_time: z.string(),
  type: z.enum(['fill', 'partial_fill']).optional(),
  price: decimalString,
  qty: decimalString,
  side: z.enum(['buy', 'sell', 'sell_short']),
  symbol: z.string().min(1).max(32),
  leaves_qty: decimalString.optional(),
  cum_qty: decimalString.optional(),
  order_id: z.string().optional(),
});

export const nonTradeActivitySchema = z.object({
  id: z.string().optional(),
  activity_type: z.string().min(1).max(16),
  date: z.string(),
  net_amount: decimalString,
  symbol: z.string().max(32).optional(),
  qty: decimalString.optional(),
  per_share_amount: decimalString.optional(),
  description: z.string().optional(),
  status: z.string().optional(),
});


export type ActivityKind =
  | 'trade'
  | 'dividend'
  | 'interest'
  | 'deposit'
  | 'withdrawal'
  | 'fee'
  | 'transfer'
  | 'corporate-action'
  | 'other';

export interface ActivityRow {
  id: string | null;
  /** Trading date: for a fill, the New York date of its execution; otherwise the activity's own date. */
  date: IsoDate;
  /** The execution timestamp of a fill as the broker sent it; null for other activities. */
  time: string | null;
  /** The broker's activity code (FILL, DIV, CSD, …). */
  activityType: string;
  kind: ActivityKind;
  symbol: string | null;
  side: 'buy' | 'sell' | null;
  /** Shares (fills; dividends: shares that earned it). */
  qty: DecimalString | null;
  /** Per-share price (fills) or per-share amount (dividends). */
  price: DecimalString | null;
  /** Cash flow into the account, to the cent (see the sign convention above). */
  amount: DecimalString;
  description: string;
  /** Fills only: the order the execution belongs to, and whether it completed the order. */
  orderId: string | null;
  partial: boolean;
}

export interface SkippedActivity {
  index: number;
  reason: string;
}

export interface ActivityMapping {
  rows: ActivityRow[];
  skipped: SkippedActivity[];
}

/** Maps raw activity records (any mix of both shapes) to rows, keeping their order. */
export function toActivityRows(records: readonly unknown[]): ActivityMapping {
  const rows: ActivityRow[] = [];
  const skipped: SkippedActivity[] = [];
  records.forEach((record, index) => {
    const result = toActivityRow(record);
    if (result.ok) rows.push(result.row);
    else skipped.push({ index, reason: result.reason });
  });
  return { rows, skipped };
}

/**
 * The earliest buy date of each symbol among the rows (symbol → YYYY-MM-DD), for "held since" figures.
 * Only as complete as the activities fetched: a position bought before the fetched window gets a later date or none.
 */
export function firstPurchaseDates(rows: readonly ActivityRow[]): Record<string, IsoDate> {
  const earliest = new Map<string, IsoDate>();
  for (const row of rows) {
    if (row.kind !== 'trade' || row.side !== 'buy' || row.symbol === null) continue;
    const known = earliest.get(row.symbol);
    if (known === undefined || row.date < known) earliest.set(row.symbol, row.date);
  }
  return Object.fromEntries([...earliest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

type RowResult = { ok: true; row: ActivityRow } | { ok: false; reason: string };

function toActivityRow(record: unknown): RowResult {
  if (typeof record !== 'object' || record === null) return { ok: false, reason: 'not an object' };
  const isFill = 'activity_type' in record && record.activity_type === 'FILL';
  return isFill ? fillRow(record) : nonTradeRow(record);
}

function fillRow(record: object): RowResult {
  const parsed = fillActivitySchema.safeParse(record);
  if (!parsed.success) return { ok: false, reason: `FILL: ${describeIssues(parsed.error)}` };
  const fill = parsed.data;
  const date = easternDate(fill.transaction_time);
  if (date === null) return { ok: false, reason: 'FILL: transaction_time is not a timestamp' };
  const side = fill.side === 'buy' ? 'buy' : 'sell';
  const price = new Decimal(fill.price);
  const qty = new Decimal(fill.qty);
  const gross = price.times(qty);
  const partial = fill.type === 'partial_fill';
  const verb = side === 'buy' ? 'Bought' : fill.side === 'sell_short' ? 'Sold short' : 'Sold';
  return {
    ok: true,
    row: {
      id: fill.id ?? null,
      date,
      time: fill.transaction_time,
      activityType: 'FILL',
      kind: 'trade',
      symbol: fill.symbol,
      side,
      qty: qty.toString(),
      price: price.toString(),
      amount: toMoney(side === 'buy' ? gross.negated() : gross),
      description: `${verb} ${qty.toString()} ${fill.symbol} at $${formatPrice(price)}${partial ? ' (partial fill)' : ''}`,
      orderId: fill.order_id ?? null,
      partial,
    },
  };
}

function nonTradeRow(record: object): RowResult {
  const parsed = nonTradeActivitySchema.safeParse(record);
  if (!parsed.success) return { ok: false, reason: `non-trade: ${describeIssues(parsed.error)}` };
  const activity = parsed.data;
  if (activity.status === 'canceled') return { ok: false, reason: `${activity.activity_type}: canceled by the broker` };
  const date = activity.date.slice(0, 10);
  if (!isIsoDate(date)) return { ok: false, reason: `${activity.activity_type}: date is not YYYY-MM-DD` };
  const amount = new Decimal(activity.net_amount);
  const kind = kindOf(activity.activity_type, amount);
  const symbol = activity.symbol !== undefined && activity.symbol !== '' ? activity.symbol : null;
  const ownDescription = activity.description?.trim() ?? '';
  const description =
    ownDescription !== ''
      ? clip(ownDescription, 200)
      : `${labels[kind]}${symbol === null ? '' : ` (${symbol})`}`;
  return {
    ok: true,
    row: {
      id: activity.id ?? null,
      date,
      time: null,
      activityType: activity.activity_type,
      kind,
      symbol,
      side: null,
      qty: activity.qty === undefined ? null : new Decimal(activity.qty).toString(),
      price: activity.per_share_amount === undefined ? null : new Decimal(activity.per_share_amount).toString(),
      amount: toMoney(amount),
      description,
      orderId: null,
      partial: false,
    },
  };
}

const labels: Readonly<Record<ActivityKind, string>> = {
  trade: 'Trade',
  dividend: 'Dividend',
  interest: 'Interest',
  deposit: 'Cash deposit',
  withdrawal: 'Cash withdrawal',
  fee: 'Fee',
  transfer: 'Transfer',
  'corporate-action': 'Corporate action',
  other: 'Account activity',
};

function kindOf(activityType: string, amount: Decimal): ActivityKind {
  if (activityType === 'CSD') return 'deposit';
  if (activityType === 'CSW') return 'withdrawal';
  if (activityType === 'TRANS') return amount.isNegative() ? 'withdrawal' : 'deposit';
  if (['FEE', 'CFEE', 'DIVFEE', 'PTC'].includes(activityType)) return 'fee';
  if (activityType === 'CGD' || activityType.startsWith('DIV')) return 'dividend';
  if (activityType.startsWith('INT')) return 'interest';
  if (['JNL', 'JNLC', 'JNLS', 'ACATC', 'ACATS', 'FOPT'].includes(activityType)) return 'transfer';
  if (['MA', 'NC', 'SPLIT', 'SPIN', 'REORG', 'OPCA'].includes(activityType)) return 'corporate-action';
  return 'other';
}

/** A price with at least 2 decimals, and more when the broker sent more (sub-dollar stocks trade in 1/10000 $). */
function formatPrice(price: Decimal): string {
  return price.toFixed(Math.max(2, price.decimalPlaces()));
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(record)'} ${issue.message}`)
    .join('; ');
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
