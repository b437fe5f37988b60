/**
 * A sparse latency histogram: whole milliseconds up to 100 ms, then bins 2 % wide. Histograms add up, so figures for
 * any time range come from stored hourly and daily ones without reading every span. A percentile read from it is the
 * upper edge of the bin holding that rank (at most 2 % above the true value), capped by the largest value seen.
 */
export interface Histogram {
  /** Bin index → count. */
  bins: Record<string, number>;
  count: number;
  max: number;
}

const LINEAR_LIMIT = 100;
const RATIO = 1.02;
const LOG_RATIO = Math.log(RATIO);

export const emptyHistogram = (): Histogram => ({ bins: {}, count: 0, max: 0 });

export function binOf(value: number): number {
  const ms = Math.max(0, Math.ceil(value));
  if (ms <= LINEAR_LIMIT) return ms;
  return LINEAR_LIMIT + Math.ceil(Math.log(ms / LINEAR_LIMIT) / LOG_RATIO - 1e-9);
}

/** The largest value a bin holds. */
export function upperEdge(bin: number): number {
  if (bin <= LINEAR_LIMIT) return bin;
  return Math.floor(LINEAR_LIMIT * RATIO ** (bin - LINEAR_LIMIT) + 1e-9);
}

export function addValue(histogram: Histogram, value: number): void {
  const key = String(binOf(value));
  histogram.bins[key] = (histogram.bins[key] ?? 0) + 1;
  histogram.count += 1;
  histogram.max = Math.max(histogram.max, value);
}

export function mergeHistogram(into: Histogram, from: Histogram): void {
  for (const [key, count] of Object.entries(from.bins)) into.bins[key] = (into.bins[key] ?? 0) + count;
  into.count += from.count;
  into.max = Math.max(into.max, from.max);
}

/** Nearest-rank percentile (as `percentile` in summary.ts) read from the bins; null when empty. */
export function histogramPercentile(histogram: Histogram, p: number): number | null {
  if (histogram.count === 0) return null;
  const rank = Math.min(histogram.count, Math.max(1, Math.ceil((p / 100) * histogram.count)));
  const bins = Object.entries(histogram.bins)
    .map(([key, count]) => [Number(key), count] as const)
    .sort((a, b) => a[0] - b[0]);
  let seen = 0;
  for (const [bin, count] of bins) {
    seen += count;
    if (seen >= rank) return Math.min(upperEdge(bin), histogram.max);
  }
  return histogram.max;
}
