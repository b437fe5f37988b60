import type { MetricsReport } from '@/src/protocol/metrics';
import { formatCount, formatMs, formatRate, formatUsd } from '../format';

function Tile({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="metric-tile" role="group" aria-label={label}>
      <dt>{label}</dt>
      <dd>
        <span className="metric-value">{value}</span>
        {detail && <span className="metric-detail">{detail}</span>}
      </dd>
    </div>
  );
}

/** The headline figures for the range. */
export function SummaryTiles({ summary }: { summary: MetricsReport['summary'] }) {
  const { tokens, orders } = summary;
  return (
    <section aria-label="Summary" className="metrics-section">
      <dl className="metric-tiles">
        <Tile label="Turns" value={formatCount(summary.turns)} />
        <Tile label="Answer success rate" value={formatRate(summary.answerSuccessRate)} />
        <Tile label="Time to first token" value={`${formatMs(summary.ttftP50Ms)} p50`} detail={`${formatMs(summary.ttftP95Ms)} p95`} />
        <Tile label="Time to full answer" value={`${formatMs(summary.answerP50Ms)} p50`} detail={`${formatMs(summary.answerP95Ms)} p95`} />
        <Tile label="Tokens" value={`${formatCount(tokens.input)} in · ${formatCount(tokens.output)} out`} detail={`cache read ${formatCount(tokens.cacheRead)} · cache write ${formatCount(tokens.cacheWrite)}`} />
        <Tile
          label="Estimated cost"
          value={formatUsd(summary.costUsd)}
          detail={`prices as of ${summary.pricesAsOf}${summary.unpricedCalls > 0 ? ` · ${String(summary.unpricedCalls)} calls without a price` : ''}`}
        />
        <Tile
          label="Orders"
          value={`${formatCount(orders.proposed)} proposed`}
          detail={`${formatCount(orders.confirmed)} confirmed · ${formatCount(orders.rejected)} rejected · ${formatCount(orders.expired)} expired`}
        />
      </dl>
    </section>
  );
}
