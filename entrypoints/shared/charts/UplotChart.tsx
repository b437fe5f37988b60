import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

export interface UplotChartProps {
  /** Seconds since the epoch. */
  times: number[];
  series: ChartSeries[];
  /** Formats a y value for the axis and the legend. */
  format: (value: number) => string;
  stepped?: boolean;
  height?: number;
  /** The time axis spans the whole range (seconds), not just the points. */
  xRange: [number, number];
  /** A fixed value axis (e.g. 0..1 for rates); automatic when absent. */
  yRange?: [number, number];
}

const palette = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5'];

/** One uPlot chart, sized to its container and coloured from the theme's custom properties. Loaded lazily. */
export default function UplotChart({ times, series, format, stepped = false, height = 180, xRange, yRange }: UplotChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const color = (name: string) => style.getPropertyValue(name).trim() || '#888';
    const axis = { stroke: color('--text-muted'), grid: { stroke: color('--border'), width: 1 }, ticks: { stroke: color('--border'), width: 1 } };
    const paths = stepped ? uPlot.paths.stepped?.({ align: 1 }) : undefined;
    const plot = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true, range: () => xRange }, ...(yRange ? { y: { range: () => yRange } } : {}) },
        axes: [axis, { ...axis, size: 64, values: (_u, ticks) => ticks.map(format) }],
        series: [
          {},
          ...series.map((entry, index) => ({
            label: entry.label,
            stroke: color(palette[index % palette.length] ?? '--accent'),
            width: 2,
            spanGaps: false,
            points: { show: times.length < 40 },
            value: (_u: uPlot, value: number | null) => (value === null ? '—' : format(value)),
            ...(paths ? { paths } : {}),
          })),
        ],
      },
      [times, ...series.map((entry) => entry.values)],
      element,
    );
    const observer = new ResizeObserver(() => { plot.setSize({ width: Math.max(240, element.clientWidth), height }); });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [times, series, format, stepped, height, xRange, yRange]);
  return <div ref={host} className="uplot-host" aria-hidden="true" />;
}
