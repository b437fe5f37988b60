import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import type { MetricsReport } from '@/src/protocol/metrics';
import { agentLabel, formatMs, formatRate, formatTime, formatUsd } from '../format';
import type { ChartSeries } from '../../shared/charts/UplotChart';

// uPlot is loaded only when the charts render, so the page's first paint does not wait for it.
const UplotChart = lazy(() => import('../../shared/charts/UplotChart'));

const breakerLevels: Record<string, number> = { closed: 0, 'half-open': 1, half_open: 1, open: 2 };
const breakerNames = ['closed', 'half-open', 'open'];

/** A chart with its table equivalent: screen readers get the table, the canvas is hidden from them. */
function ChartFigure(props: { title: string; times: number[]; series: ChartSeries[]; format: (value: number) => string; stepped?: boolean; table: ReactNode; empty?: string; xRange: [number, number]; yRange?: [number, number] }) {
  const { title, times, series, format, stepped, table, empty, xRange, yRange } = props;
  return (
    <figure className="chart card" aria-label={`Chart: ${title}`}>
      <figcaption>{title}</figcaption>
      {times.length === 0 ? (
        <p className="muted">{empty ?? 'No data in this range.'}</p>
      ) : (
        <Suspense fallback={<div className="uplot-host chart-loading" aria-hidden="true" />}>
          <UplotChart times={times} series={series} format={format} xRange={xRange} {...(yRange ? { yRange } : {})} {...(stepped ? { stepped } : {})} />
        </Suspense>
      )}
      <details className="chart-table">
        <summary>Table: {title}</summary>
        {table}
      </details>
    </figure>
  );
}

function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: string[][] }) {
  return (
    <table className="metrics-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>{columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>{row.map((cell, column) => (column === 0 ? <th key={column} scope="row">{cell}</th> : <td key={column}>{cell}</td>))}</tr>
        ))}
      </tbody>
    </table>
  );
}

/** Latency and cost over time, success rate per agent over time, and the breaker state timeline. */
export function Charts({ report }: { report: MetricsReport }) {
  const charts = useMemo(() => {
    const points = report.series.points;
    const times = points.map((point) => Date.parse(point.start) / 1000);
    const agents = [...new Set(points.flatMap((point) => Object.keys(point.success)))].sort();
    const dependencies = [...new Set(report.breakers.map((change) => change.dependency))].sort();
    const changeTimes = [...new Set(report.breakers.map((change) => Date.parse(change.at) / 1000))].sort((a, b) => a - b);
    // The last state holds until the end of the range.
    const breakerTimes = changeTimes.length > 0 ? [...changeTimes, Math.max(Date.parse(report.to) / 1000, (changeTimes.at(-1) ?? 0) + 1)] : [];
    const breakerSeries = dependencies.map((dependency) => {
      let level: number | null = null;
      return {
        label: dependency,
        values: breakerTimes.map((time) => {
          const change = report.breakers.filter((entry) => entry.dependency === dependency && Date.parse(entry.at) / 1000 === time).at(-1);
          if (change) level = breakerLevels[change.to] ?? null;
          return level;
        }),
      };
    });
    const end = Date.parse(report.to) / 1000;
    const first = Math.min(...times, ...breakerTimes, end - 3600);
    const xRange: [number, number] = [report.from ? Date.parse(report.from) / 1000 : first, end];
    return {
      xRange,
      times,
      latency: [
        { label: 'p50', values: points.map((point) => point.p50Ms) },
        { label: 'p95', values: points.map((point) => point.p95Ms) },
      ],
      cost: [{ label: 'Cost', values: points.map((point) => point.costUsd) }],
      success: agents.map((agent) => ({ label: agentLabel(agent), values: points.map((point) => point.success[agent] ?? null) })),
      agents,
      breakerTimes,
      breakerSeries,
    };
  }, [report]);
  const when = (point: { start: string }) => formatTime(point.start);
  const points = report.series.points;
  return (
    <section aria-labelledby="heading-charts" className="metrics-section">
      <h2 id="heading-charts">Over time</h2>
      <div className="chart-grid">
         <ChartFigure xRange={charts.xRange} title="Time to full answer over time" times={charts.times} series={charts.latency} format={(value) => formatMs(value)}
          table={<DataTable caption="Time to full answer over time" columns={['Interval', 'Turns', 'p50', 'p95']} rows={points.map((point) => [when(point), String(point.turns), formatMs(point.p50Ms), formatMs(point.p95Ms)])} />} />
        <ChartFigure xRange={charts.xRange} title="Cost over time" times={charts.times} series={charts.cost} format={(value) => formatUsd(value)}
          table={<DataTable caption="Cost over time" columns={['Interval', 'Cost']} rows={points.map((point) => [when(point), formatUsd(point.costUsd)])} />} />
        <ChartFigure xRange={charts.xRange} yRange={[0, 1]} title="Success rate per agent over time" times={charts.times} series={charts.success} format={(value) => formatRate(value)}
          table={<DataTable caption="Success rate per agent over time" columns={['Interval', ...charts.agents.map(agentLabel)]} rows={points.map((point) => [when(point), ...charts.agents.map((agent) => formatRate(point.success[agent] ?? null))])} />} />
        <ChartFigure xRange={charts.xRange} yRange={[0, 2]} title="Breaker state timeline" times={charts.breakerTimes} series={charts.breakerSeries} stepped format={(value) => breakerNames[Math.round(value)] ?? ''}
          empty="No circuit breaker changed state in this range: every service stayed closed (healthy)."
          table={<DataTable caption="Breaker state timeline" columns={['Time', 'Service', 'From', 'To']} rows={report.breakers.map((change) => [formatTime(change.at), change.dependency, change.from, change.to])} />} />
      </div>
    </section>
  );
}
