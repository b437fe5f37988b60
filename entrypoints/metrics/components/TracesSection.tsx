import type { TraceSummary } from '@/src/protocol/metrics';
import type { Span } from '@/src/monitoring/span';
import { agentLabel, formatCount, formatMs, formatTime, formatUsd } from '../format';

function spanLabel(span: Span): string {
  switch (span.kind) {
    case 'model-call':
      return `Model call · ${agentLabel(span.agent ?? '')} · ${span.model ?? ''}`;
    case 'tool-call':
      return `Tool · ${span.tool ?? ''}`;
    case 'agent-run':
      return `Turn · answered by ${agentLabel(span.agent ?? '')}`;
    case 'handoff':
      return `Hand-off · ${String(span.detail?.from ?? '')} → ${String(span.detail?.to ?? '')}`;
    case 'fallback':
      return `Fallback · ${String(span.detail?.from ?? '')} → ${String(span.detail?.to ?? '')} (${String(span.detail?.reason ?? '')})`;
    case 'approval':
      return `Approval · ${String(span.detail?.decision ?? '')}`;
    default:
      return span.kind;
  }
}

function Waterfall({ spans, panelUrl }: { spans: Span[]; panelUrl: string }) {
  const start = Math.min(...spans.map((span) => Date.parse(span.startedAt)));
  const end = Math.max(...spans.map((span) => Date.parse(span.endedAt)));
  const total = Math.max(1, end - start);
  const conversationId = spans.find((span) => span.conversationId)?.conversationId;
  return (
    <div className="waterfall">
      {conversationId && (
        <p>
          <a href={`${panelUrl}?conversation=${encodeURIComponent(conversationId)}`} target="_blank" rel="noopener noreferrer">
            Open the conversation
          </a>
        </p>
      )}
      <table aria-label="Waterfall" className="metrics-table waterfall-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Timing</th>
            <th scope="col">Start</th>
            <th scope="col">Duration</th>
            <th scope="col">Tokens in / out</th>
            <th scope="col">Cost</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {spans.map((span) => {
            const offset = Date.parse(span.startedAt) - start;
            return (
              <tr key={span.id} className={span.outcome === 'ok' ? undefined : 'row-failed'}>
                <th scope="row">{spanLabel(span)}</th>
                <td className="waterfall-cell" aria-hidden="true">
                  <span className={`waterfall-bar waterfall-${span.kind}`} style={{ left: `${String((offset / total) * 100)}%`, width: `max(3px, ${String((span.latencyMs / total) * 100)}%)` }} />
                </td>
                <td>+{formatMs(offset)}</td>
                <td>{formatMs(span.latencyMs)}</td>
                <td>{span.tokens ? `${formatCount(span.tokens.input)} / ${formatCount(span.tokens.output)}` : '—'}</td>
                <td>{span.costUsd ? formatUsd(span.costUsd) : '—'}</td>
                <td>{span.outcome}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Recent turns; opening one shows its waterfall of model calls, tool calls, hand-offs, fallbacks and approvals. */
export function TracesSection(props: { traces: TraceSummary[]; open: { runId: string; spans: Span[] } | null; onOpen: (runId: string | null) => void; panelUrl: string }) {
  const { traces, open, onOpen, panelUrl } = props;
  return (
    <section aria-labelledby="heading-traces" role="region" className="metrics-section card">
      <h2 id="heading-traces">Traces</h2>
      {traces.length === 0 ? (
        <p className="muted">No turns in this range.</p>
      ) : (
        <ul className="trace-list">
          {traces.map((trace) => {
            const expanded = open?.runId === trace.runId;
            return (
              <li key={trace.runId}>
                <button type="button" className="trace-button" aria-expanded={expanded} onClick={() => { onOpen(expanded ? null : trace.runId); }}>
                  <span>{formatTime(trace.startedAt)}</span>
                  <span>{agentLabel(trace.agent)}</span>
                  <span>{trace.route.length > 0 ? trace.route.map(agentLabel).join(' → ') : 'direct'}</span>
                  <span>{formatMs(trace.latencyMs)}</span>
                  <span className={trace.outcome === 'ok' ? 'outcome-ok' : 'outcome-failed'}>{trace.outcome === 'ok' ? 'answered' : trace.outcome}</span>
                </button>
                {expanded && <Waterfall spans={open.spans} panelUrl={panelUrl} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
