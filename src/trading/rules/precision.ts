import Decimal from 'decimal.js';
import type { OrderDraft } from '../order-draft';
import { formatDollars, formatPrice, formatShares } from './format';
import { block, defineRule, pass } from './types';

/** Decimal places the broker accepts. */
export const amountDecimals = 2;
export const quantityDecimals = 9;
/** Limit prices: 2 decimals from $1 up, 4 below (sub-penny increments). */
export const limitPriceDecimals = { fromOneDollar: 2, belowOneDollar: 4 } as const;

/**
 * Amount, quantity and limit price are positive and no more precise than the broker takes. The draft schema refuses
 * these already; the rule checks again because a draft edited in the card is re-checked without re-parsing, and the
 * card lists the check either way.
 */
export const precisionRule = defineRule({
  id: 'precision',
  label: 'Amount and price precision',
  check: ({ draft }) => {
    const problem = findProblem(draft);
    if (problem !== null) return block(problem);
    const size = draft.amount !== undefined ? `${formatDollars(draft.amount)} is whole cents` : `${formatShares(draft.quantity ?? '0')} is a valid quantity`;
    const limit = draft.limit_price === undefined ? '' : `; the limit ${formatPrice(draft.limit_price)} is a valid price`;
    return pass(`${size}${limit}.`);
  },
});

function findProblem(draft: OrderDraft): string | null {
  if (draft.amount !== undefined && draft.quantity !== undefined) return 'Give either a dollar amount or a number of shares, not both.';
  if (draft.amount !== undefined) {
    const amount = new Decimal(draft.amount);
    if (amount.lte(0)) return 'The dollar amount must be more than $0.';
    if (amount.decimalPlaces() > amountDecimals) return `Amounts are in dollars with at most ${amountDecimals} decimals; ${draft.amount} has more.`;
  } else if (draft.quantity !== undefined) {
    const quantity = new Decimal(draft.quantity);
    if (quantity.lte(0)) return 'The number of shares must be more than 0.';
    if (quantity.decimalPlaces() > quantityDecimals) return `Share quantities have at most ${quantityDecimals} decimals; ${draft.quantity} has more.`;
  } else {
    return 'Give a dollar amount or a number of shares.';
  }
  if (draft.type === 'limit' && draft.limit_price === undefined) return 'A limit order needs a limit price.';
  if (draft.limit_price !== undefined) {
    const limit = new Decimal(draft.limit_price);
    if (limit.lte(0)) return 'The limit price must be more than $0.';
    const allowed = limit.gte(1) ? limitPriceDecimals.fromOneDollar : limitPriceDecimals.belowOneDollar;
    if (limit.decimalPlaces() > allowed) {
      return `A limit price ${limit.gte(1) ? 'of $1 or more' : 'under $1'} has at most ${allowed} decimals; ${draft.limit_price} has more.`;
    }
  }
  return null;
}
