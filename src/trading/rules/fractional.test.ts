import { describe, expect, it } from 'vitest';
import { fractionalRule } from './fractional';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

const wholeOnly = makeFacts({ asset: { symbol: 'AAPL', tradable: true, fractionable: false, status: 'active' } });
const fractionable = makeFacts();

describe('fractional rule', () => {
  it.each([
    // 500 ÷ 200.10 (the ask) = 2.4987506…, 2.498751 to 6 decimals
    ['a dollar amount on a fractionable asset', { side: 'buy', amount: '500' }, 'AAPL can be traded by dollar amount: $500.00 is about 2.498751 shares.'],
    // 500 ÷ 199.90 (the bid) = 2.5012506…
    ['a dollar-amount sale', { side: 'sell', amount: '500' }, 'AAPL can be traded by dollar amount: $500.00 is about 2.501251 shares.'],
    ['a fractional quantity for the day', { side: 'buy', quantity: '2.5' }, 'AAPL can be traded in fractions of a share.'],
    ['whole shares good till cancelled', { side: 'buy', quantity: '3', time_in_force: 'gtc' }, 'Whole shares: 3 shares.'],
  ])('passes %s', (_name, input, reason) => {
    expect(checkRule(fractionalRule, makeDraft(input), fractionable)).toEqual({ outcome: 'pass', reason });
  });

  it('passes whole shares of a stock that trades only in whole shares', () => {
    expect(checkRule(fractionalRule, makeDraft({ side: 'buy', quantity: '3' }), wholeOnly)).toEqual({ outcome: 'pass', reason: 'Whole shares: 3 shares.' });
    expect(checkRule(fractionalRule, makeDraft({ side: 'buy', quantity: '1' }), wholeOnly).outcome).toBe('pass');
  });

  it.each([
    // 500 ÷ 200.10 = 2.49…: 2 whole shares
    [{ side: 'buy', amount: '500' }, "AAPL can't be traded in fractions, so not by dollar amount; buy whole shares instead (at about $200.10 a share, $500.00 buys 2 shares)."],
    // 100 ÷ 200.10 < 1
    [{ side: 'buy', amount: '100' }, "AAPL can't be traded in fractions, so not by dollar amount; buy whole shares instead (one share is about $200.10)."],
    // 500 ÷ 199.90 (the bid) = 2.50…: 2 whole shares
    [{ side: 'sell', amount: '500' }, "AAPL can't be traded in fractions, so not by dollar amount; sell whole shares instead (at about $199.90 a share, $500.00 sells 2 shares)."],
    [{ side: 'buy', quantity: '2.5' }, 'AAPL trades in whole shares only; use 2 or 3 shares instead of 2.5.'],
    [{ side: 'buy', quantity: '0.5' }, 'AAPL trades in whole shares only; use 1 share instead of 0.5.'],
  ])('blocks %j on a whole-share stock', (input, reason) => {
    expect(checkRule(fractionalRule, makeDraft(input), wholeOnly)).toEqual({ outcome: 'block', reason });
  });

  it.each([
    [{ side: 'buy', amount: '500', type: 'limit', limit_price: '190' }, 'A dollar-amount order must be a market order; give a number of shares to set a limit price.'],
    [{ side: 'buy', amount: '500', time_in_force: 'gtc' }, 'A dollar-amount order must be a day order (Alpaca allows dollar amounts only with time in force day); change it to day.'],
    [
      { side: 'sell', quantity: '2.5', time_in_force: 'gtc' },
      'Fractional shares need a day order (Alpaca allows fractions only with time in force day); change it to day or use whole shares.',
    ],
  ])('blocks %j even on a fractionable stock', (input, reason) => {
    expect(checkRule(fractionalRule, makeDraft(input), fractionable)).toEqual({ outcome: 'block', reason });
  });

  it('is not checked for an asset the broker does not list (the asset rule blocks it)', () => {
    expect(checkRule(fractionalRule, makeDraft({ side: 'buy', amount: '500' }), makeFacts({ asset: null })).outcome).toBe('warn');
  });
});
