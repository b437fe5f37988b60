import Decimal from 'decimal.js';
import { z } from 'zod';
import { isDecimalString } from '../finance/money';
import { normalizeSymbol } from '../finance/symbols';
import { formatDollars, formatPrice, formatShares, priceString } from './rules/format';

/**
 * The order the model proposes (untrusted tool input) and the user may edit in the order card.
 *
 * Decimal fields take a plain decimal string ("500", "250.50") or a JSON number and come out as a normalised string:
 * - amount: fixed 2 decimals ("500" → "500.00"), the form Alpaca's `notional` takes;
 * - quantity: shortest form ("2.50" → "2.5", "007" → "7");
 * - limit_price: at least 2 decimals ("412" → "412.00", "0.1234" stays).
 * Decisions:
 * - Strings with an exponent ("1e3"), a currency sign, thousands separators or spaces inside are refused: what the user
 *   confirms must be exactly what was written. (A JSON number written 1e3 reaches us as the number 1000 and is fine.)
 * - Numbers are read through their shortest decimal form, so 0.1 + 0.2 arrives as 0.30000000000000004 and is refused as
 *   too precise rather than silently rounded. NaN and ±Infinity are refused.
 * - Decimals are counted on the value, so trailing zeros do not count ("500.000" is 500.00).
 * - null counts as "not given" for the optional fields (models often send null for the field they do not use).
 * - Unknown keys are refused (strict object): a `stop_price` the model thinks it set must not be silently dropped.
 * - The $1 minimum is not checked here but by the minimum-amount rule, so one rule owns it for every order.
 */

/** At most this many characters in a decimal field; anything longer is not a number a person typed. */
const maxDecimalInputLength = 32;

interface DecimalFieldOptions {
  /** "The dollar amount", for messages. */
  subject: string;
  /** "500 or 250.50", for messages. */
  examples: string;
  notPositive: string;
  tooPrecise: (value: Decimal) => string | null;
  max: Decimal;
  tooLarge: string;
  normalise: (value: Decimal) => string;
}

function decimalField(options: DecimalFieldOptions) {
  return z
    .union([z.string(), z.number()], { error: `${options.subject} must be a ${plainNumberHelp(options.examples)}.` })
    .transform((raw, context) => {
      const value = readDecimal(raw);
      const fail = (message: string) => {
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      if (value === null) return fail(`Write ${options.subject.toLowerCase()} as a ${plainNumberHelp(options.examples)}.`);
      if (value.lte(0)) return fail(options.notPositive);
      if (value.gt(options.max)) return fail(options.tooLarge);
      const precision = options.tooPrecise(value);
      if (precision !== null) return fail(precision);
      return options.normalise(value);
    });
}

function plainNumberHelp(examples: string): string {
  return `plain number like ${examples} (no $, commas or exponents)`;
}

/** A finite decimal from a string or number, or null when it is not a plain decimal. */
function readDecimal(raw: string | number): Decimal | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? new Decimal(raw) : null;
  const text = raw.trim();
  if (text.length > maxDecimalInputLength || !isDecimalString(text)) return null;
  return new Decimal(text);
}

/** null → undefined, so "not given" has one representation in the output (an optional key). */
function optional(field: z.ZodType<string, string | number>) {
  return field
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();
}

export const maxOrderAmount = new Decimal('1000000000');
export const maxOrderQuantity = new Decimal('10000000');
/** Above any listed US share price (BRK.A trades in the hundreds of thousands). */
export const maxLimitPrice = new Decimal('10000000');

const amount = decimalField({
  subject: 'The dollar amount',
  examples: '500 or 250.50',
  notPositive: 'The dollar amount must be more than $0.',
  tooPrecise: (value) => (value.decimalPlaces() > 2 ? 'Amounts are in dollars with at most 2 decimals.' : null),
  max: maxOrderAmount,
  tooLarge: 'A dollar amount above $1,000,000,000 is not a real order.',
  normalise: (value) => value.toFixed(2),
});
const amountDescription =
  'Dollar amount to buy or sell, e.g. "500" or "250.50": at most 2 decimals, minimum $1. Give this or quantity, not both. ' +
    'A dollar-amount order is a market order for the day.';

