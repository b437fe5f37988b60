import { describe, expect, it } from 'vitest';
import { addValue, binOf, emptyHistogram, histogramPercentile, mergeHistogram, upperEdge } from './histogram';

const of = (values: number[]) => {
  const histogram = emptyHistogram();
  for (const value of values) addValue(histogram, value);
  return histogram;
};

describe('histogram', () => {
  it.each([
    [0, 0],
    [1, 1],
    [99.2, 100],
    [100, 100],
    [101, 101], // 100 × 1.02 = 102 ≥ 101
    [102, 101],
    [103, 102], // 100 × 1.02² = 104.04
    [1000, 217], // ceil(ln 10 / ln 1.02) = 117
  ])('puts %d ms in bin %d', (value, bin) => {
    expect(binOf(value)).toBe(bin);
  });

  it('gives upper edges that hold every value of the bin, within 2 %', () => {
    for (const value of [101, 150, 999, 1000, 12_345, 600_000]) {
      const edge = upperEdge(binOf(value));
      expect(edge).toBeGreaterThanOrEqual(value);
      expect(edge).toBeLessThanOrEqual(value * 1.02 + 1);
    }
  });

  it.each([
    // whole milliseconds under 100 are exact: nearest rank of 1..10 → p50 is the 5th value, p95 the 10th
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    [[40, 10, 30, 20], 50, 20],
    // above 100 ms the reading is the bin's edge, capped by the largest value
    [[1000, 1000, 1000], 50, 1000],
    [[150, 5000], 95, 5000],
    [[150, 5000], 50, 151], // bin of 150: ceil(ln 1.5 / ln 1.02) = 21 → 100 × 1.02²¹ = 151.57 → 151
  ])('reads percentile %#', (values, pct, expected) => {
    expect(histogramPercentile(of(values), pct)).toBe(expected);
  });

  it('is null when empty', () => {
    expect(histogramPercentile(emptyHistogram(), 50)).toBeNull();
  });

  it('adds up: merging two histograms equals one of all values', () => {
    const merged = of([5, 7]);
    mergeHistogram(merged, of([9, 3000]));
    expect(merged).toEqual(of([5, 7, 9, 3000]));
  });
});
