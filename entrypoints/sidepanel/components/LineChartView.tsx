import { useCallback, useMemo, useState } from 'react';
import type { LineChart } from '@/src/protocol/chart';
import UplotChart from '../../shared/charts/UplotChart';
import { seriesColor } from '../../shared/charts/palette';
import { chartTimes, formatAxisValue, formatChartValue, pointReadout } from '../chart-format';

/**
 * A line chart in an answer (uPlot; this module and uPlot load only when a line chart is shown). Values of the point
 * under the cursor show in a readout, on hover and from the keyboard (arrow keys, Home, End).
 */
export default function LineChartView({ chart, onCanvas }: { chart: LineChart; onCanvas?: (canvas: HTMLCanvasElement | null) => void }) {
  const times = useMemo(() => chartTimes(chart.x), [chart.x]);
  const xRange = useMemo((): [number, number] => [times[0] ?? 0, times.at(-1) ?? 1], [times]);
  const format = useCallback((value: number) => formatChartValue(chart.unit, value), [chart.unit]);
  const axisFormat = useCallback((value: number) => formatAxisValue(chart.unit, value), [chart.unit]);
  const [index, setIndex] = useState<number | null>(null);
  return (
    <>
      <ul className="chart-legend" aria-hidden="true">
        {chart.series.map((series, position) => (
          <li key={series.label}>
            <span className="chart-swatch" style={{ background: seriesColor(position) }} />
            {series.label}
          </li>
        ))}
      </ul>
      <UplotChart
        times={times}
        series={chart.series}
        format={format}
        axisFormat={axisFormat}
        xRange={xRange}
        height={170}
        wallClock
        legend={false}
        keyboardLabel={`${chart.title}: use the arrow keys to read the values`}
        onCursor={setIndex}
        {...(chart.volume ? { volume: chart.volume } : {})}
        {...(onCanvas ? { onCanvas } : {})}
      />
      <p className="chart-readout" aria-live="polite">
        {index === null ? 'Point at the chart, or focus it and use the arrow keys, to read its values.' : pointReadout(chart, index)}
      </p>
    </>
  );
}
