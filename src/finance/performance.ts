import Decimal from 'decimal.js';
import { toPct } from './money';
import { priceSeriesStats, type DailyClose, type PriceSeriesStats, type SeriesError } from './price-series-stats';
import type { ResolvedRange } from './trading-days';

/** The benchmark the original product compared against (the S&P 500 through SPY). */
export const defaultBenchmarkSymbol = 'SPY';

export interface PerformanceInput {
  symbol: string;
  bars: readonly DailyClose[];
  /** From resolveRange: the trading days actually used. */
  range: Pick<ResolvedRange, 'start' | 'end'>;
  /**
   * The benchmark's closes over the range; null or undefined when it could not be fetched. Only the closes between the
   * symbol's own first and last close dates are used.
   */
  benchmark?: { symbol: string; bars: readonly DailyClose[] } | null;
}

export interface BenchmarkStats extends PriceSeriesStats {
  symbol: string;
}

export interface PerformanceReport extends PriceSeriesStats {
  symbol: string;
  /** The resolved range asked for (the closes used may start later when data is missing: see startDate). */
  rangeStart: string;
  rangeEnd: string;
  benchmark: BenchmarkStats | null;
  /** True when no benchmark was given or its data was unusable; the symbol's own figures are still complete. */
  benchmarkMissing: boolean;
  /** Why the benchmark is missing, when it is. */
  benchmarkProblem: string | null;
  /** Symbol total return − benchmark total return, in percentage points (from unrounded returns); null without one. */
  excessReturnPp: number | null;
  /** Sign of excessReturnPp after rounding to 2 decimals; null without a benchmark. */
  versusBenchmark: 'outperformed' | 'underperformed' | 'matched' | null;
}

export type PerformanceResult = { ok: true; report: PerformanceReport } | { ok: false; error: SeriesError };

/**
 * Investment performance of one symbol over a resolved trading-day range, optionally against a benchmark.
 * A missing or unusable benchmark never fails the whole calculation: it is reported as `benchmarkMissing`.
 */
export function calculatePerformance(input: PerformanceInput): PerformanceResult {
  const own = priceSeriesStats(input.symbol, input.bars, input.range);
  if (!own.ok) return own;

  let benchmark: BenchmarkStats | null = null;
  let benchmarkProblem: string | null = 'No benchmark data was provided.';
  if (input.benchmark) {
    // The same window as the symbol's own closes: a stock listed (or halted) inside the range is compared only over
    // the days it has prices for.
    const window = { start: own.stats.startDate, end: own.stats.endDate };
    const result = priceSeriesStats(input.benchmark.symbol, input.benchmark.bars, window);
    if (result.ok) {
      benchmark = { symbol: input.benchmark.symbol, ...result.stats };
      benchmarkProblem = null;
    } else {
      benchmarkProblem = result.error.message;
    }
  }

  const excess = benchmark === null ? null : excessReturn(own.stats, benchmark);
  return {
    ok: true,
    report: {
      symbol: input.symbol,
      rangeStart: input.range.start,
      rangeEnd: input.range.end,
      ...own.stats,
      benchmark,
      benchmarkMissing: benchmark === null,
      benchmarkProblem,
      excessReturnPp: excess,
      versusBenchmark: excess === null ? null : excess > 0 ? 'outperformed' : excess < 0 ? 'underperformed' : 'matched',
    },
  };
}

/** Difference of total returns in percentage points, computed from the exact prices rather than the rounded percents. */
function excessReturn(own: PriceSeriesStats, benchmark: PriceSeriesStats): number {
  const ownReturn = new Decimal(own.endPrice).div(own.startPrice);
  const benchmarkReturn = new Decimal(benchmark.endPrice).div(benchmark.startPrice);
  return toPct(ownReturn.minus(benchmarkReturn).times(100));
}
