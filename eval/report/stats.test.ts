import { describe, expect, it } from 'vitest';
import { meanInterval, passAtK, twoProportionP, wilson } from './stats';

describe('report statistics', () => {
  it.each([
    [0, 0, [0, 0]],
    [10, 10, [0.7225, 1]],
    [5, 10, [0.2366, 0.7634]],
    [0, 10, [0, 0.2775]],
  ] as const)('Wilson interval for %i of %i', (s, n, [low, high]) => {
    const [l, h] = wilson(s, n);
    expect(l).toBeCloseTo(low, 3);
    expect(h).toBeCloseTo(high, 3);
  });

  it.each([
    [5, 0, 1, 0],
    [5, 5, 1, 1],
    [5, 1, 1, 0.2],
    [5, 1, 3, 0.6],
    [4, 2, 2, 1 - 1 / 6],
    [3, 1, 3, 1],
  ])('pass@k for n=%i, c=%i, k=%i is %f', (n, c, k, expected) => {
    expect(passAtK(n, c, k)).toBeCloseTo(expected, 6);
  });

  it('refuses pass@k with fewer trials than k', () => {
    expect(() => passAtK(2, 1, 3)).toThrow(RangeError);
  });

  it('gives a mean with an interval that narrows with more samples', () => {
    expect(meanInterval([])).toBeNull();
    expect(meanInterval([4])).toEqual({ mean: 4, low: 4, high: 4, n: 1 });
    const few = meanInterval([3, 5])!;
    const many = meanInterval([3, 5, 3, 5, 3, 5, 3, 5])!;
    expect(few.mean).toBe(4);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
  });

  it('two-proportion test: equal rates give p = 1, very different rates a small p', () => {
    expect(twoProportionP(30, 60, 30, 60)).toBeCloseTo(1, 6);
    expect(twoProportionP(55, 60, 20, 60)!).toBeLessThan(0.001);
    expect(twoProportionP(1, 0, 1, 1)).toBeNull();
  });
});
