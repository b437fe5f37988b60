import { describe, expect, it } from 'vitest';
import { performanceCharts } from './performance-chart';

const source = { provider: 'Alpaca market data (IEX feed)', asOf: '2025-06-16T15:00:00.000Z' };
const own = [
  { t: '2025-01-02', c: 200 },
  { t: '2025-01-03', c: 210 },
  { t: '2025-01-06', c: 189 },
  { t: '2025-01-07', c: 220 },
];
const spy = [
  { t: '2025-01-02', c: 500 },
  { t: '2025-01-03', c: 505 },
  // no close on 2025-01-06
  { t: '2025-01-07', c: 490 },
];
const window = { start: '2025-01-02', end: '2025-01-07' };
const benchmark = { symbol: 'SPY', label: 'S&P 500 (SPY)', closes: spy };

describe('performanceCharts', () => {
  it('draws the symbol and the S&P 500 as returns since the same first close, with a gap where the benchmark has no close', () => {
    const [comparison] = performanceCharts({ symbol: 'AAPL', closes: own, benchmark, window, source });
    // 210/200 − 1 = 5 %; 189/200 − 1 = −5.5 %; 220/200 − 1 = 10 %. 505/500 − 1 = 1 %; 490/500 − 1 = −2 %.
    expect(comparison).toMatchObject({
      kind: 'line',
      title: 'AAPL vs S&P 500',
      unit: 'pct',
      x: ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07'],
      series: [
        { label: 'AAPL', values: [0, 5, -5.5, 10] },
        { label: 'S&P 500 (SPY)', values: [0, 1, null, -2] },
      ],
      source: { ...source, range: { start: '2025-01-02', end: '2025-01-07' } },
    });
  });

  it('draws the drawdown below the running peak, whose lowest point is the maximum drawdown', () => {
    const [, drawdown] = performanceCharts({ symbol: 'AAPL', closes: own, benchmark, window, source });
    // Peaks 200, 210, 210, 220: 189/210 − 1 = −10 %. SPY: peaks 500, 505, 505: 490/505 − 1 = −2.970… % → −2.97.
    expect(drawdown).toMatchObject({
      title: 'AAPL drawdown',
      series: [
        { label: 'AAPL', values: [0, 0, -10, 0] },
        { label: 'S&P 500 (SPY)', values: [0, 0, null, -2.97] },
      ],
    });
  });

  it('keeps only the closes inside the window, the later bar winning for a repeated date', () => {
    const bars = [{ t: '2024-12-31', c: 100 }, ...own, { t: '2025-01-07', c: 230 }, { t: '2025-01-08', c: 999 }];
    const [comparison] = performanceCharts({ symbol: 'AAPL', closes: bars, benchmark: null, window, source });
    expect(comparison).toMatchObject({ title: 'AAPL performance', x: ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07'], series: [{ values: [0, 5, -5.5, 15] }] });
    expect(comparison?.series).toHaveLength(1);
  });

  it('rounds half away from zero like the report (1/3 % → 0.33, 2/3 % → 0.67)', () => {
    const [comparison] = performanceCharts({ symbol: 'X', closes: [{ t: '2025-01-02', c: 300 }, { t: '2025-01-03', c: 301 }, { t: '2025-01-06', c: 302 }], benchmark: null, window: { start: '2025-01-02', end: '2025-01-06' }, source });
    expect(comparison?.series[0]?.values).toEqual([0, 0.33, 0.67]);
  });

  it('gives no chart with fewer than two closes, and no benchmark line when the benchmark has fewer than two', () => {
    expect(performanceCharts({ symbol: 'AAPL', closes: own.slice(0, 1), benchmark, window, source })).toEqual([]);
    const [comparison] = performanceCharts({ symbol: 'AAPL', closes: own, benchmark: { ...benchmark, closes: spy.slice(0, 1) }, window, source });
    expect(comparison?.title).toBe('AAPL performance');
    expect(comparison?.series.map((series) => series.label)).toEqual(['AAPL']);
  });
});
