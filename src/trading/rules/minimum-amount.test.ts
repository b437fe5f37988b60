import { describe, expect, it } from 'vitest';
import { minimumAmountRule } from './minimum-amount';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

describe('minimum-amount rule', () => {
  it.each([
    ['0.99', 'block', 'The minimum order is $1.00; this one is $0.99.'],
    ['1', 'pass', '$1.00 meets the $1.00 minimum.'],
    ['1.00', 'pass', '$1.00 meets the $1.00 minimum.'],
    ['1.01', 'pass', '$1.01 meets the $1.00 minimum.'],
  ] as const)('a dollar amount of %s: %s', (amount, outcome, reason) => {
    expect(checkRule(minimumAmountRule, makeDraft({ side: 'buy', amount }))).toEqual({ outcome, reason });
  });

  // With the ask (buys) and bid (sells) at 10.00: 0.099 × 10 = 0.99, 0.1 × 10 = 1.00.
  it.each([
    ['buy', '0.099', 'block', 'This order comes to about $0.99; the minimum order is $1.00.'],
    ['buy', '0.1', 'pass', 'About $1.00 meets the $1.00 minimum.'],
    ['sell', '0.099', 'block', 'This order comes to about $0.99; the minimum order is $1.00.'],
    ['sell', '0.1', 'pass', 'About $1.00 meets the $1.00 minimum.'],
    // 0.0995 × 10 = 0.995, which rounds to $1.00: the check uses the estimate to the cent, as the card shows it.
    ['buy', '0.0995', 'pass', 'About $1.00 meets the $1.00 minimum.'],
  ] as const)('a %s of %s shares at $10: %s', (side, quantity, outcome, reason) => {
    const facts = makeFacts({ quote: { bid: '10.00', ask: '10.00', last: '10.00' } });
    expect(checkRule(minimumAmountRule, makeDraft({ side, quantity }), facts)).toEqual({ outcome, reason });
  });

  // Alpaca's $1 minimum is for dollar-amount and fractional orders; whole shares of a stock under $1 are allowed.
  it.each([
    ['buy', '1', '0.50'],
    ['sell', '3', '0.20'],
    ['buy', '100', '0.0099'],
  ] as const)('a %s of %s whole shares at $%s has no minimum', (side, quantity, price) => {
    const facts = makeFacts({ quote: { bid: price, ask: price, last: price } });
    expect(checkRule(minimumAmountRule, makeDraft({ side, quantity }), facts)).toEqual({
      outcome: 'pass',
      reason: 'Whole-share orders have no minimum (the $1.00 minimum is for dollar-amount and fractional orders).',
    });
  });

  it('still applies the minimum to a fractional quantity of a cheap stock', () => {
    const facts = makeFacts({ quote: { bid: '0.50', ask: '0.50', last: '0.50' } });
    expect(checkRule(minimumAmountRule, makeDraft({ side: 'buy', quantity: '1.5' }), facts).outcome).toBe('block'); // 1.5 × 0.50 = 0.75
  });

  it('cannot check a share order without a price (the price rule blocks it)', () => {
    const facts = makeFacts({ quote: { ask: null, last: '0' } });
    expect(checkRule(minimumAmountRule, makeDraft({ side: 'buy', quantity: '0.5' }), facts).outcome).toBe('warn');
  });
});
