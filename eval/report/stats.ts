/** Small, dependency-free statistics for the report; the proportion tests are the metrics view's own. */
export { twoProportionP, wilson } from '../../src/monitoring/proportions';

/** Mean with a normal-approximation 95% interval (t-free: judge samples are small, so treat it as a rough guide). */
export function meanInterval(values: readonly number[]): { mean: number; low: number; high: number; n: number } | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, low: mean, high: mean, n };
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = 1.96 * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half, n };
}

/** Unbiased pass@k from n trials with c passes: 1 − C(n−c, k) / C(n, k). */
export function passAtK(n: number, c: number, k: number): number {
  if (k > n) throw new RangeError(`pass@${k} needs at least ${k} trials, got ${n}`);
  if (n - c < k) return 1;
  let ratio = 1;
  for (let i = n - c + 1; i <= n; i += 1) ratio *= 1 - k / i;
  return 1 - ratio;
}
