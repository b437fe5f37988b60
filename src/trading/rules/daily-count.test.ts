import { describe, expect, it } from 'vitest';
import { dailyCountRule } from './daily-count';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

describe('daily-count rule (counts this order)', () => {
  it.each([
    [0, 10, 'pass', 'This is order 1 of the 10 allowed today.'],
    [9, 10, 'pass', 'This is order 10 of the 10 allowed today.'], // the 10th order of the day
    [10, 10, 'block', 'This would be order 11 today; your daily limit is 10 orders.'], // the 11th
    [0, 1, 'pass', 'This is order 1 of the 1 allowed today.'],
    [1, 1, 'block', 'This would be order 2 today; your daily limit is 1 order.'],
  ] as const)('%i earlier orders, limit %i: %s', (orderCount, maxDailyOrders, outcome, reason) => {
    const facts = makeFacts({ today: { orderCount }, limits: { maxDailyOrders } });
    expect(checkRule(dailyCountRule, makeDraft({ side: 'sell', quantity: '1' }), facts)).toEqual({ outcome, reason });
  });
});
