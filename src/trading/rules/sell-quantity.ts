import Decimal from 'decimal.js';
import { heldShares } from './estimate';
import { formatDollars, formatPrice, formatShares } from './format';
import { block, defineRule, notCheckedWithoutPrice, pass, warn } from './types';

/** Room left for a dollar-amount sale, which converts to more shares if the price falls before it fills. */
export const amountSellCushionPct = 1;

/** Shares not already promised to open sell orders: what a new sale can use. */
function availableShares(held: Decimal, qtyAvailable: string | undefined): Decimal {
  return qtyAvailable === undefined ? held : Decimal.min(new Decimal(qtyAvailable), held);
}

/**
 * A sale must not exceed the shares available (held minus those in open sell orders): Clera never sells short. A
 * dollar-amount sale is converted to shares at the bid (else the last trade); when that comes within 1 % of everything
 * available it warns, since a falling price needs more shares, and suggests selling the shares instead.
 */
export const sellQuantityRule = defineRule({
  id: 'sell-quantity',
  label: 'Shares available',
  check: ({ draft, facts, price, shares, cost }) => {
    if (draft.side === 'buy') return pass('Not a sale.');
    const held = heldShares(facts);
    if (held.lte(0)) return block(`You don't hold any ${draft.symbol}; Clera doesn't sell short.`);
    const available = availableShares(held, facts.position?.qtyAvailable);
    const reserved = held.minus(available);
    if (available.lte(0)) {
      return block(`All ${formatShares(held)} of ${draft.symbol} you hold are already in open sell orders; cancel one first to sell more.`);
    }
    const inOrders = `${formatShares(reserved).replace(/ shares?$/, '')} ${reserved.eq(1) ? 'is' : 'are'} in open sell orders`;
    const holding = reserved.gt(0)
      ? `${formatShares(available).replace(/ shares?$/, '')} of the ${formatShares(held)} you hold ${available.eq(1) ? 'is' : 'are'} available (${inOrders})`
      : `you hold ${formatShares(held)}`;
    const onlyHolding = reserved.gt(0) ? `only ${holding}` : holding;
    if (draft.amount !== undefined) {
      if (price === null) return notCheckedWithoutPrice();
      const converted = `${formatDollars(cost)} is about ${formatShares(shares)} at ${formatPrice(price)}`;
      if (shares.gt(available)) return block(`${converted}; ${onlyHolding}. Clera doesn't sell short.`);
      const cushioned = shares.times(new Decimal(100).plus(amountSellCushionPct)).div(100);
      if (cushioned.gt(available)) {
        return warn(
          `${converted}, nearly all of the ${formatShares(available)} ${reserved.gt(0) ? 'available' : 'you hold'}; if the price falls it needs more. To sell everything, sell ${formatShares(available)} instead.`,
        );
      }
      return pass(`${converted}; ${holding}.`);
    }
    if (shares.gt(available)) return block(`Sells ${formatShares(shares)}; ${onlyHolding}. Clera doesn't sell short.`);
    if (shares.eq(available)) {
      return reserved.gt(0)
        ? pass(`Sells all ${formatShares(available).replace(/ shares?$/, '')} available shares (${formatShares(reserved).replace(/ shares?$/, '')} of the ${formatShares(held)} you hold ${reserved.eq(1) ? 'is' : 'are'} in open sell orders).`)
        : pass(`Sells all ${formatShares(held)} you hold.`);
    }
    return pass(`Sells ${formatShares(shares)}; ${holding}.`);
  },
});
