import { useCallback, useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import { timeRanges, type TimeRange } from '@/src/protocol/metrics';
import type { ExportFormat } from '@/src/monitoring/span-export';
import type { ThemeChoice } from '../shared/theme';
import { useMetrics } from './hooks/use-metrics';
import { agentLabel, formatTime } from './format';
import { SummaryTiles } from './components/SummaryTiles';
import { GroupTable } from './components/GroupTable';
import { RoutingSection } from './components/RoutingSection';
import { Charts } from './components/Charts';
import { TracesSection } from './components/TracesSection';
import { AlertsSection } from './components/AlertsSection';
import { VariantsSection } from './components/VariantsSection';
import { RunEvaluationSection } from './components/RunEvaluationSection';

export interface MetricsAppProps {
  client: PortClient | null;
  applyTheme: (theme: ThemeChoice) => void;
  /** The side panel page, for a trace's link to its conversation. */
  panelUrl: string;
}

const rangeLabels: Record<TimeRange, string> = { hour: 'Last hour', day: 'Last day', '7d': 'Last 7 days', '30d': 'Last 30 days', all: 'All' };
const formatLabels: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON', otlp: 'OpenTelemetry JSON (OTLP)' };

export function App({ client, applyTheme, panelUrl }: MetricsAppProps) {
  const { state, load, openTrace, exportMetrics, importEvaluation, saveRules, promoteVariant } = useMetrics(client, applyTheme);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const { report } = state;
  const reload = useCallback(() => { void load(state.range, state.agent); }, [load, state.range, state.agent]);
  const disabled = client === null;

  return (
    <div className="metrics-page">
      <header className="metrics-header">
        <span className="brand-mark" aria-hidden="true">C</span>
        <div>
          <h1>Agent metrics</h1>
          <p className="muted">How each agent and tool performs, what it costs, and where it goes wrong. Computed in this browser from the spans Clera records.</p>
        </div>
      </header>

      <div className="metrics-toolbar card">
        <label className="toolbar-field">
          <span>Time range</span>
          <select className="select" aria-label="Time range" value={state.range} disabled={disabled} onChange={(event) => void load(event.currentTarget.value as TimeRange, state.agent)}>
            {timeRanges.map((range) => <option key={range} value={range}>{rangeLabels[range]}</option>)}
          </select>
        </label>
        <label className="toolbar-field">
          <span>Agent</span>
          <select className="select" aria-label="Agent" value={state.agent ?? ''} disabled={disabled} onChange={(event) => void load(state.range, event.currentTarget.value || null)}>
            <option value="">All agents</option>
            {[...new Set([...(report?.agentNames ?? []), ...(state.agent ? [state.agent] : [])])].map((name) => <option key={name} value={name}>{agentLabel(name)}</option>)}
          </select>
        </label>
        <span className="toolbar-spacer" />
        <label className="toolbar-field">
          <span>Export format</span>
          <select className="select" aria-label="Export format" value={format} disabled={disabled} onChange={(event) => { setFormat(event.currentTarget.value as ExportFormat); }}>
            {(Object.keys(formatLabels) as ExportFormat[]).map((key) => <option key={key} value={key}>{formatLabels[key]}</option>)}
          </select>
        </label>
        <button type="button" className="button button-primary" disabled={disabled} onClick={() => void exportMetrics(format)}>
          Export metrics
        </button>
      </div>
      <p role="status" className="metrics-note muted">
        {state.loading ? 'Loading…' : state.note || (report ? `Figures from ${report.from ? formatTime(report.from) : 'the first span'} to ${formatTime(report.to)}.` : '')}
      </p>
      {state.failure && <p role="alert" className="alert">{state.failure}</p>}

      {report && (
        <main aria-busy={state.loading || undefined}>
          <SummaryTiles summary={report.summary} />
          <GroupTable label="Agents" kind="agent" rows={report.agents} />
          <GroupTable label="Tools" kind="tool" rows={report.tools} />
          <RoutingSection routing={report.routing} onImport={(file) => void importEvaluation(file)} disabled={disabled} />
          <VariantsSection comparison={state.variants} onPromote={(variant) => void promoteVariant(variant)} disabled={disabled} />
          <RunEvaluationSection client={client} onRecorded={reload} />
          <Charts report={report} />
          <TracesSection traces={state.traces} open={state.trace} onOpen={(runId) => void openTrace(runId)} panelUrl={panelUrl} />
          <AlertsSection rules={state.rules} events={state.alerts} onSave={(rules) => void saveRules(rules)} disabled={disabled} />
          <p className="muted metrics-footnote">
            Latency percentiles are read from histograms with 2 % wide bins (exact below 100 ms). Cost is estimated from the price table dated {report.summary.pricesAsOf}.
          </p>
        </main>
      )}
    </div>
  );
}
