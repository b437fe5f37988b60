import { describe, expect, it } from 'vitest';
import { dailyNotionalRule } from './daily-notional';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

describe('daily-notional rule (default $20,000 a day, counting this order)', () => {
  it.each([
    ['19500.00', { side: 'buy', amount: '500' }, 'pass', '$19,500.00 earlier today plus $500.00 is $20,000.00, within your $20,000.00 daily limit.'],
    ['19500.00', { side: 'buy', amount: '500.01' }, 'block', '$19,500.00 earlier today plus $500.01 is $20,000.01; your daily limit is $20,000.00.'],
    ['19999.99', { side: 'sell', amount: '1' }, 'block', '$19,999.99 earlier today plus $1.00 is $20,000.99; your daily limit is $20,000.00.'], // sales count too
    // 10 × 200.10 (the ask) = 2,001.00
    ['17999', { side: 'buy', quantity: '10' }, 'pass', '$17,999.00 earlier today plus $2,001.00 is $20,000.00, within your $20,000.00 daily limit.'],
    ['17999.01', { side: 'buy', quantity: '10' }, 'block', '$17,999.01 earlier today plus $2,001.00 is $20,000.01; your daily limit is $20,000.00.'],
  ])('%s earlier, then %j: %s', (notional, input, outcome, reason) => {
    const facts = makeFacts({ today: { notional } });
    expect(checkRule(dailyNotionalRule, makeDraft(input), facts)).toEqual({ outcome, reason });
  });

  it('uses the limit from settings', () => {
    const facts = makeFacts({ limits: { maxDailyNotional: '100' } });
    expect(checkRule(dailyNotionalRule, makeDraft({ side: 'buy', amount: '100' }), facts).outcome).toBe('pass');
    expect(checkRule(dailyNotionalRule, makeDraft({ side: 'buy', amount: '100.01' }), facts).outcome).toBe('block');
  });
});
