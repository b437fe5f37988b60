import Decimal from 'decimal.js';

/** Days in an average calendar year, used to turn a span of calendar days into years. */
export const daysPerYear = 365.25;

/** Spans shorter than this many years are annualised by simple scaling, longer ones by compounding. */
export const compoundingThresholdYears = 0.1;

export interface AnnualizedReturn {
  /** Annualised return as a fraction (0.1 = 10 %). Never below -1. */
  value: Decimal;
  method: 'simple' | 'compound';
}

/**
 * Annualises a total return (a fraction: 0.21 = +21 %) earned over `calendarDays` calendar days.
 *
 * - years = calendarDays / 365.25.
 * - years < 0.1: simple scaling, r / years (compounding a few days to a year gives absurd figures).
 * - otherwise: (1 + r)^(1 / years) − 1.
 * - a total return of −100 % or worse annualises to exactly −100 % under either method (never NaN).
 *
 * `calendarDays` must be positive; zero or less is a caller bug and throws.
 */
export function annualizeReturn(totalReturn: Decimal.Value, calendarDays: number): AnnualizedReturn {
  if (!Number.isFinite(calendarDays) || calendarDays <= 0) {
    throw new RangeError(`calendarDays must be a positive number, got ${calendarDays}`);
  }
  const total = new Decimal(totalReturn);
  const years = new Decimal(calendarDays).div(daysPerYear);
  const method = years.lessThan(compoundingThresholdYears) ? 'simple' : 'compound';
  if (total.lessThanOrEqualTo(-1)) return { value: new Decimal(-1), method };
  if (method === 'simple') return { value: Decimal.max(total.div(years), -1), method };
  return { value: total.plus(1).pow(new Decimal(1).div(years)).minus(1), method };
}
