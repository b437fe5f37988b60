import Decimal from 'decimal.js';
import { formatDollars } from './format';
import { block, defineRule, notCheckedWithoutPrice, pass } from './types';

/** The one minimum for every order, buy or sell, by amount or by shares (Alpaca's minimum for fractional orders). */
export const minimumOrderDollars = new Decimal(1);

/** A dollar amount must be at least $1; a share quantity must come to at least $1 at the estimate's price (to the cent). */
export const minimumAmountRule = defineRule({
  id: 'minimum-amount',
  label: 'Minimum order',
  check: ({ draft, price, cost }) => {
    const minimum = formatDollars(minimumOrderDollars);
    if (draft.amount !== undefined) {
      return cost.lt(minimumOrderDollars)
        ? block(`The minimum order is ${minimum}; this one is ${formatDollars(cost)}.`)
        : pass(`${formatDollars(cost)} meets the ${minimum} minimum.`);
    }
    if (price === null) return notCheckedWithoutPrice();
    return cost.lt(minimumOrderDollars)
      ? block(`This order comes to about ${formatDollars(cost)}; the minimum order is ${minimum}.`)
      : pass(`About ${formatDollars(cost)} meets the ${minimum} minimum.`);
  },
});
