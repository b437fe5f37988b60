import { describe, expect, it } from 'vitest';
import { sellQuantityRule } from './sell-quantity';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

/** 10 shares held, a bid of exactly $200.00. */
const holding = makeFacts({ position: { qty: '10', marketValue: '2000.00' }, quote: { bid: '200.00' } });

describe('sell-quantity rule', () => {
  it.each([
    ['4 shares', { quantity: '4' }, 'pass', 'Sells 4 shares; you hold 10 shares.'],
    ['all 10 shares', { quantity: '10' }, 'pass', 'Sells all 10 shares you hold.'],
    ['10.000000001 shares', { quantity: '10.000000001' }, 'block', "Sells 10.000000001 shares; you hold 10 shares. Clera doesn't sell short."],
    ['11 shares', { quantity: '11' }, 'block', "Sells 11 shares; you hold 10 shares. Clera doesn't sell short."],
    // Dollar amounts convert at the bid: 1,980.00 ÷ 200 = 9.9 shares; × 1.01 = 9.999 ≤ 10 passes.
    ['$1,980.00', { amount: '1980' }, 'pass', '$1,980.00 is about 9.9 shares at $200.00; you hold 10 shares.'],
    // 1,980.20 ÷ 200 = 9.901; × 1.01 = 10.00001 > 10 warns.
    [
      '$1,980.20',
      { amount: '1980.20' },
      'warn',
      '$1,980.20 is about 9.901 shares at $200.00, nearly all of the 10 shares you hold; if the price falls it needs more. To sell everything, sell 10 shares instead.',
    ],
    // 2,000.00 ÷ 200 = exactly 10 shares: allowed, with the warning.
    ['$2,000.00', { amount: '2000' }, 'warn', '$2,000.00 is about 10 shares at $200.00, nearly all of the 10 shares you hold; if the price falls it needs more. To sell everything, sell 10 shares instead.'],
    // 2,000.02 ÷ 200 = 10.0001 > 10 blocks.
    ['$2,000.02', { amount: '2000.02' }, 'block', "$2,000.02 is about 10.0001 shares at $200.00; you hold 10 shares. Clera doesn't sell short."],
  ])('a sale of %s: %s', (_name, input, outcome, reason) => {
    expect(checkRule(sellQuantityRule, makeDraft({ side: 'sell', ...input }), holding)).toEqual({ outcome, reason });
  });

  it.each([
    ['no position', null],
    ['a position of 0 shares', { qty: '0', marketValue: '0' }],
  ])('blocks any sale with %s (no short selling)', (_name, position) => {
    expect(checkRule(sellQuantityRule, makeDraft({ side: 'sell', quantity: '1' }), makeFacts({ position }))).toEqual({
      outcome: 'block',
      reason: "You don't hold any AAPL; Clera doesn't sell short.",
    });
  });

  it('converts at the last trade when there is no bid: 2,500 ÷ 250 = 10 shares', () => {
    const noBid = makeFacts({ position: { qty: '10', marketValue: '2500.00' }, quote: { bid: null, last: '250.00' } });
    expect(checkRule(sellQuantityRule, makeDraft({ side: 'sell', amount: '2500.01' }), noBid).outcome).toBe('block'); // 10.00004 > 10
  });

  describe('counts only the shares available: held minus those already in open sell orders', () => {
    /** 10 held, 6 of them in an open sell order: 4 available. */
    const reserved = makeFacts({ position: { qty: '10', qtyAvailable: '4', marketValue: '2000.00' }, quote: { bid: '200.00' } });
    it.each([
      ['3 shares', { quantity: '3' }, 'pass', 'Sells 3 shares; 4 of the 10 shares you hold are available (6 are in open sell orders).'],
      ['4 shares', { quantity: '4' }, 'pass', 'Sells all 4 available shares (6 of the 10 shares you hold are in open sell orders).'],
      ['5 shares', { quantity: '5' }, 'block', 'Sells 5 shares; only 4 of the 10 shares you hold are available (6 are in open sell orders). Clera doesn\'t sell short.'],
      ['$1,000.00', { amount: '1000' }, 'block', '$1,000.00 is about 5 shares at $200.00; only 4 of the 10 shares you hold are available (6 are in open sell orders). Clera doesn\'t sell short.'],
    ])('a sale of %s: %s', (_name, input, outcome, reason) => {
      expect(checkRule(sellQuantityRule, makeDraft({ side: 'sell', ...input }), reserved)).toEqual({ outcome, reason });
    });

    it('blocks any sale when every share is already in open sell orders', () => {
      const none = makeFacts({ position: { qty: '10', qtyAvailable: '0', marketValue: '2000.00' } });
      expect(checkRule(sellQuantityRule, makeDraft({ side: 'sell', quantity: '1' }), none)).toEqual({
        outcome: 'block',
        reason: "All 10 shares of AAPL you hold are already in open sell orders; cancel one first to sell more.",
      });
    });
  });

  it('ignores buys', () => {
    expect(checkRule(sellQuantityRule, makeDraft({ side: 'buy', quantity: '50' }), makeFacts())).toEqual({ outcome: 'pass', reason: 'Not a sale.' });
  });
});
