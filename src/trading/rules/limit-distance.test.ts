import { describe, expect, it } from 'vitest';
import { limitDistanceRule } from './limit-distance';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

/** Last trade 200.00; the default block threshold is 20 %. */
const facts = makeFacts({ position: { qty: '1000', marketValue: '200000.00' } });
const limit = (side: 'buy' | 'sell', price: string) => makeDraft({ side, quantity: '1', type: 'limit', limit_price: price });

describe('limit-distance rule: a limit far from the market is probably a mistake', () => {
  it.each([
    // A sale's limit below the market fills at the market but says the user would accept less: 5 % is a warning,
    ['sell', '190', 'pass', 'The limit $190.00 is 5.00% below the last trade of $200.00.'],
    ['sell', '189.99', 'warn', 'The limit $189.99 is 5.01% below the last trade of $200.00: check it is the price you meant.'],
    // past the setting (20 %) it blocks: 160.00 is exactly 20 % below and still warns; 159.99 blocks.
    ['sell', '160', 'warn', 'The limit $160.00 is 20.00% below the last trade of $200.00: check it is the price you meant.'],
    ['sell', '159.99', 'block', 'The limit $159.99 is 20.01% below the last trade of $200.00, more than the 20% your settings allow. Change the limit or the setting.'],
    ['sell', '1', 'block', 'The limit $1.00 is 99.50% below the last trade of $200.00, more than the 20% your settings allow. Change the limit or the setting.'],
    // A buy's limit above the market is the same risk the other way.
    ['buy', '210', 'pass', 'The limit $210.00 is 5.00% above the last trade of $200.00.'],
    ['buy', '240.02', 'block', 'The limit $240.02 is 20.01% above the last trade of $200.00, more than the 20% your settings allow. Change the limit or the setting.'],
    // A limit on the patient side (a buy below, a sale above) only waits: it warns past the setting, never blocks.
    ['buy', '150', 'warn', 'The limit $150.00 is 25.00% below the last trade of $200.00, so the order may not fill for a while.'],
    ['sell', '230', 'pass', 'The limit $230.00 is 15.00% above the last trade of $200.00.'],
  ] as const)('a %s limit at $%s: %s', (side, price, outcome, reason) => {
    expect(checkRule(limitDistanceRule, limit(side, price), facts)).toEqual({ outcome, reason });
  });

  it('uses the block threshold from settings', () => {
    const strict = makeFacts({ position: { qty: '1000', marketValue: '200000.00' }, limits: { limitPriceBlockPct: 10 } });
    expect(checkRule(limitDistanceRule, limit('sell', '179.99'), strict).outcome).toBe('block');
  });

  it('does not apply to market orders', () => {
    expect(checkRule(limitDistanceRule, makeDraft({ side: 'sell', quantity: '1' }), facts)).toEqual({ outcome: 'pass', reason: 'A market order has no limit price.' });
  });
});
