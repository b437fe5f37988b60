import Decimal from 'decimal.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getPerformance } from './get-performance';
import { closeHarnesses, requestsTo, simGet, startHarness, type ToolHarness, runTool, runToolWithCharts } from '../../tests/support/tool-harness';

afterEach(closeHarnesses);

const rawBars = z.object({ bars: z.array(z.object({ t: z.string(), c: z.number() })) });

/** The close on a date, split- and dividend-adjusted (as a total return needs) unless another adjustment is named. */
async function closeOn(sim: ToolHarness['sim'], symbol: string, date: string, adjustment = 'all'): Promise<number> {
  const bar = rawBars.parse(await simGet(sim, 'data', `/v2/stocks/${symbol}/bars?timeframe=1Day&start=${date}&end=${date}&adjustment=${adjustment}`)).bars[0];
  if (!bar) throw new Error(`no bar for ${symbol} on ${date}`);
  return bar.c;
}

const pct = (end: number, start: number) => new Decimal(end).div(start).minus(1).times(100);

describe('get_performance', () => {
  it('moves a holiday start and a weekend end back to trading days and computes the returns against SPY', async () => {
    const { sim, context } = await startHarness();
    const [aaplStart, aaplEnd, spyStart, spyEnd] = await Promise.all([
      closeOn(sim, 'AAPL', '2024-07-03'),
      closeOn(sim, 'AAPL', '2024-07-12'),
      closeOn(sim, 'SPY', '2024-07-03'),
      closeOn(sim, 'SPY', '2024-07-12'),
    ]);

    // 4 July 2024 was a market holiday; 13 July a Saturday.
    const report = await runTool(getPerformance, { symbol: 'AAPL', start_date: '2024-07-04', end_date: '2024-07-13' }, context);

    expect(report.requested).toEqual({ start: '2024-07-04', end: '2024-07-13', endClamped: false });
    expect(report.resolved).toEqual({ start: '2024-07-03', end: '2024-07-12', calendarDays: 9, tradingDayCount: 7 });
    expect(report).toMatchObject({
      symbol: 'AAPL',
      currency: 'USD',
      startDate: '2024-07-03',
      endDate: '2024-07-12',
      startPrice: String(aaplStart),
      endPrice: String(aaplEnd),
      priceChange: new Decimal(aaplEnd).minus(aaplStart).toFixed(2),
      totalReturnPct: Number(pct(aaplEnd, aaplStart).toFixed(2)),
      annualization: 'simple',
      dataPoints: 7,
      benchmarkRequested: true,
      benchmarkMissing: false,
      benchmarkProblem: null,
    });
    expect(report.benchmark).toMatchObject({ symbol: 'SPY', startPrice: String(spyStart), endPrice: String(spyEnd), totalReturnPct: Number(pct(spyEnd, spyStart).toFixed(2)) });
    const excess = Number(pct(aaplEnd, aaplStart).minus(pct(spyEnd, spyStart)).toFixed(2));
    expect(report.excessReturnPp).toBe(excess);
    expect(report.versusBenchmark).toBe(excess > 0 ? 'outperformed' : 'underperformed');
    expect(report.dataSource).toMatchObject({ feed: 'sip', benchmarkFeed: 'sip', adjustment: 'all', feedNote: null });
    expect(report.returnBasis).toMatch(/^total return: closes adjusted for splits and dividends/);
    expect(requestsTo(sim, '/v2/calendar')[0]?.query).toMatchObject({ start: '2024-06-20', end: '2024-07-13' });
  });

  it('attaches the symbol vs S&P 500 chart and the drawdown chart, whose ends equal the reported returns and drawdown', async () => {
    const { context } = await startHarness();
    const { result: report, charts } = await runToolWithCharts(getPerformance, { symbol: 'AAPL', start_date: '2024-07-01', end_date: '2024-07-31' }, context);
    const [comparison, drawdown] = charts;
    expect(comparison).toMatchObject({ kind: 'line', title: 'AAPL vs S&P 500', unit: 'pct', source: { range: { start: report.startDate, end: report.endDate }, asOf: report.asOf } });
    if (comparison?.kind !== 'line' || drawdown?.kind !== 'line') throw new Error('expected two line charts');
    expect(comparison.x).toHaveLength(report.dataPoints);
    expect(comparison.series.map((series) => [series.label, series.values[0], series.values.at(-1)])).toEqual([
      ['AAPL', 0, report.totalReturnPct],
      ['S&P 500 (SPY)', 0, report.benchmark?.totalReturnPct],
    ]);
    expect(Math.min(...drawdown.series[0]!.values.map((value) => value ?? 0))).toBe(report.maxDrawdownPct);
    expect(Math.min(...drawdown.series[1]!.values.map((value) => value ?? 0))).toBe(report.benchmark?.maxDrawdownPct);
    // The model is told which charts the user sees, by name only.
    expect((report as unknown as { chartsShown: string[] }).chartsShown).toEqual([
      'Chart: AAPL vs S&P 500 (drawn below your answer from this data)',
      'Chart: AAPL drawdown (drawn below your answer from this data)',
    ]);
  });

  it('includes dividends in the total return (adjusted closes), so a dividend payer returns more than its price alone', async () => {
    const { sim, context } = await startHarness();
    const [start, end, priceStart, priceEnd] = await Promise.all([
      closeOn(sim, 'SPY', '2024-06-03'),
      closeOn(sim, 'SPY', '2025-06-13'),
      closeOn(sim, 'SPY', '2024-06-03', 'split'),
      closeOn(sim, 'SPY', '2025-06-13', 'split'),
    ]);
    const report = await runTool(getPerformance, { symbol: 'SPY', start_date: '2024-06-03', end_date: '2025-06-13' }, context);
    expect(report.totalReturnPct).toBe(Number(pct(end, start).toFixed(2)));
    expect(report.totalReturnPct).toBeGreaterThan(Number(pct(priceEnd, priceStart).toFixed(2)));
    const toolRequests = requestsTo(sim, '/v2/stocks/SPY/bars').filter((request) => request.query.feed !== undefined); // not closeOn's
    expect(toolRequests.map((request) => request.query.adjustment)).toEqual(['all']);
  });

  it('compares with the S&P 500 on SIP bars for both, and says so when SIP is refused and IEX is used', async () => {
    const { sim, context } = await startHarness({ feed: 'iex' });
    sim.state.setSipAccess('none');
    const report = await runTool(getPerformance, { symbol: 'AAPL', start_date: '2025-01-02', end_date: '2025-03-31' }, context);
    expect(report.dataSource).toMatchObject({ feed: 'iex', benchmarkFeed: 'iex' });
    expect(report.dataSource.feedNote).toMatch(/SIP bars were refused \(HTTP 403\)/);
    for (const symbol of ['AAPL', 'SPY']) {
      expect(requestsTo(sim, `/v2/stocks/${symbol}/bars`).map((request) => request.query.feed)).toEqual(['sip', 'iex']);
    }
  });

  it('reads five years of daily bars completely, following pagination for both symbols', async () => {
    const { sim, context } = await startHarness();
    const calendar = z.array(z.object({ date: z.string() })).parse(await simGet(sim, 'trading', '/v2/calendar?start=2020-06-16&end=2025-06-16'));

    const report = await runTool(getPerformance, { symbol: 'MSFT', start_date: '2020-06-16' }, context);

    expect(report.resolved.start).toBe('2020-06-16');
    expect(report.resolved.end).toBe('2025-06-16');
    expect(report.requested.endClamped).toBe(false);
    expect(report.resolved.tradingDayCount).toBe(calendar.length);
    expect(report.dataPoints).toBe(calendar.length);
    expect(report.benchmark?.dataPoints).toBe(calendar.length);
    expect(report.annualization).toBe('compound');
    expect(calendar.length).toBeGreaterThan(1000);
    expect(requestsTo(sim, '/v2/stocks/MSFT/bars').length).toBeGreaterThanOrEqual(2);
    expect(requestsTo(sim, '/v2/stocks/SPY/bars').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses ranges over five years, single trading days and future starts without fetching bars', async () => {
    const { sim, context } = await startHarness();
    await expect(runTool(getPerformance, { symbol: 'AAPL', start_date: '2020-06-15', end_date: '2025-06-16' }, context)).rejects.toMatchObject({
      kind: 'user-input',
      code: 'range-too-long',
    });
    await expect(runTool(getPerformance, { symbol: 'AAPL', start_date: '2025-07-01' }, context)).rejects.toMatchObject({ code: 'start-in-future' });
    expect(sim.requests).toHaveLength(0);
    // Saturday and Sunday both fall back to Friday 13 June.
    await expect(runTool(getPerformance, { symbol: 'AAPL', start_date: '2025-06-14', end_date: '2025-06-15' }, context)).rejects.toMatchObject({
      code: 'single-trading-day',
    });
    expect(requestsTo(sim, '/v2/stocks/AAPL/bars')).toHaveLength(0);
  });

  it('skips the benchmark when not asked for it', async () => {
    const { sim, context } = await startHarness();
    const report = await runTool(getPerformance, { symbol: 'BRK.B', start_date: '2025-01-02', end_date: '2025-03-31', compare_to_sp500: false }, context);
    expect(report.symbol).toBe('BRK.B');
    expect(report.benchmark).toBeNull();
    expect(report.benchmarkRequested).toBe(false);
    expect(report.benchmarkProblem).toBeNull();
    expect(report.excessReturnPp).toBeNull();
    expect(requestsTo(sim, '/v2/stocks/SPY/bars')).toHaveLength(0);
    expect(requestsTo(sim, '/v2/stocks/BRK.B/bars').length).toBeGreaterThan(0);
  });

  it("still reports the symbol's figures when only the benchmark fails", async () => {
    const { sim, context } = await startHarness();
    sim.faults.setStatusSequence('GET /v2/stocks/SPY/bars', [503]);
    const report = await runTool(getPerformance, { symbol: 'NVDA', start_date: '2025-01-02', end_date: '2025-03-31' }, context);
    expect(report.dataPoints).toBeGreaterThan(50);
    expect(report.benchmark).toBeNull();
    expect(report.benchmarkMissing).toBe(true);
    expect(report.benchmarkProblem).toMatch(/S&P 500 comparison is unavailable/);
  });

  it('says an unknown symbol is not one Alpaca knows and refuses a hostile one', async () => {
    const { context } = await startHarness();
    await expect(runTool(getPerformance, { symbol: 'ZZZZ', start_date: '2025-01-02' }, context)).rejects.toMatchObject({
      kind: 'user-input',
      code: 'unknown-symbol',
    });
    await expect(runTool(getPerformance, { symbol: 'AAPL; DROP', start_date: '2025-01-02' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runTool(getPerformance, { symbol: 'AAPL', start_date: '01/02/2025' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('maps wrong keys to alpaca-auth and a calendar outage to alpaca-unavailable', async () => {
    const { sim, context, contextWith } = await startHarness();
    await expect(runTool(getPerformance, { symbol: 'AAPL', start_date: '2025-01-02' }, contextWith({ secretKey: 'x' }))).rejects.toMatchObject({
      code: 'alpaca-auth',
    });
    sim.faults.setStatusSequence('GET /v2/calendar', [500]);
    await expect(runTool(getPerformance, { symbol: 'AAPL', start_date: '2025-01-02' }, context)).rejects.toMatchObject({ code: 'alpaca-unavailable' });
  });
});
