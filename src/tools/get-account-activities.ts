import Decimal from 'decimal.js';
import { z } from 'zod';
import { firstPurchaseDates, toActivityRows, type ActivityKind, type ActivityRow } from '../finance/activities';
import { toMoney } from '../finance/money';
import { normalizeSymbol } from '../finance/symbols';
import { defineTool } from './define-tool';
import { activityTypes, readActivities } from '../clients/alpaca/activities';
import { symbolInput } from './support/symbol-input';
import { fitToBudget } from './support/result-budget';
import { plainText } from './support/untrusted-text';

/** Activities read at most (totals and first purchase dates cover all of them); when more exist, `capped` says so. */
export const maxActivityRecords = 1000;

const input = z.object({
  days: z.number().int().min(1).max(365).default(90).describe('How many days back from now to list (1–365, default 90).'),
  types: z
    .array(z.enum(activityTypes))
    .min(1)
    .max(10)
    .optional()
    .describe('Only these Alpaca activity types, e.g. ["FILL"] for trades, ["DIV"] for dividends, ["CSD","CSW"] for deposits and withdrawals. Omit for all.'),
  symbol: symbolInput.optional().describe('Only activities for this ticker, e.g. AAPL or BRK.B.'),
});

export const getAccountActivities = defineTool({
  name: 'get_account_activities',
  description:
    "The user's Alpaca account history, newest first: trade fills, dividends, deposits, withdrawals, fees and other " +
    'activities over the last N days (up to 365), each with date, symbol, quantity, price and signed cash amount, plus ' +
    'totals per kind and the first purchase date of each symbol in the window. Lists the newest rows that fit; the totals cover the whole window.',
  input,
  sideEffect: 'read',
  activity: ({ symbol }) => (symbol === undefined ? 'Reviewing your account activity…' : `Reviewing your ${symbol} activity…`),
  run: async ({ days, types, symbol }, context) => {
    const now = context.clock.now();
    const after = new Date(now.getTime() - days * 86_400_000).toISOString();
    const fetched = await readActivities(context, {
      after,
      types,
      maxRecords: maxActivityRecords,
      ...(symbol === undefined ? {} : { keep: (record: unknown) => recordSymbol(record) === symbol }),
    });
    const { rows, skipped } = toActivityRows(fetched.records);
    const result = {
      window: { after, until: now.toISOString(), days },
      types: types ?? 'all',
      symbol: symbol ?? null,
      count: rows.length,
      capped: fetched.capped,
      ...(fetched.capped
        ? { cappedNote: `More than ${maxActivityRecords} activities match; only the newest ${maxActivityRecords} are counted. Ask for fewer days or specific types.` }
        : {}),
      totalsByKind: totalsByKind(rows),
      firstPurchaseDates: firstPurchaseDates(rows),
      firstPurchaseNote: 'Earliest buy of each symbol within this window only; a holding bought earlier shows a later date or none.',
      skipped: skipped.slice(0, 10),
      skippedCount: skipped.length,
      units: { amount: 'USD cash flow into the account, to the cent (buys and fees negative)', qty: 'shares', price: 'USD per share' },
      dataSource: 'Alpaca account activities',
      asOf: now.toISOString(),
    };
    const listed = fitToBudget(rows.map(compactRow), JSON.stringify(result).length + 200);
    return {
      ...result,
      rowsListed: listed.kept.length,
      rowsOmitted: listed.omitted,
      ...(listed.omitted > 0 ? { rowsNote: `The ${listed.omitted} oldest rows are not listed (too long for one answer); the totals include them.` } : {}),
      rows: listed.kept,
    };
  },
});

/** The canonical symbol a raw activity record is about, or null. */
function recordSymbol(record: unknown): string | null {
  if (typeof record !== 'object' || record === null || !('symbol' in record) || typeof record.symbol !== 'string') return null;
  const result = normalizeSymbol(record.symbol);
  return result.ok ? result.symbol : null;
}

/** One row without what repeats or can be derived: a fill's description restates its fields, so only others keep one. */
function compactRow(row: ActivityRow) {
  return {
    date: row.date,
    type: row.activityType,
    kind: row.kind,
    ...(row.symbol === null ? {} : { symbol: row.symbol }),
    ...(row.side === null ? {} : { side: row.side }),
    ...(row.qty === null ? {} : { qty: row.qty }),
    ...(row.price === null ? {} : { price: row.price }),
    amount: row.amount,
    ...(row.kind === 'trade' ? {} : { description: plainText(row.description, 200) }),
    ...(row.partial ? { partial: true } : {}),
  };
}

function totalsByKind(rows: readonly ActivityRow[]): Partial<Record<ActivityKind, { count: number; netAmount: string }>> {
  const totals = new Map<ActivityKind, { count: number; net: Decimal }>();
  for (const row of rows) {
    const entry = totals.get(row.kind) ?? { count: 0, net: new Decimal(0) };
    totals.set(row.kind, { count: entry.count + 1, net: entry.net.plus(row.amount) });
  }
  return Object.fromEntries([...totals.entries()].map(([kind, entry]) => [kind, { count: entry.count, netAmount: toMoney(entry.net) }]));
}
