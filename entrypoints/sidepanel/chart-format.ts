import type { Chart, LineChart } from '@/src/protocol/chart';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A chart value as the table and the readout show it: percent and index to 2 decimals, dollars to the cent. */
export function formatChartValue(unit: Chart['unit'], value: number | null): string {
  if (value === null) return '—';
  switch (unit) {
    case 'pct':
      return `${value.toFixed(2)}%`;
    case 'usd':
      return usd.format(value);
    case 'index':
      return value.toFixed(2);
  }
}

/** An axis tick: as short as the value allows ("20%", "$1,250", "$12.50", "104.5"). */
export function formatAxisValue(unit: Chart['unit'], value: number): string {
  const short = new Intl.NumberFormat('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 }).format(value);
  return unit === 'pct' ? `${short}%` : unit === 'usd' ? `${value < 0 ? '-' : ''}$${short.replace('-', '')}` : short;
}

/** Shares traded, with thousands separators. */
export const formatVolume = (value: number): string => count.format(value);

/**
 * The x values of a line chart as seconds since the epoch, reading each date or New York time as if it were UTC, so an
 * axis drawn in UTC shows it unshifted. A value that is neither is left out of the range as NaN.
 */
export function chartTimes(x: readonly string[]): number[] {
  return x.map((value) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(value);
    if (!match) return Number.NaN;
    const [, year, month, day, hour, minute] = match;
    return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0)) / 1000;
  });
}

/** "2026-03-10 15:00 UTC" from an ISO time (the time the data was read). */
export function formatAsOf(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(new Date(iso).toISOString());
  return match ? `${match[1] ?? ''} ${match[2] ?? ''} UTC` : iso;
}

/** The caption under a chart: where the data comes from, the period it covers, and when it was read. */
export function chartCaption(chart: Chart): string {
  const range = chart.source.range ? ` Data from ${chart.source.range.start} to ${chart.source.range.end}.` : '';
  return `Source: ${chart.source.provider}.${range} Read ${formatAsOf(chart.source.asOf)}.`;
}

export interface ChartTableData {
  columns: string[];
  rows: string[][];
}

/** The chart's table equivalent: one row per point (line) or category (bar), one column per series. */
export function chartTable(chart: Chart): ChartTableData {
  if (chart.kind === 'bar') {
    return {
      columns: ['Category', ...chart.series.map((series) => series.label)],
      rows: chart.categories.map((category, index) => [category, ...chart.series.map((series) => formatChartValue(chart.unit, series.values[index] ?? null))]),
    };
  }
  const volume = chart.volume;
  return {
    columns: [chart.x[0]?.includes(' ') ? 'Time (New York)' : 'Date', ...chart.series.map((series) => series.label), ...(volume ? ['Volume (shares)'] : [])],
    rows: chart.x.map((at, index) => [
      at,
      ...chart.series.map((series) => formatChartValue(chart.unit, series.values[index] ?? null)),
      ...(volume ? [formatVolume(volume[index] ?? 0)] : []),
    ]),
  };
}

/** What the readout says for the point under the cursor, e.g. "2026-03-03: NVDA 5.12%, S&P 500 (SPY) 2.00%". */
export function pointReadout(chart: LineChart, index: number): string {
  const at = chart.x[index];
  if (at === undefined) return '';
  const values = chart.series.map((series) => `${series.label} ${formatChartValue(chart.unit, series.values[index] ?? null)}`);
  const volume = chart.volume?.[index];
  return `${at}: ${[...values, ...(volume === undefined ? [] : [`volume ${formatVolume(volume)}`])].join(', ')}`;
}
