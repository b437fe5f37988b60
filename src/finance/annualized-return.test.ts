import { describe, expect, it } from 'vitest';
import { annualizeReturn } from './annualized-return';
import { toPct } from './money';

describe('annualizeReturn', () => {
  it.each([
    // [total return, calendar days, expected annualised %, method]
    ['0.4641', 1461, 10, 'compound'], // 1461 / 365.25 = 4 years; 1.4641^(1/4) = 1.1 → 10 %
    ['0.44', 1461, 9.54, 'compound'], // 1.44^(1/4) = √1.2 = 1.0954451 → 9.54 %
    ['-0.19', 730.5, -10, 'compound'], // 2 years; √0.81 = 0.9 → −10 %
    ['0.1', 36.525, 159.37, 'compound'], // exactly 0.1 year is compounded: 1.1^10 − 1 = 1.5937425 → 159.37 %
    ['0.01', 36, 10.15, 'simple'], // 36 / 365.25 = 0.0986 year < 0.1: 0.01 × 365.25 / 36 = 0.1014583 → 10.15 %
    ['0.089', 3, 1083.58, 'simple'], // 0.089 × 365.25 / 3 = 10.83575 → 1083.58 %
    ['-0.05', 7, -100, 'simple'], // −0.05 × 365.25 / 7 = −2.61 is below −100 %: floored at −100 %
    ['-1', 1461, -100, 'compound'], // a total loss is −100 %, not NaN (0^(1/4) − 1)
    ['-1', 3, -100, 'simple'],
    ['-1.5', 400, -100, 'compound'], // worse than total loss is still −100 %
    ['0', 500, 0, 'compound'],
  ] as const)('%s over %d days → %d %% (%s)', (total, days, expectedPct, method) => {
    const result = annualizeReturn(total, days);
    expect(toPct(result.value.times(100))).toBe(expectedPct);
    expect(result.method).toBe(method);
  });

  it.each([0, -3, Number.NaN])('refuses %d calendar days', (days) => {
    expect(() => annualizeReturn('0.1', days)).toThrow(RangeError);
  });
});
