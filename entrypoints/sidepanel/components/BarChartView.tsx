import type { BarChart } from '@/src/protocol/chart';
import { seriesColor } from '../../shared/charts/palette';
import { formatChartValue } from '../chart-format';

/**
 * A bar chart in an answer, drawn with plain elements: one row per category, one bar per series, each value written
 * beside its bar (so no hover is needed). Hidden from assistive technology: the table equivalent stands in for it.
 */
export function BarChartView({ chart }: { chart: BarChart }) {
  const largest = Math.max(1e-9, ...chart.series.flatMap((series) => series.values.map((value) => Math.abs(value ?? 0))));
  return (
    <div className="bar-chart" aria-hidden="true">
      {chart.series.length > 1 && (
        <ul className="chart-legend">
          {chart.series.map((series, position) => (
            <li key={series.label}>
              <span className="chart-swatch" style={{ background: seriesColor(position) }} />
              {series.label}
            </li>
          ))}
        </ul>
      )}
      {chart.categories.map((category, index) => (
        <div className="bar-row" key={category}>
          <span className="bar-label">{category}</span>
          <div className="bar-group">
            {chart.series.map((series, position) => {
              const value = series.values[index] ?? null;
              return (
                <div className="bar-track" key={series.label}>
                  <span className="bar-area">
                    <span className={`bar${value !== null && value < 0 ? ' bar-negative' : ''}`} style={{ width: `${String((Math.abs(value ?? 0) / largest) * 100)}%`, background: seriesColor(position) }} />
                  </span>
                  <span className="bar-value">{formatChartValue(chart.unit, value)}</span>
                </div>
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
}
