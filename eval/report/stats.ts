/** Small, dependency-free statistics for the report. */

/** Wilson score interval for a proportion (95% by default). Returns [0, 0] for n = 0. */
export function wilson(successes: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 0];
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

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

/** Two-proportion z-test p-value (two-sided), for comparing pass rates of two variants. */
export function twoProportionP(successesA: number, nA: number, successesB: number, nB: number): number | null {
  if (nA === 0 || nB === 0) return null;
  const pooled = (successesA + successesB) / (nA + nB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  if (se === 0) return 1;
  const z = Math.abs(successesA / nA - successesB / nB) / se;
  return 2 * (1 - normalCdf(z));
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 approximation of erf, error under 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
