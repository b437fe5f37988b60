import Decimal from 'decimal.js';
import { formatPct } from './format';
import { block, defineRule, notCheckedWithoutPrice, pass, warn } from './types';

/** A buy warns from this share of the limit (0.8 × 25 % = 20 %). */
export const positionWeightWarnShare = new Decimal('0.8');

/**
 * After a buy, the position must not exceed the maximum weight of total equity: block above the limit, warn from
 * 80 % of it (exactly at the limit warns). Compared on the weights as shown, rounded to 2 decimals, so the numbers
 * in the reason always agree with the outcome. A sale only lowers the weight and passes.
 */
export const maxPositionWeightRule = defineRule({
  id: 'max-position-weight',
  label: 'Position size',
  check: ({ draft, price, estimate, facts }) => {
    const before = formatPct(estimate.weightBeforePct);
    const after = formatPct(estimate.weightAfterPct);
    if (draft.side === 'sell') return pass(`Selling takes ${draft.symbol} from ${before} to ${after} of your equity.`);
    if (draft.amount === undefined && price === null) return notCheckedWithoutPrice();
    const limitPct = new Decimal(facts.limits.maxPositionWeightPct);
    const limit = `${limitPct.toFixed()}%`;
    const weight = new Decimal(estimate.weightAfterPct);
    const would = `${draft.symbol} would be ${after} of your equity (now ${before})`;
    if (weight.gt(limitPct)) return block(`${would}; your limit is ${limit} per position.`);
    if (weight.gte(limitPct.times(positionWeightWarnShare))) return warn(`${would}, close to your ${limit} limit per position.`);
    return pass(`${would}, within your ${limit} limit per position.`);
  },
});
