import { decimalFrom } from '../../finance/money';
import { formatDollars } from './format';
import { block, defineRule, notCheckedWithoutPrice, pass } from './types';

/** The estimated cost of one order, buy or sell, must not exceed the per-order limit (equal is fine). */
export const maxOrderRule = defineRule({
  id: 'max-order',
  label: 'Per-order limit',
  check: ({ draft, facts, price, cost }) => {
    if (draft.amount === undefined && price === null) return notCheckedWithoutPrice();
    const limit = decimalFrom(facts.limits.maxOrderNotional, 'limits.maxOrderNotional');
    const about = draft.amount === undefined ? 'about ' : '';
    if (cost.gt(limit)) return block(`This order is ${about}${formatDollars(cost)}; your per-order limit is ${formatDollars(limit)}.`);
    return pass(`This order is ${about}${formatDollars(cost)}, within your ${formatDollars(limit)} per-order limit.`);
  },
});
