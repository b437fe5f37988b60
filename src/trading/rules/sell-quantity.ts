import Decimal from 'decimal.js';
import { heldShares } from './estimate';
import { formatDollars, formatPrice, formatShares } from './format';
import { block, defineRule, notCheckedWithoutPrice, pass, warn } from './types';

/** Room left for a dollar-amount sale, which converts to more shares if the price falls before it fills. */
export const amountSellCushionPct = 1;

/**
 * A sale must not exceed the shares held: Clera never sells short. A dollar-amount sale is converted to shares at the
 * bid (else the last trade); when that comes within 1 % of everything held it warns, since a falling price needs more
 * shares, and suggests selling the shares instead.
 */
export const sellQuantityRule = defineRule({
  id: 'sell-quantity',
  label: 'Shares held',
  check: ({ draft, facts, price, shares, cost }) => {
    if (draft.side === 'buy') return pass('Not a sale.');
    const held = heldShares(facts);
    if (held.lte(0)) return block(`You don't hold any ${draft.symbol}; Clera doesn't sell short.`);
    const holding = `you hold ${formatShares(held)}`;
    if (draft.amount !== undefined) {
      if (price === null) return notCheckedWithoutPrice();
      const converted = `${formatDollars(cost)} is about ${formatShares(shares)} at ${formatPrice(price)}`;
      if (shares.gt(held)) return block(`${converted}; ${holding}. Clera doesn't sell short.`);
      const cushioned = shares.times(new Decimal(100).plus(amountSellCushionPct)).div(100);
      if (cushioned.gt(held)) {
        return warn(
          `${converted}, nearly all of the ${formatShares(held)} you hold; if the price falls it needs more. To sell everything, sell ${formatShares(held)} instead.`,
        );
      }
      return pass(`${converted}; ${holding}.`);
    }
    if (shares.gt(held)) return block(`Sells ${formatShares(shares)}; ${holding}. Clera doesn't sell short.`);
    if (shares.eq(held)) return pass(`Sells all ${formatShares(held)} you hold.`);
    return pass(`Sells ${formatShares(shares)}; ${holding}.`);
  },
});
