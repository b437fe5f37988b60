import { describe, expect, it } from 'vitest';
import { buyingPowerRule } from './buying-power';
import { evaluateOrder } from './index';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

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
    // The broker holds a market buy at 2.5 % to 4 % above the price (its price collar), so a market buy by shares
    // needs that room: 4.80 × 200 = 960.00, × 1.04 = 998.40 ≤ 1,000 passes;
    ['4.80 shares at market', { quantity: '4.8' }, 'pass', 'Costs about $960.00; buying power is $1,000.00, leaving $40.00.'],
    // 4.85 × 200 = 970.00: × 1.025 = 994.25 fits, × 1.04 = 1,008.80 does not, so the broker may reject it: warns;
    ['4.85 shares at market', { quantity: '4.85' }, 'warn', 'Costs about $970.00; buying power is $1,000.00, but the broker holds a market buy at up to 4% above the price ($1,008.80) and may reject it. A limit order avoids this.'],
    // 4.88 × 200 = 976.00, × 1.025 = 1,000.40 > 1,000: the broker rejects it even at its smallest collar: blocks;
    ['4.88 shares at market', { quantity: '4.88' }, 'block', 'Costs about $976.00; buying power is $1,000.00, but the broker holds a market buy at 2.5% to 4% above the price ($1,000.40 or more). Use a limit order or fewer shares.'],
    ['5 shares at market', { quantity: '5' }, 'block', 'Costs about $1,000.00; buying power is $1,000.00, but the broker holds a market buy at 2.5% to 4% above the price ($1,025.00 or more). Use a limit order or fewer shares.'],
    // 5.01 × 200 = 1,002.00 > 1,000 blocks.
    ['5.01 shares at market', { quantity: '5.01' }, 'block', 'Costs about $1,002.00; buying power is $1,000.00.'],
  ])('a buy of %s: %s', (_name, input, outcome, reason) => {
    expect(checkRule(buyingPowerRule, makeDraft({ side: 'buy', ...input }), facts)).toEqual({ outcome, reason });
  });

  it('passes exactly at the broker\'s largest collar: 5 × 200 = 1,000.00, × 1.04 = 1,040.00 = buying power', () => {
    const roomy = makeFacts({ account: { buyingPower: '1040.00' }, quote: { ask: '200.00' } });
    expect(checkRule(buyingPowerRule, makeDraft({ side: 'buy', quantity: '5' }), roomy).outcome).toBe('pass');
    expect(checkRule(buyingPowerRule, makeDraft({ side: 'buy', quantity: '5.0001' }), roomy).outcome).toBe('warn'); // 1,000.02 × 1.04 > 1,040
  });

  it('blocks exactly past the smallest collar: 5 × 200 × 1.025 = 1,025.00', () => {
    const tight = makeFacts({ account: { buyingPower: '1025.00' }, quote: { ask: '200.00' } });
    expect(checkRule(buyingPowerRule, makeDraft({ side: 'buy', quantity: '5' }), tight).outcome).toBe('warn');
    expect(checkRule(buyingPowerRule, makeDraft({ side: 'buy', quantity: '5.0001' }), tight).outcome).toBe('block'); // 1,000.02 × 1.025 > 1,025
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
