import { z } from 'zod';

/**
 * Chart data that a tool attaches to its result and that travels with the answer to the panel. The panel draws charts
 * only from this data (never from figures the model wrote), with the source, range and time of the data as a caption.
 */

/** Where the numbers come from, which period they cover, and when they were read. */
export const chartSourceSchema = z.object({
  /** e.g. "Alpaca market data (IEX feed), daily closes adjusted for splits and dividends". */
  provider: z.string().max(300),
  /** The period the data covers, as written on the x axis (dates or New York times); null for a snapshot. */
  range: z.object({ start: z.string().max(40), end: z.string().max(40) }).nullable(),
  /** When the data was read (ISO time). */
  asOf: z.string().max(40),
});
export type ChartSource = z.infer<typeof chartSourceSchema>;

/** Most points on one chart: five years of trading days fit (about 1,260). */
export const maxChartPoints = 1_600;

const chartSeriesSchema = z.object({
  label: z.string().max(80),
  values: z.array(z.number().nullable()).max(maxChartPoints),
});
export type ChartSeries = z.infer<typeof chartSeriesSchema>;

const common = {
  /** Stable for the same data (tool, symbol, range): the same chart from two calls of a turn is shown once. */
  id: z.string().max(200),
  /** What the chart shows, e.g. "AAPL vs S&P 500"; the figure is named "Chart: <title>". */
  title: z.string().max(120),
  /** How to read the values, e.g. "100 = the close on 2025-01-02". */
  note: z.string().max(300).optional(),
  source: chartSourceSchema,
};

/** Values over time: trading dates (YYYY-MM-DD) or New York times (YYYY-MM-DD HH:mm), oldest first. */
export const lineChartSchema = z.object({
  kind: z.literal('line'),
  ...common,
  x: z.array(z.string().max(20)).max(maxChartPoints),
  /** index: 100 = the first point; usd: dollars; pct: percent. */
  unit: z.enum(['index', 'usd', 'pct']),
  series: z.array(chartSeriesSchema).min(1).max(4),
  /** Shares traded per point, drawn as bars under the line. */
  volume: z.array(z.number().nonnegative()).max(maxChartPoints).optional(),
});

/** Values by category (asset class, position), one bar per category and series. */
export const barChartSchema = z.object({
  kind: z.literal('bar'),
  ...common,
  categories: z.array(z.string().max(80)).max(60),
  unit: z.enum(['pct', 'usd']),
  series: z.array(chartSeriesSchema).min(1).max(3),
});

export const chartSchema = z.discriminatedUnion('kind', [lineChartSchema, barChartSchema]).refine(
  (chart) => {
    const length = chart.kind === 'line' ? chart.x.length : chart.categories.length;
    return chart.series.every((series) => series.values.length === length) && (chart.kind !== 'line' || chart.volume === undefined || chart.volume.length === length);
  },
  { message: 'every series has one value per point' },
);
export type Chart = z.infer<typeof chartSchema>;
export type LineChart = z.infer<typeof lineChartSchema>;
export type BarChart = z.infer<typeof barChartSchema>;

/** The accessible name of a chart's figure (UI contract: "Chart: …"). */
export const chartName = (chart: Pick<Chart, 'title'>): string => `Chart: ${chart.title}`;
