/** The chart palette's custom properties (base.css defines them for both themes), in series order. */
export const palette = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5'] as const;

/** The CSS colour of series number `index`, shared by a chart and a page's own legend. */
export const seriesColor = (index: number): string => `var(${palette[index % palette.length] ?? '--accent'})`;
