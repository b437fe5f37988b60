import { decimalFrom } from '../../finance/money';
import { formatDollars } from './format';
import { block, defineRule, notCheckedWithoutPrice, pass } from './types';

/** Counting this order, the dollars Clera traded today (buys and sells) stay within the daily limit (equal is fine). */
export const dailyNotionalRule = defineRule({
  id: 'daily-notional',
  label: 'Dollars traded today',
  check: ({ draft, facts, price, cost }) => {
    if (draft.amount === undefined && price === null) return notCheckedWithoutPrice();
    const earlier = decimalFrom(facts.today.notional, 'today.notional');
    const limit = decimalFrom(facts.limits.maxDailyNotional, 'limits.maxDailyNotional');
    const total = earlier.plus(cost);
    const sofar = `${formatDollars(earlier)} earlier today plus ${formatDollars(cost)} is ${formatDollars(total)}`;
    if (total.gt(limit)) return block(`${sofar}; your daily limit is ${formatDollars(limit)}.`);
    return pass(`${sofar}, within your ${formatDollars(limit)} daily limit.`);
  },
});
