import Decimal from 'decimal.js';
import { decimalFrom } from '../../finance/money';
import { formatPrice } from './format';
import { block, defineRule, pass, warn } from './types';

/** Beyond this distance from the last trade a limit on the marketable side is worth a second look. */
export const limitWarnPct = new Decimal(5);

/**
 * A limit far from the market is probably a typo. On the marketable side (a sale's limit below the last trade, a
 * buy's above) the order fills at the market but the user said they would accept much worse: it warns past 5 % and
 * blocks past the setting. On the patient side (a buy below, a sale above) the order only waits: it warns past the
 * setting and never blocks.
 */
export const limitDistanceRule = defineRule({
  id: 'limit-distance',
  label: 'Limit price',
  check: ({ draft, facts }) => {
    if (draft.type !== 'limit' || draft.limit_price === undefined) return pass('A market order has no limit price.');
    const last = decimalFrom(facts.quote.last, 'quote.last');
    if (last.lte(0)) return pass('There is no last trade to compare the limit with.');
    const limitPrice = decimalFrom(draft.limit_price, 'draft.limit_price');
    const distance = limitPrice.minus(last).div(last).times(100);
    const direction = distance.isNegative() ? 'below' : 'above';
    const pct = distance.abs();
    const blockPct = new Decimal(facts.limits.limitPriceBlockPct);
    const sentence = `The limit ${formatPrice(limitPrice)} is ${pct.toFixed(2)}% ${direction} the last trade of ${formatPrice(last)}`;
    const marketable = (draft.side === 'sell' && distance.isNegative()) || (draft.side === 'buy' && distance.isPositive());
    if (marketable) {
      if (pct.gt(blockPct)) return block(`${sentence}, more than the ${blockPct.toString()}% your settings allow. Change the limit or the setting.`);
      if (pct.gt(limitWarnPct)) return warn(`${sentence}: check it is the price you meant.`);
      return pass(`${sentence}.`);
    }
    if (pct.gt(blockPct)) return warn(`${sentence}, so the order may not fill for a while.`);
    return pass(`${sentence}.`);
  },
});
