import { describe, expect, it } from 'vitest';
import { buyingPowerRule } from './buying-power';
import { evaluateOrder } from './index';
import { checkRule, makeDraft, makeFacts } from './test-support';

/** Buying power $1,000.00 and an ask of exactly $200.00, so costs are easy to check by hand. */
const facts = makeFacts({ account: { buyingPower: '1000.00' }, quote: { ask: '200.00' } });

describe('buying-power rule', () => {
  it.each([
    // A dollar amount spends exactly itself: no cushion, so equal to buying power passes.
    ['$999.99', { amount: '999.99' }, 'pass', 'Costs $999.99; buying power is $1,000.00, leaving $0.01.'],
    ['$1,000.00 (exactly the buying power)', { amount: '1000' }, 'pass', 'Costs $1,000.00; buying power is $1,000.00, leaving $0.00.'],
    ['$1,000.01', { amount: '1000.01' }, 'block', 'Costs $1,000.01; buying power is $1,000.00.'],
    // A limit buy costs at most shares × limit: 5 × 200.00 = 1,000.00 passes; 5 × 200.01 = 1,000.05 blocks.
    ['5 shares limit $200.00', { quantity: '5', type: 'limit', limit_price: '200' }, 'pass', 'Costs about $1,000.00; buying power is $1,000.00, leaving $0.00.'],
    ['5 shares limit $200.01', { quantity: '5', type: 'limit', limit_price: '200.01' }, 'block', 'Costs about $1,000.05; buying power is $1,000.00.'],
    // A market buy by shares needs 1 % to spare: 4.95 × 200 = 990.00, × 1.01 = 999.90 ≤ 1,000 passes;
    ['4.95 shares at market', { quantity: '4.95' }, 'pass', 'Costs about $990.00; buying power is $1,000.00, leaving $10.00.'],
    // 4.96 × 200 = 992.00, × 1.01 = 1,001.92 > 1,000 warns; 5 × 200 = 1,000.00 (exactly the buying power) warns;
    ['4.96 shares at market', { quantity: '4.96' }, 'warn', 'Costs about $992.00; buying power is $1,000.00: less than 1% to spare if the price rises before the order fills.'],
    ['5 shares at market', { quantity: '5' }, 'warn', 'Costs about $1,000.00; buying power is $1,000.00: less than 1% to spare if the price rises before the order fills.'],
    // 5.01 × 200 = 1,002.00 > 1,000 blocks.
    ['5.01 shares at market', { quantity: '5.01' }, 'block', 'Costs about $1,002.00; buying power is $1,000.00.'],
  ])('a buy of %s: %s', (_name, input, outcome, reason) => {
    expect(checkRule(buyingPowerRule, makeDraft({ side: 'buy', ...input }), facts)).toEqual({ outcome, reason });
  });

  it('passes exactly at the cushion: 5 × 200 = 1,000.00, × 1.01 = 1,010.00 = buying power', () => {
    const roomy = makeFacts({ account: { buyingPower: '1010.00' }, quote: { ask: '200.00' } });
    expect(checkRule(buyingPowerRule, makeDraft({ side: 'buy', quantity: '5' }), roomy).outcome).toBe('pass');
    expect(checkRule(buyingPowerRule, makeDraft({ side: 'buy', quantity: '5.0001' }), roomy).outcome).toBe('warn'); // 1,000.02 × 1.01 > 1,010
  });

  it('ignores sales', () => {
    expect(checkRule(buyingPowerRule, makeDraft({ side: 'sell', amount: '5000' }), facts)).toEqual({ outcome: 'pass', reason: "A sale doesn't use buying power." });
  });

  it('reports buying power after a buy, negative when short, and unchanged after a sale', () => {
    expect(evaluateOrder(makeDraft({ side: 'buy', quantity: '5.01' }), facts).estimate.buyingPowerAfter).toBe('-2.00'); // 1,000 − 1,002
    expect(evaluateOrder(makeDraft({ side: 'buy', amount: '250.25' }), facts).estimate.buyingPowerAfter).toBe('749.75');
    expect(evaluateOrder(makeDraft({ side: 'sell', amount: '250.25' }), facts).estimate.buyingPowerAfter).toBe('1000.00');
  });

  it('cannot check a share order without a price', () => {
    const unpriced = makeFacts({ quote: { ask: null, last: '0' } });
    expect(checkRule(buyingPowerRule, makeDraft({ side: 'buy', quantity: '5' }), unpriced).outcome).toBe('warn');
    expect(checkRule(buyingPowerRule, makeDraft({ side: 'buy', amount: '20000' }), unpriced).outcome).toBe('block'); // an amount needs no price
  });
});
