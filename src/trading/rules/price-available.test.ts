import { describe, expect, it } from 'vitest';
import { evaluateOrder } from './index';
import { priceAvailableRule } from './price-available';
import { checkRule, makeDraft, makeFacts, type FactsOverrides } from '../../../tests/support/rule-facts';

describe('price-available rule and the estimate price', () => {
  it.each([
    ['a market buy uses the ask', { side: 'buy', amount: '100' }, {}, '200.10', 'Estimated at $200.10 a share, the current ask.'],
    ['a market sell uses the bid', { side: 'sell', amount: '100' }, {}, '199.90', 'Estimated at $199.90 a share, the current bid.'],
    ['a limit order uses its limit', { side: 'buy', quantity: '1', type: 'limit', limit_price: '195' }, {}, '195.00', 'Estimated at $195.00 a share, your limit price.'],
    ['a buy without an ask uses the last trade', { side: 'buy', amount: '100' }, { quote: { ask: null } }, '200.00', 'Estimated at $200.00 a share, the last trade.'],
    ['an ask of 0 counts as none', { side: 'buy', amount: '100' }, { quote: { ask: '0' } }, '200.00', 'Estimated at $200.00 a share, the last trade.'],
    ['a sell without a bid uses the last trade', { side: 'sell', amount: '100' }, { quote: { bid: null } }, '200.00', 'Estimated at $200.00 a share, the last trade.'],
    ['sub-dollar prices keep 4 decimals', { side: 'buy', amount: '100' }, { quote: { ask: '0.1234' } }, '0.1234', 'Estimated at $0.1234 a share, the current ask.'],
  ] satisfies [string, Record<string, unknown>, FactsOverrides, string, string][])('%s', (_name, input, overrides, price, reason) => {
    const draft = makeDraft(input);
    const facts = makeFacts(overrides);
    expect(checkRule(priceAvailableRule, draft, facts)).toEqual({ outcome: 'pass', reason });
    expect(evaluateOrder(draft, facts).estimate.price).toBe(price);
  });

  it.each([
    ['no ask and no last trade', { ask: null, last: '0' }],
    ['a zero ask and no last trade', { ask: '0', last: '0' }],
  ])('blocks with %s', (_name, quote) => {
    const facts = makeFacts({ quote });
    expect(checkRule(priceAvailableRule, makeDraft({ side: 'buy', quantity: '1' }), facts)).toEqual({
      outcome: 'block',
      reason: 'There is no current price for AAPL to estimate this order with; try again in a moment.',
    });
    expect(evaluateOrder(makeDraft({ side: 'buy', quantity: '1' }), facts).estimate).toMatchObject({ price: '0.00', cost: '0.00' });
  });
});
