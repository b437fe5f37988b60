import type { Chart, ChartSource } from '../../protocol/chart';

export interface PriceHistoryChartInput {
  symbol: string;
  timeframe: '1Hour' | '1Day' | '1Week';
  /** Bars oldest first, each with the label the tool result shows (date or New York time), its close and volume. */
  bars: readonly { at: string; close: number; volume: number }[];
  source: Omit<ChartSource, 'range'>;
}

const timeframeWords: Record<PriceHistoryChartInput['timeframe'], string> = { '1Hour': 'hourly', '1Day': 'daily', '1Week': 'weekly' };

/** The price history as a line of closes (dollars per share) with the volume traded as bars beneath. */
export function priceHistoryChart(input: PriceHistoryChartInput): Chart | null {
  const first = input.bars[0];
  const last = input.bars.at(-1);
  if (first === undefined || last === undefined || input.bars.length < 2) return null;
  return {
    kind: 'line',
    id: `price-history:${input.symbol}:${input.timeframe}:${first.at}:${last.at}`,
    title: `${input.symbol} price`,
    note: `${timeframeWords[input.timeframe]} closes in US dollars per share, with the shares traded beneath.`.replace(/^./, (letter) => letter.toUpperCase()),
    unit: 'usd',
    x: input.bars.map((bar) => bar.at),
    series: [{ label: `${input.symbol} close`, values: input.bars.map((bar) => bar.close) }],
    volume: input.bars.map((bar) => bar.volume),
    source: { ...input.source, range: { start: first.at, end: last.at } },
  };
}
