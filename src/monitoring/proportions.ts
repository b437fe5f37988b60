/**
 * Small pure statistics for comparing rates (answer success, good feedback, evaluation passes) between prompt variants.
 * Shared by the metrics view and the evaluation report (eval/report/stats.ts re-exports them).
 */

/** Wilson score interval for a proportion (95% by default). Returns [0, 0] for n = 0. */
export function wilson(successes: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 0];
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 approximation of erf, error under 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Two-proportion z-test with the pooled standard error: z is (pB − pA) / se, p the two-sided p-value. Null when either
 * sample is empty; z = 0 and p = 1 when both rates are 0 or both are 1.
 */
export function twoProportionTest(successesA: number, nA: number, successesB: number, nB: number): { z: number; p: number } | null {
  if (nA === 0 || nB === 0) return null;
  const pooled = (successesA + successesB) / (nA + nB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  if (se === 0) return { z: 0, p: 1 };
  const z = (successesB / nB - successesA / nA) / se;
  return { z, p: 2 * (1 - normalCdf(Math.abs(z))) };
}

/** The two-sided p-value of `twoProportionTest`, or null when a sample is empty. */
export function twoProportionP(successesA: number, nA: number, successesB: number, nB: number): number | null {
  return twoProportionTest(successesA, nA, successesB, nB)?.p ?? null;
}
