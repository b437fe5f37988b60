import { z } from 'zod';
import { easternDate, type IsoDate } from '../finance/calendar-date';
import { calculatePerformance, defaultBenchmarkSymbol } from '../finance/performance';
import type { DailyClose } from '../finance/price-series-stats';
import { resolveRange, type ResolvedRange } from '../finance/trading-days';
import { AppError, isAbortError } from '../protocol/errors';
import { defineTool, type ToolContext } from './define-tool';
import { requireAsset } from './support/assets';
import { readBars, type BarsResult } from '../clients/alpaca/bars';
import { readTradingDays } from '../clients/alpaca/calendar';
import { addDays, easternDayBounds, easternToday, isoDateInput } from './support/dates';
import { financeError } from './support/finance-errors';
import { symbolInput } from './support/symbol-input';
import { performanceCharts } from '../finance/charts/performance-chart';

/** Daily bars fetched per symbol at most: five years of trading days (about 1,260) with room to spare. */
const maxDailyBars = 1_500;
/** How far before the start the calendar is read, so a start on a holiday or weekend can move back. */
const calendarLeadDays = 14;

const input = z.object({
  symbol: symbolInput,
  start_date: isoDateInput.describe('Start of the period, YYYY-MM-DD. Moved back to the latest trading day on or before it. At most 5 years before the end.'),
  end_date: isoDateInput.optional().describe('End of the period, YYYY-MM-DD. Default and maximum: today. Moved back to the latest trading day on or before it.'),
  compare_to_sp500: z.boolean().default(true).describe('Also compute the S&P 500 (SPY) over the same days and the difference. Default true.'),
});

export const getPerformance = defineTool({
  name: 'get_performance',
  description:
    'Investment performance of one US stock or ETF between two dates, on the exchange calendar (weekends and holidays ' +
    'move back to the previous trading day): start and end close, price change, total return including dividends and ' +
    'annualised return, daily and ' +
    'annualised volatility, maximum drawdown, and by default the same figures for the S&P 500 (SPY) with the difference ' +
    'in percentage points. Ranges up to 5 years.',
  input,
  sideEffect: 'read',
  activity: ({ symbol, start_date }) => `Calculating ${symbol}'s performance since ${start_date}…`,
  run: async ({ symbol, start_date, end_date, compare_to_sp500 }, context) => {
    const today = easternToday(context.clock);
    const range = await resolveTradingRange(context, start_date, end_date, today);
    const window = { start: easternDayBounds(range.start).start, end: easternDayBounds(range.end).end };
    // Dividend-adjusted closes: the total return includes dividends (reinvested), for the symbol and the benchmark alike.
    const fetchDaily = (ticker: string) =>
      readBars(context, { symbol: ticker, timeframe: '1Day', ...window, maxBars: maxDailyBars, keep: 'earliest', adjustment: 'all' });

    const wantsBenchmark = compare_to_sp500 && symbol !== defaultBenchmarkSymbol;
    const [own, benchmark] = await Promise.all([fetchDaily(symbol), wantsBenchmark ? fetchBenchmark(fetchDaily) : Promise.resolve(null)]);
    if (own.bars.length === 0) await requireAsset(context, symbol);

    const ownCloses = dailyCloses(own);
    const benchmarkCloses = compare_to_sp500 ? (benchmark === null ? ownCloses : benchmark.ok ? dailyCloses(benchmark.bars) : null) : null;
    const result = calculatePerformance({
      symbol,
      bars: ownCloses,
      range,
      benchmark: benchmarkCloses === null ? null : { symbol: defaultBenchmarkSymbol, bars: benchmarkCloses },
    });
    if (!result.ok) throw financeError(result.error);
    const report = result.report;
    const benchmarkProblem = !compare_to_sp500 ? null : benchmark !== null && !benchmark.ok ? benchmark.problem : report.benchmarkProblem;
    const benchmarkBars = benchmark?.ok === true ? benchmark.bars : null;
    const asOf = context.clock.now().toISOString();
    context.charts?.attach(() =>
      performanceCharts({
        symbol,
        closes: ownCloses,
        benchmark: wantsBenchmark && benchmarkCloses !== null ? { symbol: defaultBenchmarkSymbol, label: 'S&P 500 (SPY)', closes: benchmarkCloses } : null,
        window: { start: report.startDate, end: report.endDate },
        source: { provider: `Alpaca market data (${own.feed.toUpperCase()} feed), daily closes adjusted for splits and dividends`, asOf },
      }),
    );
    const feedNotes = [own.feedNote, benchmarkBars?.feedNote ? `S&P 500: ${benchmarkBars.feedNote}` : null].filter((note) => note !== null);

    return {
      ...report,
      currency: 'USD',
      requested: { start: range.requestedStart, end: range.requestedEnd, endClamped: range.endClamped },
      resolved: { start: range.start, end: range.end, calendarDays: range.calendarDays, tradingDayCount: range.tradingDayCount },
      benchmarkRequested: compare_to_sp500,
      benchmarkLabel: compare_to_sp500 ? 'S&P 500 (via the SPY ETF)' : null,
      benchmarkProblem,
      returnBasis: 'total return: closes adjusted for splits and dividends (dividends reinvested), for the symbol and the S&P 500 alike',
      units: {
        prices: 'USD per share, closes adjusted for splits and dividends (a close before a dividend reads lower than it traded)',
        returns: 'percent',
        excessReturnPp: 'percentage points (symbol total return minus benchmark total return)',
        volatility: 'percent; annualised as daily × √252',
      },
      dataSource: {
        provider: 'Alpaca market data',
        feed: own.feed,
        benchmarkFeed: benchmarkBars?.feed ?? null,
        feedNote: feedNotes.length > 0 ? feedNotes.join(' ') : null,
        adjustment: own.adjustment,
        calendar: 'Alpaca market calendar',
      },
      asOf,
    };
  },
});

/** Checks the dates first (no request for a range that cannot work), then resolves them on the broker's calendar. */
async function resolveTradingRange(context: ToolContext, start: IsoDate, end: IsoDate | undefined, today: IsoDate): Promise<ResolvedRange> {
  const precheck = resolveRange(start, end, [], today);
  if (!precheck.ok && precheck.error.code !== 'no-trading-day') throw financeError(precheck.error);
  const requestedEnd = end === undefined || end > today ? today : end;
  const tradingDays = await readTradingDays(context, addDays(start, -calendarLeadDays), requestedEnd);
  const resolved = resolveRange(start, end, tradingDays, today);
  if (!resolved.ok) throw financeError(resolved.error);
  return resolved.range;
}

type BenchmarkResult = { ok: true; bars: BarsResult } | { ok: false; problem: string };

/** The benchmark is optional: if only it fails (an outage), the symbol's own figures still come back. */
async function fetchBenchmark(fetchDaily: (ticker: string) => Promise<BarsResult>): Promise<BenchmarkResult> {
  try {
    return { ok: true, bars: await fetchDaily(defaultBenchmarkSymbol) };
  } catch (error) {
    if (isAbortError(error) || (error instanceof AppError && error.kind === 'configuration')) throw error;
    return { ok: false, problem: `The S&P 500 comparison is unavailable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function dailyCloses(result: BarsResult): DailyClose[] {
  return result.bars.flatMap((bar) => {
    const date = easternDate(bar.t);
    return date === null ? [] : [{ t: date, c: bar.c }];
  });
}
