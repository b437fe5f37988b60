import type { Chart, ChartSeries, ChartSource } from '../../protocol/chart';
import type { IsoDate } from '../calendar-date';
import { pctChange } from '../money';
import type { DailyClose } from '../price-series-stats';

export interface PerformanceChartInput {
  symbol: string;
  /** The symbol's daily closes (any order; a later bar for the same date wins, as in priceSeriesStats). */
  closes: readonly DailyClose[];
  /** The benchmark's closes, or null without one. */
  benchmark: { symbol: string; label: string; closes: readonly DailyClose[] } | null;
  /** The dates the report used: the symbol's first and last close (performance report startDate and endDate). */
  window: { start: IsoDate; end: IsoDate };
  source: Omit<ChartSource, 'range'>;
}

/** Closes inside the window, one per date (the later bar wins), oldest first. */
export function closesInWindow(bars: readonly DailyClose[], window: { start: IsoDate; end: IsoDate }): [IsoDate, number][] {
  const byDate = new Map<IsoDate, number>();
  for (const bar of bars) if (bar.t >= window.start && bar.t <= window.end) byDate.set(bar.t, bar.c);
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Return since the first close, in percent to 2 decimals: the last value equals the report's totalReturnPct. */
function returnsSinceStart(closes: readonly [IsoDate, number][]): Map<IsoDate, number> {
  const first = closes[0]?.[1];
  const out = new Map<IsoDate, number>();
  if (first === undefined || first <= 0) return out;
  for (const [date, close] of closes) out.set(date, pctChange(close, first));
  return out;
}

/** Fall below the running peak close, in percent to 2 decimals (≤ 0): the lowest equals the report's maxDrawdownPct. */
function drawdowns(closes: readonly [IsoDate, number][]): Map<IsoDate, number> {
  let peak = 0;
  const out = new Map<IsoDate, number>();
  for (const [date, close] of closes) {
    if (close > peak) peak = close;
    out.set(date, peak === 0 ? 0 : pctChange(close, peak));
  }
  return out;
}

/**
 * The charts of a performance report: the symbol against the benchmark as two lines normalised to the same start
 * (return since the first close, in percent), and the drawdown of each. The benchmark is read on the symbol's dates
 * (from its own first close in the window, as the report does); a date it has no close for is a gap.
 */
export function performanceCharts(input: PerformanceChartInput): Chart[] {
  const own = closesInWindow(input.closes, input.window);
  if (own.length < 2) return [];
  const dates = own.map(([date]) => date);
  const benchmarkCloses = input.benchmark ? closesInWindow(input.benchmark.closes, input.window) : [];
  const benchmark = input.benchmark && benchmarkCloses.length >= 2 ? { ...input.benchmark, closes: benchmarkCloses } : null;
  const hasBenchmark = benchmark !== null;
  const on = (values: Map<IsoDate, number>): (number | null)[] => dates.map((date) => values.get(date) ?? null);
  const series = (build: (closes: [IsoDate, number][]) => Map<IsoDate, number>): ChartSeries[] => [
    { label: input.symbol, values: on(build(own)) },
    ...(benchmark ? [{ label: benchmark.label, values: on(build(benchmark.closes)) }] : []),
  ];
  const first = dates[0] ?? input.window.start;
  const last = dates.at(-1) ?? input.window.end;
  const source: ChartSource = { ...input.source, range: { start: first, end: last } };
  const key = `${input.symbol}:${first}:${last}${benchmark ? `:${benchmark.symbol}` : ''}`;
  return [
    {
      kind: 'line',
      id: `performance:${key}`,
      title: hasBenchmark ? `${input.symbol} vs S&P 500` : `${input.symbol} performance`,
      note: `Total return since the close on ${first}, in percent (0 = that close).`,
      unit: 'pct',
      x: dates,
      series: series(returnsSinceStart),
      source,
    },
    {
      kind: 'line',
      id: `drawdown:${key}`,
      title: `${input.symbol} drawdown`,
      note: 'Fall below the highest close so far, in percent (0 = at a peak).',
      unit: 'pct',
      x: dates,
      series: series(drawdowns),
      source,
    },
  ];
}
