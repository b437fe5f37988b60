import { describe, expect, it } from 'vitest';
import { calculatePerformance } from './performance';
import type { DailyClose } from './price-series-stats';

const range = { start: '2020-01-02', end: '2024-01-02' }; // 1461 days = 4 years
const symbolBars: DailyClose[] = [
  { t: '2020-01-02', c: 100 },
  { t: '2022-01-03', c: 120 },
  { t: '2024-01-02', c: 146.41 },
];
const spyBars: DailyClose[] = [
  { t: '2020-01-02', c: 400 },
  { t: '2022-01-03', c: 380 },
  { t: '2024-01-02', c: 480 },
];

describe('calculatePerformance', () => {
  it('reports the symbol against the benchmark', () => {
    const result = calculatePerformance({ symbol: 'AAPL', bars: symbolBars, range, benchmark: { symbol: 'SPY', bars: spyBars } });
    expect(result).toMatchObject({
      ok: true,
      report: {
        symbol: 'AAPL',
        rangeStart: '2020-01-02',
        rangeEnd: '2024-01-02',
        startPrice: '100',
        endPrice: '146.41',
        priceChange: '46.41',
        totalReturnPct: 46.41, // 146.41 / 100 − 1
        annualizedReturnPct: 10, // 1.4641^(1/4) − 1
        maxDrawdownPct: 0, // 100 → 120 → 146.41 never falls
        dataPoints: 3,
        benchmarkMissing: false,
        benchmarkProblem: null,
        benchmark: {
          symbol: 'SPY',
          totalReturnPct: 20, // 480 / 400 − 1
          annualizedReturnPct: 4.66, // 1.2^(1/4) − 1 = 0.0466351
          maxDrawdownPct: -5, // 380 / 400 − 1
        },
        excessReturnPp: 26.41, // 46.41 − 20
        versusBenchmark: 'outperformed',
      },
    });
  });

  it('computes the gap from exact returns, not from the rounded percentages', () => {
    const result = calculatePerformance({
      symbol: 'AAA',
      bars: [{ t: '2024-01-02', c: 200 }, { t: '2024-01-03', c: 200.01 }], // +0.005 % → shown as 0.01
      range: { start: '2024-01-02', end: '2024-01-03' },
      benchmark: { symbol: 'SPY', bars: [{ t: '2024-01-02', c: 1000 }, { t: '2024-01-03', c: 1000.149 }] }, // +0.0149 % → 0.01
    });
    // both show 0.01 %, but 0.005 − 0.0149 = −0.0099 pp → −0.01
    expect(result).toMatchObject({
      ok: true,
      report: { totalReturnPct: 0.01, benchmark: { totalReturnPct: 0.01 }, excessReturnPp: -0.01, versusBenchmark: 'underperformed' },
    });
  });

  it.each([
    { spyEnd: 480, excess: 26.41, versus: 'outperformed' },
    { spyEnd: 585.64, excess: 0, versus: 'matched' }, // 585.64 / 400 = 1.4641, the same return
    { spyEnd: 600, excess: -3.59, versus: 'underperformed' }, // 46.41 − 50
  ])('labels a gap of $excess pp as $versus', ({ spyEnd, excess, versus }) => {
    const result = calculatePerformance({
      symbol: 'AAPL',
      bars: symbolBars,
      range,
      benchmark: { symbol: 'SPY', bars: [{ t: '2020-01-02', c: 400 }, { t: '2024-01-02', c: spyEnd }] },
    });
    expect(result).toMatchObject({ ok: true, report: { excessReturnPp: excess, versusBenchmark: versus } });
  });

  it('still reports the symbol when no benchmark was fetched', () => {
    const result = calculatePerformance({ symbol: 'AAPL', bars: symbolBars, range, benchmark: null });
    expect(result).toMatchObject({
      ok: true,
      report: { totalReturnPct: 46.41, benchmark: null, benchmarkMissing: true, excessReturnPp: null, versusBenchmark: null },
    });
    if (result.ok) expect(result.report.benchmarkProblem).toMatch(/no benchmark/i);
  });

  it('flags benchmark data that cannot be used instead of failing', () => {
    const result = calculatePerformance({
      symbol: 'AAPL',
      bars: symbolBars,
      range,
      benchmark: { symbol: 'SPY', bars: [{ t: '2020-01-02', c: 400 }] },
    });
    expect(result).toMatchObject({ ok: true, report: { benchmarkMissing: true, benchmark: null } });
    if (result.ok) expect(result.report.benchmarkProblem).toMatch(/SPY/);
  });

  it('reports a total loss as −100 % against the benchmark', () => {
    const result = calculatePerformance({
      symbol: 'GONE',
      bars: [{ t: '2020-01-02', c: 12 }, { t: '2024-01-02', c: 0 }],
      range,
      benchmark: { symbol: 'SPY', bars: spyBars },
    });
    expect(result).toMatchObject({
      ok: true,
      report: { totalReturnPct: -100, annualizedReturnPct: -100, maxDrawdownPct: -100, excessReturnPp: -120 }, // −100 − 20
    });
  });

  it('compares a stock listed mid-range with the benchmark over the stock\'s own first and last dates', () => {
    // Listed 2022-01-03: the S&P 500 must be measured 2022-01-03 → 2024-01-02 (380 → 480), not from the range start.
    const result = calculatePerformance({
      symbol: 'NEWCO',
      bars: [{ t: '2022-01-03', c: 50 }, { t: '2024-01-02', c: 40 }],
      range,
      benchmark: { symbol: 'SPY', bars: spyBars },
    });
    expect(result).toMatchObject({
      ok: true,
      report: {
        startDate: '2022-01-03',
        totalReturnPct: -20, // 40 / 50 − 1
        benchmark: { startDate: '2022-01-03', endDate: '2024-01-02', startPrice: '380', totalReturnPct: 26.32 }, // 480 / 380 − 1
        excessReturnPp: -46.32, // −20 − 26.3158
      },
    });
  });

  it('compares with the benchmark up to the stock\'s last close when its data stops early', () => {
    const result = calculatePerformance({
      symbol: 'HALT',
      bars: [{ t: '2020-01-02', c: 10 }, { t: '2022-01-03', c: 12 }],
      range,
      benchmark: { symbol: 'SPY', bars: spyBars },
    });
    expect(result).toMatchObject({ ok: true, report: { benchmark: { endDate: '2022-01-03', totalReturnPct: -5 }, excessReturnPp: 25 } });
  });

  it('fails when the symbol itself has no usable data', () => {
    const result = calculatePerformance({ symbol: 'NEWCO', bars: [], range, benchmark: { symbol: 'SPY', bars: spyBars } });
    expect(result).toMatchObject({ ok: false, error: { code: 'insufficient-data' } });
  });
});
