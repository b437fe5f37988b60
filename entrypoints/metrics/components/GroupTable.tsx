import type { AgentRow, GroupRow } from '@/src/protocol/metrics';
import { agentLabel, dash, formatCount, formatErrors, formatMs, formatRate, formatUsd } from '../format';

/** The "Agents" or "Tools" table: one row per agent or tool. */
export function GroupTable({ label, rows, kind }: { label: 'Agents' | 'Tools'; rows: (AgentRow | GroupRow)[]; kind: 'agent' | 'tool' }) {
  const callsLabel = kind === 'agent' ? 'Model calls' : 'Calls';
  return (
    <section aria-labelledby={`heading-${kind}`} className="metrics-section card">
      <h2 id={`heading-${kind}`}>{label}</h2>
      {rows.length === 0 ? (
        <p className="muted">No {kind === 'agent' ? 'agent' : 'tool'} activity in this range.</p>
      ) : (
        <div className="table-scroll">
          <table aria-label={label} className="metrics-table">
            <thead>
              <tr>
                <th scope="col">{kind === 'agent' ? 'Agent' : 'Tool'}</th>
                {kind === 'agent' && <th scope="col">Turns</th>}
                <th scope="col">{callsLabel}</th>
                <th scope="col">Success rate</th>
                <th scope="col">Error kinds</th>
                <th scope="col">p50 latency</th>
                <th scope="col">p95 latency</th>
                <th scope="col">Tokens in / out</th>
                <th scope="col">Cost</th>
                <th scope="col">Fallback rate</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name} data-name={row.name}>
                  <th scope="row">{kind === 'agent' ? agentLabel(row.name) : row.name}</th>
                  {kind === 'agent' && <td data-column="turns">{'turns' in row ? formatCount(row.turns) : dash}</td>}
                  <td data-column="calls">{formatCount(row.calls)}</td>
                  <td data-column="success-rate">{formatRate(row.successRate)}</td>
                  <td data-column="errors" className="cell-errors">{formatErrors(row.errors)}</td>
                  <td data-column="p50">{formatMs(row.p50Ms)}</td>
                  <td data-column="p95">{formatMs(row.p95Ms)}</td>
                  <td data-column="tokens">{`${formatCount(row.tokens.input)} / ${formatCount(row.tokens.output)}`}</td>
                  <td data-column="cost" data-usd={row.costUsd}>{formatUsd(row.costUsd)}</td>
                  <td data-column="fallback-rate">{formatRate(row.fallbackRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
