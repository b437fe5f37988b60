import { describe, expect, it } from 'vitest';
import { suitabilityPositionWeightRule } from './suitability-position-weight';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

/** Equity $10,000.00: $1 is 0.01 %; a conservative investor is warned above 10 % in one position. */
const account = { buyingPower: '10000.00', equity: '10000.00' };
const conservative = { profile: { riskTolerance: 'conservative' as const }, mode: 'warn' as const };

describe('suitability-position-weight rule', () => {
  it.each([
    ['$1,000.00 (exactly 10 %) passes', '1000', 'pass'],
    ['$1,001.00 (10.01 %) warns', '1001', 'warn'],
  ] as const)('for a conservative investor, a buy of %s', (_name, amount, outcome) => {
    expect(checkRule(suitabilityPositionWeightRule, makeDraft({ side: 'buy', amount }), makeFacts({ account, suitability: conservative })).outcome).toBe(outcome);
  });

  it('names the profile field in its reason', () => {
    expect(checkRule(suitabilityPositionWeightRule, makeDraft({ side: 'buy', amount: '1500' }), makeFacts({ account, suitability: conservative }))).toEqual({
      outcome: 'warn',
      reason: 'Profile, risk tolerance “conservative”: AAPL would be 15.00% of your equity, above 10% in a single position.',
    });
  });

  it('blocks instead when the user chose blocking suitability checks', () => {
    const facts = makeFacts({ account, suitability: { ...conservative, mode: 'block' } });
    expect(checkRule(suitabilityPositionWeightRule, makeDraft({ side: 'buy', amount: '1500' }), facts).outcome).toBe('block');
  });

  it.each([
    ['an aggressive investor', { profile: { riskTolerance: 'aggressive' as const }, mode: 'warn' as const }],
    ['no profile', undefined],
  ])('passes the same buy for %s', (_name, suitability) => {
    expect(checkRule(suitabilityPositionWeightRule, makeDraft({ side: 'buy', amount: '1500' }), makeFacts({ account, suitability })).outcome).toBe('pass');
  });

  it('passes a sale', () => {
    const facts = makeFacts({ account, suitability: conservative, position: { qty: '10', marketValue: '5000.00' } });
    expect(checkRule(suitabilityPositionWeightRule, makeDraft({ side: 'sell', quantity: '1' }), facts).outcome).toBe('pass');
  });
});
