import { describe, expect, it } from 'vitest';
import type { Chart, LineChart } from '@/src/protocol/chart';
import { chartCaption, chartTable, chartTimes, formatAxisValue, formatChartValue, pointReadout } from './chart-format';

const line: LineChart = {
  kind: 'line',
  id: 'performance:NVDA',
  title: 'NVDA vs S&P 500',
  unit: 'pct',
  x: ['2026-01-02', '2026-01-05'],
  series: [
    { label: 'NVDA', values: [0, 5.1] },
    { label: 'S&P 500 (SPY)', values: [0, null] },
  ],
  source: { provider: 'Alpaca market data (SIP feed)', range: { start: '2026-01-02', end: '2026-01-05' }, asOf: '2026-03-10T15:00:00.000Z' },
};
const bar: Chart = {
  kind: 'bar',
  id: 'allocation',
  title: 'Allocation by asset class',
  unit: 'pct',
  categories: ['Equity', 'Cash'],
  series: [{ label: 'Share of portfolio', values: [58.25, 41.75] }],
  source: { provider: 'Alpaca account and positions', range: null, asOf: '2026-03-10T15:00:00.000Z' },
};

describe('chart formatting', () => {
  it.each([
    ['pct', 5.1, '5.10%'],
    ['pct', -12.345, '-12.35%'],
    ['usd', 1234.5, '$1,234.50'],
    ['index', 104.2, '104.20'],
    ['pct', null, '—'],
  ] as const)('formats %s %s as %s', (unit, value, expected) => {
    expect(formatChartValue(unit, value)).toBe(expected);
  });

  it.each([
    ['pct', 20, '20%'],
    ['pct', -12.5, '-12.5%'],
    ['usd', 1250, '$1,250'],
    ['usd', 12.5, '$12.5'],
    ['usd', -3, '-$3'],
    ['index', 104.5, '105'],
  ] as const)('writes the axis tick %s %s as %s', (unit, value, expected) => {
    expect(formatAxisValue(unit, value)).toBe(expected);
  });

  it('reads trading dates and New York times as UTC wall-clock seconds', () => {
    expect(chartTimes(['2026-01-02', '2026-01-02 09:30', 'soon'])).toEqual([Date.UTC(2026, 0, 2) / 1000, Date.UTC(2026, 0, 2, 9, 30) / 1000, Number.NaN]);
  });

  it('captions a chart with its source, range and time of the data', () => {
    expect(chartCaption(line)).toBe('Source: Alpaca market data (SIP feed). Data from 2026-01-02 to 2026-01-05. Read 2026-03-10 15:00 UTC.');
    expect(chartCaption(bar)).toBe('Source: Alpaca account and positions. Read 2026-03-10 15:00 UTC.');
  });

  it('gives a line chart a row per date and a bar chart a row per category', () => {
    expect(chartTable(line)).toEqual({ columns: ['Date', 'NVDA', 'S&P 500 (SPY)'], rows: [['2026-01-02', '0.00%', '0.00%'], ['2026-01-05', '5.10%', '—']] });
    expect(chartTable({ ...line, unit: 'usd', x: ['2026-01-02 09:30', '2026-01-02 10:30'], volume: [1200, 35000] })).toEqual({
      columns: ['Time (New York)', 'NVDA', 'S&P 500 (SPY)', 'Volume (shares)'],
      rows: [['2026-01-02 09:30', '$0.00', '$0.00', '1,200'], ['2026-01-02 10:30', '$5.10', '—', '35,000']],
    });
    expect(chartTable(bar)).toEqual({ columns: ['Category', 'Share of portfolio'], rows: [['Equity', '58.25%'], ['Cash', '41.75%']] });
  });

  it('reads out the point under the cursor', () => {
    expect(pointReadout(line, 1)).toBe('2026-01-05: NVDA 5.10%, S&P 500 (SPY) —');
    expect(pointReadout(line, 5)).toBe('');
  });
});