const quantity = decimalField({
  subject: 'The number of shares',
  examples: '10 or 2.5',
  notPositive: 'The number of shares must be more than 0.',
  tooPrecise: (value) => (value.decimalPlaces() > 9 ? 'Share quantities have at most 9 decimals.' : null),
  max: maxOrderQuantity,
  tooLarge: 'More than 10,000,000 shares is not a real order.',
  normalise: (value) => value.toFixed(),
});
const quantityDescription =
  'Number of shares, e.g. "10" or "2.5" (fractions only where the stock allows them, up to 9 decimals). ' +
    'Give this or amount, not both.';

const limitPrice = decimalField({
  subject: 'The limit price',
  examples: '412.50 or 0.1234',
  notPositive: 'The limit price must be more than $0.',
  tooPrecise: (value) => {
    if (value.gte(1) && value.decimalPlaces() > 2) return 'A limit price of $1 or more has at most 2 decimals (e.g. 412.35).';
    if (value.decimalPlaces() > 4) return 'A limit price under $1 has at most 4 decimals (e.g. 0.1234).';
    return null;
  },
  max: maxLimitPrice,
  tooLarge: 'A limit price above $10,000,000 a share is not a real order.',
  normalise: priceString,
});
const limitPriceDescription =
  'Only for a limit order, and required for one: the highest price per share to pay (buy) or the lowest to accept ' +
    '(sell), e.g. "412.50".';

const symbol = z
  .string()
  .describe('US stock or ETF ticker, e.g. AAPL, SPY or BRK.B (a class share is written with a dot).')
  .transform((value, context) => {
    const result = normalizeSymbol(value);
    if (result.ok) return result.symbol;
    context.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });

export const orderDraftSchema = z
  .strictObject({
    side: z.enum(['buy', 'sell'], { error: 'The side is buy or sell.' }).describe('buy or sell.'),
    symbol,
    amount: optional(amount).describe(amountDescription),
    quantity: optional(quantity).describe(quantityDescription),
    type: z
      .enum(['market', 'limit'], { error: 'The order type is market or limit; other types (stop, trailing stop) are not supported.' })
      .default('market')
      .describe('market (default) fills at the going price; limit fills only at limit_price or better.'),
    limit_price: optional(limitPrice).describe(limitPriceDescription),
    time_in_force: z
      .enum(['day', 'gtc'], { error: 'Time in force is day or gtc.' })
      .default('day')
      .describe("day (default) expires at today's close; gtc stays open until cancelled (whole-share orders only)."),
  })
  .superRefine((draft, context) => {
    if (draft.amount !== undefined && draft.quantity !== undefined) {
      context.addIssue({ code: 'custom', path: ['amount'], message: 'Give either a dollar amount or a number of shares, not both.' });
    }
    if (draft.amount === undefined && draft.quantity === undefined) {
      context.addIssue({ code: 'custom', path: ['amount'], message: 'Give a dollar amount or a number of shares.' });
    }
    if (draft.type === 'limit' && draft.limit_price === undefined) {
      context.addIssue({ code: 'custom', path: ['limit_price'], message: 'A limit order needs a limit price.' });
    }
    if (draft.type === 'market' && draft.limit_price !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['limit_price'],
        message: 'A market order has no limit price; set type to limit to use one.',
      });
    }
  });

export type OrderDraft = z.output<typeof orderDraftSchema>;

/** One line for the card and the audit log: "Buy $500.00 of AAPL, market, day", "Sell 2.5 shares of BRK.B, limit $412.00, GTC". */
export function describeDraft(draft: OrderDraft): string {
  const verb = draft.side === 'buy' ? 'Buy' : 'Sell';
  const size =
    draft.amount !== undefined ? formatDollars(draft.amount) : draft.quantity !== undefined ? formatShares(draft.quantity) : 'an unspecified size';
  const type = draft.type === 'limit' && draft.limit_price !== undefined ? `limit ${formatPrice(draft.limit_price)}` : draft.type;
  const timeInForce = draft.time_in_force === 'gtc' ? 'GTC' : 'day';
  return `${verb} ${size} of ${draft.symbol}, ${type}, ${timeInForce}`;
}
