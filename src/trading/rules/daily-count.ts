import { block, defineRule, pass } from './types';

/** Counting this order, no more than the daily maximum of orders submitted by Clera (New York day). */
export const dailyCountRule = defineRule({
  id: 'daily-count',
  label: 'Orders today',
  check: ({ facts }) => {
    const thisOrder = facts.today.orderCount + 1;
    const limit = facts.limits.maxDailyOrders;
    if (thisOrder > limit) return block(`This would be order ${thisOrder} today; your daily limit is ${limit} ${limit === 1 ? 'order' : 'orders'}.`);
    return pass(`This is order ${thisOrder} of the ${limit} allowed today.`);
  },
});
