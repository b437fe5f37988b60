import { describe, expect, it } from 'vitest';
import { evaluateOrder } from './index';
import { maxPositionWeightRule } from './max-position-weight';
import { checkRule, makeDraft, makeFacts, type FactsOverrides } from '../../../tests/support/rule-facts';

/** Equity $10,000.00, so $1 is 0.01 %; the default limit is 25 % and warnings start at 0.8 × 25 = 20 %. */
const account = { buyingPower: '10000.00', equity: '10000.00' };

describe('max-position-weight rule', () => {
  it.each([
    ['$1,999.00 with no position', null, '1999', 'pass', 'AAPL would be 19.99% of your equity (now 0.00%), within your 25% limit per position.'],
    ['$2,000.00 with no position', null, '2000', 'warn', 'AAPL would be 20.00% of your equity (now 0.00%), close to your 25% limit per position.'],
    ['$2,500.00 with no position (exactly the limit)', null, '2500', 'warn', 'AAPL would be 25.00% of your equity (now 0.00%), close to your 25% limit per position.'],
    // 2,500.01 / 10,000 = 25.0001 %, shown and compared as 25.00 %
    ['$2,500.01 with no position', null, '2500.01', 'warn', 'AAPL would be 25.00% of your equity (now 0.00%), close to your 25% limit per position.'],
    ['$2,501.00 with no position', null, '2501', 'block', 'AAPL would be 25.01% of your equity (now 0.00%); your limit is 25% per position.'],
    // 2,000 held (20 %) + 500 = 25 %; + 501 = 25.01 %
    ['$500.00 on top of $2,000.00', { qty: '10', marketValue: '2000.00' }, '500', 'warn', 'AAPL would be 25.00% of your equity (now 20.00%), close to your 25% limit per position.'],
    ['$501.00 on top of $2,000.00', { qty: '10', marketValue: '2000.00' }, '501', 'block', 'AAPL would be 25.01% of your equity (now 20.00%); your limit is 25% per position.'],
  ] satisfies [string, FactsOverrides['position'], string, string, string][])('a buy of %s: %s', (_name, position, amount, outcome, reason) => {
    const facts = makeFacts({ account, position });
    expect(checkRule(maxPositionWeightRule, makeDraft({ side: 'buy', amount }), facts)).toEqual({ outcome, reason });
  });

  it('compares with the configured limit exactly (0.8 × 33 = 26.4 %, no float error)', () => {
    const facts = makeFacts({ account, limits: { maxPositionWeightPct: 33 } });
    expect(checkRule(maxPositionWeightRule, makeDraft({ side: 'buy', amount: '2639' }), facts).outcome).toBe('pass'); // 26.39 %
    expect(checkRule(maxPositionWeightRule, makeDraft({ side: 'buy', amount: '2640' }), facts).outcome).toBe('warn'); // 26.40 %
    expect(checkRule(maxPositionWeightRule, makeDraft({ side: 'buy', amount: '3300' }), facts).outcome).toBe('warn'); // 33.00 %
    expect(checkRule(maxPositionWeightRule, makeDraft({ side: 'buy', amount: '3301' }), facts).outcome).toBe('block'); // 33.01 %
  });

  it('lets a sale through even above the limit, since it lowers the weight', () => {
    // 15 shares worth 3,000 (30 %); selling 5 leaves 3,000 × 10/15 = 2,000 (20 %)
    const facts = makeFacts({ account, position: { qty: '15', marketValue: '3000.00' } });
    const draft = makeDraft({ side: 'sell', quantity: '5' });
    expect(checkRule(maxPositionWeightRule, draft, facts)).toEqual({ outcome: 'pass', reason: 'Selling takes AAPL from 30.00% to 20.00% of your equity.' });
    expect(evaluateOrder(draft, facts).estimate).toMatchObject({ weightBeforePct: 30, weightAfterPct: 20 });
    expect(evaluateOrder(makeDraft({ side: 'sell', quantity: '15' }), facts).estimate.weightAfterPct).toBe(0);
  });

  it('blocks a buy when there is no equity to weigh it against', () => {
    const facts = makeFacts({ account: { buyingPower: '0', equity: '0' } });
    expect(checkRule(maxPositionWeightRule, makeDraft({ side: 'buy', amount: '10' }), facts).outcome).toBe('block'); // counted as 100 %
  });
});
