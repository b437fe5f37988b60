import { describe, expect, it } from 'vitest';
import { priceHistoryChart } from './price-history-chart';

const source = { provider: 'Alpaca market data (IEX feed), split-adjusted', asOf: '2025-06-16T15:00:00.000Z' };

describe('priceHistoryChart', () => {
  it('draws the closes as a line with the volume beneath, over the range of the bars', () => {
    const chart = priceHistoryChart({
      symbol: 'NVDA',
      timeframe: '1Day',
      bars: [
        { at: '2025-06-12', close: 145.5, volume: 1_200_000 },
        { at: '2025-06-13', close: 141.97, volume: 980_000 },
        { at: '2025-06-16', close: 144.69, volume: 1_010_500 },
      ],
      source,
    });
    expect(chart).toEqual({
      kind: 'line',
      id: 'price-history:NVDA:1Day:2025-06-12:2025-06-16',
      title: 'NVDA price',
      note: 'Daily closes in US dollars per share, with the shares traded beneath.',
      unit: 'usd',
      x: ['2025-06-12', '2025-06-13', '2025-06-16'],
      series: [{ label: 'NVDA close', values: [145.5, 141.97, 144.69] }],
      volume: [1_200_000, 980_000, 1_010_500],
      source: { ...source, range: { start: '2025-06-12', end: '2025-06-16' } },
    });
  });

  it('gives no chart for fewer than two bars', () => {
    expect(priceHistoryChart({ symbol: 'NVDA', timeframe: '1Hour', bars: [{ at: '2025-06-16 09:30', close: 1, volume: 1 }], source })).toBeNull();
    expect(priceHistoryChart({ symbol: 'NVDA', timeframe: '1Hour', bars: [], source })).toBeNull();
  });
});
