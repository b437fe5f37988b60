import { describe, expect, it } from 'vitest';
import { normalCdf, twoProportionP, twoProportionTest, wilson } from './proportions';

describe('proportion statistics', () => {
  it('Wilson interval matches a hand computation', () => {
    // 8 of 20, z = 1.96: p = 0.4, z² = 3.8416, denominator = 1 + 3.8416/20 = 1.19208,
    // centre = (0.4 + 3.8416/40) / 1.19208 = 0.41611, half = 1.96·√(0.4·0.6/20 + 3.8416/1600) / 1.19208 = 0.19731.
    const [low, high] = wilson(8, 20);
    expect(low).toBeCloseTo(0.2188, 4);
    expect(high).toBeCloseTo(0.6134, 4);
  });

  it.each([
    [0, 0, [0, 0]],
    [10, 10, [0.7225, 1]],
    [0, 10, [0, 0.2775]],
  ] as const)('Wilson interval at the edges: %i of %i', (s, n, [low, high]) => {
    const [l, h] = wilson(s, n);
    expect(l).toBeCloseTo(low, 4);
    expect(h).toBeCloseTo(high, 4);
  });

  it('normal CDF at known points', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1.6449)).toBeCloseTo(0.05, 4);
  });

  it('two-proportion z-test matches a hand computation', () => {
    // 40/100 against 55/100: pooled = 95/200 = 0.475, se = √(0.475·0.525·(1/100 + 1/100)) = 0.070622,
    // z = (0.55 − 0.40) / 0.070622 = 2.1240, p = 2·(1 − Φ(2.1240)) = 0.03367.
    const test = twoProportionTest(40, 100, 55, 100)!;
    expect(test.z).toBeCloseTo(2.124, 3);
    expect(test.p).toBeCloseTo(0.03367, 4);
    // 18/30 against 12/30: pooled 0.5, se = √(0.25·2/30) = 0.12910, z = −0.2/0.12910 = −1.5492, p = 0.1213.
    const other = twoProportionTest(18, 30, 12, 30)!;
    expect(other.z).toBeCloseTo(-1.5492, 3);
    expect(other.p).toBeCloseTo(0.1213, 3);
  });

  it('two-proportion test edge cases: empty samples, identical rates, all successes', () => {
    expect(twoProportionTest(0, 0, 3, 10)).toBeNull();
    expect(twoProportionP(30, 60, 30, 60)).toBeCloseTo(1, 6);
    expect(twoProportionTest(10, 10, 20, 20)).toEqual({ z: 0, p: 1 });
  });
});
