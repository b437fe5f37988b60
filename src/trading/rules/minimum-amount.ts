import Decimal from 'decimal.js';
import { formatDollars } from './format';
import { block, defineRule, notCheckedWithoutPrice, pass } from './types';

/** Alpaca's minimum for dollar-amount and fractional orders, buy or sell. Whole-share orders have none. */
export const minimumOrderDollars = new Decimal(1);

/**
 * A dollar amount must be at least $1; a fractional share quantity must come to at least $1 at the estimate's price
 * (to the cent). Whole shares have no minimum: one share of a $0.50 stock is a valid order.
 */
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
    if (draft.quantity !== undefined && new Decimal(draft.quantity).isInteger()) {
      return pass(`Whole-share orders have no minimum (the ${minimum} minimum is for dollar-amount and fractional orders).`);
    }
    if (price === null) return notCheckedWithoutPrice();
    return cost.lt(minimumOrderDollars)
      ? block(`This order comes to about ${formatDollars(cost)}; the minimum order is ${minimum}.`)
      : pass(`About ${formatDollars(cost)} meets the ${minimum} minimum.`);
  },
});
