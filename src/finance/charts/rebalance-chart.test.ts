import { describe, expect, it } from 'vitest';
import { summarizePortfolio, type PositionInput } from '../portfolio-summary';
import { rebalancePlan } from '../rebalance';
import { rebalanceChart } from './rebalance-chart';

const position = (symbol: string, marketValue: string): PositionInput => ({ symbol, qty: '1', marketValue, costBasis: marketValue, currentPrice: marketValue, avgEntryPrice: marketValue });
const source = { provider: 'Alpaca account and positions', asOf: '2025-06-16T15:00:00.000Z' };

describe('rebalanceChart', () => {
  it('shows each asset class now and after the moves toward the target', () => {
    // 10 000: SPY 7 000 (equity), BND 1 000 (fixed income), cash 2 000. Balanced target: 60 % equity, 40 % fixed income.
    // Equity 70 % → 60 % (reduce 1 000), fixed income 10 % → 40 % (add 3 000), cash 20 % → 0 % (reduce 2 000).
    const summary = summarizePortfolio([position('SPY', '7000'), position('BND', '1000')], { cash: '2000', equity: '10000' });
    const chart = rebalanceChart(rebalancePlan(summary, 'balanced'), source);
    expect(chart).toEqual({
      kind: 'bar',
      id: 'rebalance:balanced:2025-06-16T15:00:00.000Z',
      title: 'Rebalance to balanced: before and after',
      note: 'Percent of the total value by asset class, now and after the suggested moves (target profile: balanced).',
      unit: 'pct',
      categories: ['Equity', 'Fixed income', 'Cash'],
      series: [
        { label: 'Now', values: [70, 10, 20] },
        { label: 'After the moves', values: [60, 40, 0] },
      ],
      source: { ...source, range: null },
    });
  });

  it('leaves a class within its threshold where it is', () => {
    // 10 000: SPY 6 020 (60.2 %, $20 from the 60 % target: under the $50 threshold), BND 3 980 (39.8 %).
    const summary = summarizePortfolio([position('SPY', '6020'), position('BND', '3980')], { cash: '0', equity: '10000' });
    const chart = rebalanceChart(rebalancePlan(summary, 'balanced'), source);
    expect(chart?.series).toEqual([
      { label: 'Now', values: [60.2, 39.8] },
      { label: 'After the moves', values: [60.2, 39.8] },
    ]);
  });

  it('draws nothing when there is no value to allocate', () => {
    expect(rebalanceChart(rebalancePlan(summarizePortfolio([], { cash: '0', equity: '0' }), 'balanced'), source)).toBeNull();
  });
});
