import { formatPrice } from './format';
import { block, defineRule, pass, type PriceSource } from './types';

const sourceText: Record<PriceSource, string> = {
  limit: 'your limit price',
  ask: 'the current ask',
  bid: 'the current bid',
  last: 'the last trade',
};

/** The estimate needs a positive price: the limit price, else the ask (buy) or bid (sell), else the last trade. */
export const priceAvailableRule = defineRule({
  id: 'price-available',
  label: 'Current price',
  check: ({ draft, price, priceSource }) => {
    if (price === null || priceSource === null) {
      return block(`There is no current price for ${draft.symbol} to estimate this order with; try again in a moment.`);
    }
    return pass(`Estimated at ${formatPrice(price)} a share, ${sourceText[priceSource]}.`);
  },
});
