import { describe, expect, it } from 'vitest';
import { passedSummary, rulesByAttention } from './order-card-lines';

describe('the checks by attention', () => {
  it('puts failed checks, then warnings, before those that passed, each in the rules’ order', () => {
    const rule = (id: string, outcome: 'pass' | 'warn' | 'block') => ({ id, label: id, outcome, reason: '' });
    const { attention, passed } = rulesByAttention([rule('a', 'pass'), rule('b', 'warn'), rule('c', 'block'), rule('d', 'warn'), rule('e', 'block'), rule('f', 'pass')]);
    expect(attention.map((r) => r.id)).toEqual(['c', 'e', 'b', 'd']);
    expect(passed.map((r) => r.id)).toEqual(['a', 'f']);
  });

  it('words the folded line', () => {
    expect(passedSummary(14, true)).toBe('All 14 checks passed');
    expect(passedSummary(1, true)).toBe('The 1 check passed');
    expect(passedSummary(12, false)).toBe('12 other checks passed');
    expect(passedSummary(1, false)).toBe('1 other check passed');
  });
});
