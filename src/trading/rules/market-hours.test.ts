import { describe, expect, it } from 'vitest';
import { evaluateOrder } from './index';
import { marketHoursRule } from './market-hours';
import { checkRule, makeDraft, makeFacts, nextOpen, nextOpenText } from '../../../tests/support/rule-facts';

const closed = makeFacts({ market: { isOpen: false } });

describe('market-hours rule', () => {
  it('passes any order while the market is open, and the estimate says it executes now', () => {
    for (const input of [{ side: 'buy', amount: '500' }, { side: 'sell', quantity: '2.5', type: 'limit', limit_price: '210' }]) {
      const draft = makeDraft(input);
      // 2025-06-16T20:00:00Z is 16:00 in New York (EDT, UTC−4)
      expect(checkRule(marketHoursRule, draft)).toEqual({ outcome: 'pass', reason: 'The market is open until Monday, June 16 at 4:00 PM New York time.' });
      expect(evaluateOrder(draft, makeFacts()).estimate.executes).toBe('now');
    }
  });

  it.each([
    ['a market buy', { side: 'buy', quantity: '3' }, 'warn', `Market is closed; this order would execute at the next open, ${nextOpenText}. The price may move by then; a limit order sets the most you pay.`],
    ['a market sell', { side: 'sell', quantity: '3' }, 'warn', `Market is closed; this order would execute at the next open, ${nextOpenText}. The price may move by then; a limit order sets the least you accept.`],
    ['a whole-share market order good till cancelled', { side: 'buy', quantity: '3', time_in_force: 'gtc' }, 'warn', `Market is closed; this order would execute at the next open, ${nextOpenText}. The price may move by then; a limit order sets the most you pay.`],
    ['a limit order', { side: 'buy', quantity: '3', type: 'limit', limit_price: '195' }, 'pass', `Market is closed; the limit order waits for the next open, ${nextOpenText}, and fills only at your limit or better.`],
    ['a gtc limit order', { side: 'sell', quantity: '3', type: 'limit', limit_price: '210', time_in_force: 'gtc' }, 'pass', `Market is closed; the limit order waits for the next open, ${nextOpenText}, and fills only at your limit or better.`],
    // Alpaca queues a dollar-amount or fractional market day order for the open.
    ['a dollar-amount market day order', { side: 'buy', amount: '500' }, 'warn', `Market is closed; this order would execute at the next open, ${nextOpenText}. The price may move by then; for a price cap, give a whole number of shares and a limit price.`],
    ['a fractional market day order', { side: 'sell', quantity: '0.5' }, 'warn', `Market is closed; this order would execute at the next open, ${nextOpenText}. The price may move by then; for a price cap, give a whole number of shares and a limit price.`],
    ['a fractional limit order', { side: 'buy', quantity: '0.5', type: 'limit', limit_price: '195' }, 'block', `Market is closed; a dollar-amount or fractional order can only wait for the next open (${nextOpenText}) as a market order for the day.`],
    ['a dollar-amount gtc order', { side: 'buy', amount: '500', time_in_force: 'gtc' }, 'block', `Market is closed; a dollar-amount or fractional order can only wait for the next open (${nextOpenText}) as a market order for the day.`],
  ])('when closed: %s → %s', (_name, input, outcome, reason) => {
    const draft = makeDraft(input);
    expect(checkRule(marketHoursRule, draft, closed)).toEqual({ outcome, reason });
    expect(evaluateOrder(draft, closed).estimate.executes).toBe(nextOpen);
  });
});
