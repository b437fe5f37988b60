import { useEffect, useRef, type KeyboardEvent } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useThemeKey } from './use-theme-key';
import { palette } from './palette';

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
  /** Formats the value axis' ticks, when they read better shorter than `format` (e.g. "20%" for "20.00%"). */
  axisFormat?: (value: number) => string;
  stepped?: boolean;
  height?: number;
  /** The time axis spans the whole range (seconds), not just the points. */
  xRange: [number, number];
  /** A fixed value axis (e.g. 0..1 for rates); automatic when absent. */
  yRange?: [number, number];
  /** Shares traded per point, drawn as faint bars along the bottom quarter (no axis of their own). */
  volume?: number[];
  /** Times are wall-clock values written as UTC (trading dates, New York times): the axis shows them unshifted. */
  wallClock?: boolean;
  /** Draws uPlot's own legend (the metrics view); off when the page shows its own readout. */
  legend?: boolean;
  /**
   * Makes the chart keyboard-usable under this name: it takes focus, and the arrow keys (Home, End) move the cursor
   * from point to point. Without it the chart is hidden from assistive technology (its table stands in for it).
   */
  keyboardLabel?: string;
  /** The point under the cursor (hover or keyboard), or null when the cursor leaves. */
  onCursor?: (index: number | null) => void;
  /** Receives the canvas once drawn (for "Copy chart as image"), and null when the chart goes. */
  onCanvas?: (canvas: HTMLCanvasElement | null) => void;
}


/** One uPlot chart, sized to its container and coloured from the theme's custom properties. Loaded lazily. */
export default function UplotChart(props: UplotChartProps) {
  const { times, series, format, axisFormat, stepped = false, height = 180, xRange, yRange, volume, wallClock = false, legend = true, keyboardLabel, onCursor, onCanvas } = props;
  const host = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const cursorRef = useRef<((index: number | null) => void) | undefined>(onCursor);
  cursorRef.current = onCursor;
  const themeKey = useThemeKey();
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const color = (name: string) => style.getPropertyValue(name).trim() || '#888';
    const axis = { stroke: color('--text-muted'), grid: { stroke: color('--border'), width: 1 }, ticks: { stroke: color('--border'), width: 1 } };
    const paths = stepped ? uPlot.paths.stepped?.({ align: 1 }) : undefined;
    const bars = uPlot.paths.bars?.({ size: [0.8, 12] });
    const maxVolume = volume ? Math.max(1, ...volume) : 1;
    const plot = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height,
        legend: { show: legend },
        cursor: { drag: { x: false, y: false } },
        ...(wallClock ? { tzDate: (seconds: number) => uPlot.tzDate(new Date(seconds * 1e3), 'Etc/UTC') } : {}),
        scales: {
          x: { time: true, range: () => xRange },
          ...(yRange ? { y: { range: () => yRange } } : {}),
          ...(volume ? { volume: { range: () => [0, maxVolume * 4] as [number, number] } } : {}),
        },
        axes: [axis, { ...axis, size: 64, values: (_u, ticks) => ticks.map(axisFormat ?? format) }],
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
          ...(volume ? [{ label: 'Volume', scale: 'volume', stroke: color('--border-strong'), fill: color('--border'), width: 0, points: { show: false }, ...(bars ? { paths: bars } : {}) }] : []),
        ],
        hooks: { setCursor: [(chart: uPlot) => { cursorRef.current?.(chart.cursor.idx ?? null); }] },
      },
      [times, ...series.map((entry) => entry.values), ...(volume ? [volume] : [])],
      element,
    );
    plotRef.current = plot;
    onCanvas?.(plot.ctx.canvas);
    const observer = new ResizeObserver(() => { plot.setSize({ width: Math.max(240, element.clientWidth), height }); });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plotRef.current = null;
      onCanvas?.(null);
      plot.destroy();
    };
  }, [times, series, format, axisFormat, stepped, height, xRange, yRange, volume, wallClock, legend, onCanvas, themeKey]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const plot = plotRef.current;
    if (!plot || times.length === 0) return;
    const current = plot.cursor.idx ?? -1;
    const last = times.length - 1;
    const next = { ArrowRight: Math.min(last, current + 1), ArrowLeft: Math.max(0, current < 0 ? last : current - 1), Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const value = series[0]?.values[next] ?? null;
    plot.setCursor({ left: plot.valToPos(times[next] ?? 0, 'x'), top: value === null ? plot.bbox.height / devicePixelRatio / 2 : plot.valToPos(value, 'y') });
  };

  if (keyboardLabel === undefined) return <div ref={host} className="uplot-host" aria-hidden="true" />;
  return <div ref={host} className="uplot-host uplot-focusable" tabIndex={0} role="group" aria-label={keyboardLabel} onKeyDown={onKeyDown} />;
}
