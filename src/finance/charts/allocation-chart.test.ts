import { describe, expect, it } from 'vitest';
import { summarizePortfolio, type PositionInput } from '../portfolio-summary';
import { allocationCharts } from './allocation-chart';

const position = (symbol: string, marketValue: string): PositionInput => ({ symbol, qty: '1', marketValue, costBasis: marketValue, currentPrice: marketValue, avgEntryPrice: marketValue });
const source = { provider: 'Alpaca account and positions', asOf: '2025-06-16T15:00:00.000Z' };

describe('allocationCharts', () => {
  it('splits the total value by asset class and by position, cash included', () => {
    // 10 000 in total: SPY 2 500 (equity ETF), AAPL 1 900 (equity stock), BND 1 400 (fixed income), cash 4 200.
    const summary = summarizePortfolio([position('AAPL', '1900.00'), position('SPY', '2500.00'), position('BND', '1400.00')], { cash: '4200', equity: '10000.00' });
    const [byClass, byPosition] = allocationCharts(summary, source);
    expect(byClass).toEqual({
      kind: 'bar',
      id: 'allocation-class:2025-06-16T15:00:00.000Z',
      title: 'Allocation by asset class',
      note: 'Percent of the total value, cash included.',
      unit: 'pct',
      categories: ['Equity', 'Fixed income', 'Cash'],
      series: [{ label: 'Share of portfolio', values: [44, 14, 42] }],
      source: { ...source, range: null },
    });
    expect(byPosition).toMatchObject({
      title: 'Allocation by position',
      categories: ['SPY', 'AAPL', 'BND', 'Cash'],
      series: [{ values: [25, 19, 14, 42] }],
    });
  });

  it('draws the ten largest positions and sums the rest into Other', () => {
    // Twelve positions of 100 down to 45 (5 apart, 870 in all) and 1 000 cash: total 1 870.
    const positions = Array.from({ length: 12 }, (_, index) => position(`S${String(index).padStart(2, '0')}`, String(100 - index * 5)));
    const [, byPosition] = allocationCharts(summarizePortfolio(positions, { cash: '1000', equity: '1870' }), source);
    expect(byPosition?.kind === 'bar' ? byPosition.categories : []).toEqual(['S00', 'S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08', 'S09', 'Other (2 positions)', 'Cash']);
    // Other: (50 + 45) / 1 870 = 5.080… %; cash 1 000 / 1 870 = 53.475… %; S00: 100 / 1 870 = 5.347… %.
    expect(byPosition?.series[0]?.values.slice(-2)).toEqual([5.08, 53.48]);
    expect(byPosition?.series[0]?.values[0]).toBe(5.35);
  });

  it('draws nothing for an account with only cash or without value', () => {
    expect(allocationCharts(summarizePortfolio([], { cash: '500', equity: '500' }), source)).toEqual([]);
    expect(allocationCharts(summarizePortfolio([position('AAPL', '0')], { cash: '0', equity: '0' }), source)).toEqual([]);
  });
});
