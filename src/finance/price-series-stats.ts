import Decimal from 'decimal.js';
import { annualizeReturn } from './annualized-return';
import { daysBetween, isIsoDate, type IsoDate } from './calendar-date';
import { toMoney, toPct, type DecimalString } from './money';

/** One daily bar reduced to what the statistics need: its trading date and closing price (Alpaca `c`). */
export interface DailyClose {
  t: IsoDate;
  c: number;
}

/** Trading days in a year, used to scale daily volatility (√252). */
export const tradingDaysPerYear = 252;

export interface PriceSeriesStats {
  /** Dates of the first and last close actually used (may be inside the requested range if data is missing). */
  startDate: IsoDate;
  endDate: IsoDate;
  /** The closes used, as given by the data source (not rounded). */
  startPrice: DecimalString;
  endPrice: DecimalString;
  /** endPrice − startPrice per share, to the cent. */
  priceChange: DecimalString;
  /** (end / start − 1) × 100. */
  totalReturnPct: number;
  /** See annualizeReturn; calendar days are counted between startDate and endDate. */
  annualizedReturnPct: number;
  annualization: 'simple' | 'compound';
  /** Sample standard deviation of daily simple returns, in percent; null with fewer than two returns. */
  dailyVolatilityPct: number | null;
  /** dailyVolatility × √252, in percent; null with fewer than two returns. */
  annualizedVolatilityPct: number | null;
  /** Largest peak-to-trough fall of the closes, as a percent ≤ 0 (−25 means a 25 % fall); 0 when never below a peak. */
  maxDrawdownPct: number;
  /** Number of closes used. */
  dataPoints: number;
}

export interface SeriesError {
  kind: 'user-input' | 'upstream';
  code: 'insufficient-data' | 'invalid-bars';
  message: string;
  details: Record<string, string | number>;
}

export type PriceSeriesResult = { ok: true; stats: PriceSeriesStats } | { ok: false; error: SeriesError };

/**
 * Statistics of one symbol's daily closes between `range.start` and `range.end` (both included).
 *
 * Bars outside the range are ignored; bars may come in any order; when two bars share a date the later one in the
 * input wins. A close must be a finite number ≥ 0 and the first close in range must be above 0. A daily return after
 * a close of 0 is undefined and left out of the volatility (a price cannot recover from 0 in this data).
 *
 * Prices and the change are exact decimals; volatility is a float statistic; every output is rounded once at the end.
 */
export function priceSeriesStats(
  symbol: string,
  bars: readonly DailyClose[],
  range: { start: IsoDate; end: IsoDate },
): PriceSeriesResult {
  const byDate = new Map<IsoDate, number>();
  for (const bar of bars) {
    if (!isIsoDate(bar.t) || !Number.isFinite(bar.c) || bar.c < 0) {
      return invalid(symbol, `A daily bar for ${symbol} is malformed (date ${JSON.stringify(bar.t)}, close ${String(bar.c)}).`);
    }
    if (bar.t >= range.start && bar.t <= range.end) byDate.set(bar.t, bar.c);
  }
  const closes = [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const first = closes[0];
  const last = closes[closes.length - 1];
  if (first === undefined || last === undefined || closes.length < 2) {
    return {
      ok: false,
      error: {
        kind: 'user-input',
        code: 'insufficient-data',
        message: `${symbol} has ${closes.length} daily close(s) between ${range.start} and ${range.end}; at least 2 are needed (it may not have traded then).`,
        details: { symbol, start: range.start, end: range.end, dataPoints: closes.length },
      },
    };
  }
  const [startDate, startClose] = first;
  const [endDate, endClose] = last;
  if (startClose <= 0) return invalid(symbol, `The first close of ${symbol} in range (${startDate}) is 0.`);

  const startPrice = new Decimal(startClose);
  const endPrice = new Decimal(endClose);
  const totalReturn = endPrice.div(startPrice).minus(1);
  const annualized = annualizeReturn(totalReturn, daysBetween(startDate, endDate));
  const volatility = dailyVolatility(closes.map(([, close]) => close));

  return {
    ok: true,
    stats: {
      startDate,
      endDate,
      startPrice: startPrice.toString(),
      endPrice: endPrice.toString(),
      priceChange: toMoney(endPrice.minus(startPrice)),
      totalReturnPct: toPct(totalReturn.times(100)),
      annualizedReturnPct: toPct(annualized.value.times(100)),
      annualization: annualized.method,
      dailyVolatilityPct: volatility === null ? null : toPct(volatility * 100),
      annualizedVolatilityPct: volatility === null ? null : toPct(volatility * Math.sqrt(tradingDaysPerYear) * 100),
      maxDrawdownPct: toPct(maxDrawdown(closes.map(([, close]) => new Decimal(close))).times(100)),
      dataPoints: closes.length,
    },
  };
}

/** Sample standard deviation (n − 1) of daily simple returns, as a fraction; null with fewer than two returns. */
function dailyVolatility(closes: readonly number[]): number | null {
  const returns: number[] = [];
  for (let index = 1; index < closes.length; index += 1) {
    const previous = closes[index - 1];
    const current = closes[index];
    if (previous === undefined || current === undefined || previous === 0) continue;
    returns.push(current / previous - 1);
  }
  if (returns.length < 2) return null;
  const mean = returns.reduce((total, value) => total + value, 0) / returns.length;
  const squares = returns.reduce((total, value) => total + (value - mean) ** 2, 0);
  return Math.sqrt(squares / (returns.length - 1));
}

/** Most negative close / running peak − 1, as a fraction (0 when the closes never fall below a previous peak). */
function maxDrawdown(closes: readonly Decimal[]): Decimal {
  let peak = new Decimal(0);
  let worst = new Decimal(0);
  for (const close of closes) {
    if (close.greaterThan(peak)) peak = close;
    if (peak.isZero()) continue;
    const drawdown = close.div(peak).minus(1);
    if (drawdown.lessThan(worst)) worst = drawdown;
  }
  return worst;
}

function invalid(symbol: string, message: string): { ok: false; error: SeriesError } {
  return { ok: false, error: { kind: 'upstream', code: 'invalid-bars', message, details: { symbol } } };
}
