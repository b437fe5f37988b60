import { useRef } from 'react';
import type { MetricsReport } from '@/src/protocol/metrics';
import { agentLabel, formatCount, formatRate } from '../format';

/** Route distribution and routing accuracy from labelled turns, with the evaluation-results import. */
export function RoutingSection({ routing, onImport, disabled }: { routing: MetricsReport['routing']; onImport: (file: File) => void; disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const routes = Object.entries(routing.routes).sort((a, b) => b[1] - a[1]);
  const total = routes.reduce((sum, [, n]) => sum + n, 0);
  const { accuracy } = routing;
  return (
    <section aria-labelledby="heading-routing" role="region" className="metrics-section card">
      <h2 id="heading-routing">Routing</h2>
      <div className="routing-grid">
        <div>
          <h3>Route of each turn</h3>
          {routes.length === 0 ? (
            <p className="muted">No turns in this range.</p>
          ) : (
            <ul className="route-bars">
              {routes.map(([route, n]) => (
                <li key={route}>
                  <span className="route-name">{agentLabel(route)}</span>
                  <span className="route-bar" aria-hidden="true">
                    <span style={{ width: `${String((n / total) * 100)}%` }} />
                  </span>
                  <span className="route-count">
                    {formatCount(n)} ({formatRate(n / total)})
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="muted">Hand-offs away from the first route: {formatCount(routing.handoffs)}</p>
        </div>
        <div>
          <h3>Routing accuracy</h3>
          <p className="routing-accuracy" data-testid="routing-accuracy">
            {accuracy.accuracy === null ? 'not enough labelled turns' : formatRate(accuracy.accuracy)}
          </p>
          <p className="muted">
            {formatCount(accuracy.labelled)} labelled turns (at least {formatCount(accuracy.minimum)} needed): {formatCount(accuracy.sources.feedback)} from answer feedback,{' '}
            {formatCount(accuracy.sources.handoffs)} hand-offs, {formatCount(accuracy.sources.evaluation)} evaluation cases.
          </p>
          <input
            ref={input}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            aria-label="Evaluation results file"
            tabIndex={-1}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) onImport(file);
              event.currentTarget.value = '';
            }}
          />
          <button type="button" className="button button-secondary" disabled={disabled} onClick={() => input.current?.click()}>
            Import evaluation results
          </button>
        </div>
      </div>
    </section>
  );
}
