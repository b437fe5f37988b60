import { describe, expect, it } from 'vitest';
import { maxOrderRule } from './max-order';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

describe('max-order rule (default limit $5,000)', () => {
  const facts = makeFacts({ quote: { bid: '200.00', ask: '200.00' }, position: { qty: '100', marketValue: '20000.00' } });

  it.each([
    ['a $5,000.00 buy', { side: 'buy', amount: '5000' }, 'pass', 'This order is $5,000.00, within your $5,000.00 per-order limit.'],
    ['a $5,000.01 buy', { side: 'buy', amount: '5000.01' }, 'block', 'This order is $5,000.01; your per-order limit is $5,000.00.'],
    // 25 × 200 = 5,000.00; 25.0001 × 200 = 5,000.02
    ['a sale of 25 shares', { side: 'sell', quantity: '25' }, 'pass', 'This order is about $5,000.00, within your $5,000.00 per-order limit.'],
    ['a sale of 25.0001 shares', { side: 'sell', quantity: '25.0001' }, 'block', 'This order is about $5,000.02; your per-order limit is $5,000.00.'],
    // a limit buy is costed at its limit: 10 × 500.01 = 5,000.10
    ['10 shares limit $500.01', { side: 'buy', quantity: '10', type: 'limit', limit_price: '500.01' }, 'block', 'This order is about $5,000.10; your per-order limit is $5,000.00.'],
  ])('%s: %s', (_name, input, outcome, reason) => {
    expect(checkRule(maxOrderRule, makeDraft(input), facts)).toEqual({ outcome, reason });
  });

  it('uses the limit from settings', () => {
    const strict = makeFacts({ limits: { maxOrderNotional: '100' } });
    expect(checkRule(maxOrderRule, makeDraft({ side: 'buy', amount: '100' }), strict).outcome).toBe('pass');
    expect(checkRule(maxOrderRule, makeDraft({ side: 'buy', amount: '100.01' }), strict).outcome).toBe('block');
  });
});
