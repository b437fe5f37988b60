import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { chartName, type Chart } from '@/src/protocol/chart';
import { chartCaption, chartTable } from '../chart-format';
import { chartImage } from '../chart-image';
import { BarChartView } from './BarChartView';
import '../charts.css';

// uPlot loads only when a line chart is shown.
const LineChartView = lazy(() => import('./LineChartView'));

/** The table equivalent of a chart (built only while its details are open: a five-year chart has 1,260 rows). */
function ChartTable({ chart }: { chart: Chart }) {
  const { columns, rows } = chartTable(chart);
  return (
    <div className="chart-table-scroll">
      <table aria-label={`Table: ${chart.title}`}>
        <thead>
          <tr>{columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>{row.map((cell, column) => (column === 0 ? <th key={column} scope="row">{cell}</th> : <td key={column}>{cell}</td>))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One chart below an answer, drawn from the data the turn's tools returned: a figure named "Chart: <title>" with its
 * note, the drawing, a caption with the source, range and time of the data, its table equivalent, and a copy button.
 */
export function ChartFigure({ chart }: { chart: Chart }) {
  const [tableOpen, setTableOpen] = useState(false);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const onCanvas = useCallback((element: HTMLCanvasElement | null) => { canvas.current = element; }, []);
  const copy = async () => {
    try {
      const blob = await chartImage(chart, canvas.current);
      await navigator.clipboard.write([new ClipboardItem({ [blob.type]: blob })]);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };
  return (
    <figure className="answer-chart" aria-label={chartName(chart)}>
      <figcaption>
        <span className="answer-chart-title">{chart.title}</span>
        {chart.note && <span className="answer-chart-note">{chart.note}</span>}
      </figcaption>
      {chart.kind === 'line' ? (
        <Suspense fallback={<div className="uplot-host chart-loading" aria-hidden="true" />}>
          <LineChartView chart={chart} onCanvas={onCanvas} />
        </Suspense>
      ) : (
        <BarChartView chart={chart} />
      )}
      <p className="answer-chart-source">{chartCaption(chart)}</p>
      <div className="answer-chart-tools">
        <details className="chart-table" onToggle={(event) => { setTableOpen(event.currentTarget.open); }}>
          <summary>Table: {chart.title}</summary>
          {tableOpen && <ChartTable chart={chart} />}
        </details>
        <button type="button" className="button button-ghost button-compact" onClick={() => void copy()}>
          Copy chart as image
        </button>
        <span className="answer-chart-copied" role="status">
          {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Could not copy the image.' : ''}
        </span>
      </div>
    </figure>
  );
}

/** The charts of an answer, below its text. */
export function AnswerCharts({ charts }: { charts: readonly Chart[] }) {
  return (
    <div className="answer-charts">
      {charts.map((chart) => <ChartFigure key={chart.id} chart={chart} />)}
    </div>
  );
}
