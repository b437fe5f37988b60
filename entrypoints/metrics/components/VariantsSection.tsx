import type { VariantComparison } from '@/src/protocol/metrics';
import { dash, formatCount, formatMs, formatRate } from '../format';

type Row = VariantComparison['rows'][number];
type Rate = Row['success'];

const idOf = (label: string) => label.replace(/@v\d+$/, '');

function RateCell({ figure, column }: { figure: Rate; column: string }) {
  const interval = figure.interval ? ` (95% ${formatRate(figure.interval[0])}–${formatRate(figure.interval[1])})` : '';
  return (
    <td data-column={column}>
      <span>{figure.n === 0 ? dash : `${formatRate(figure.rate)}${interval}`}</span>
      <span className="muted variant-n"> n = {formatCount(figure.n)}</span>
      {figure.note && <span className={`variant-note${figure.vsBaseline.kind === 'tested' && figure.vsBaseline.significant ? ' variant-significant' : ''}`}>{figure.note}</span>}
    </td>
  );
}

function judgeText(row: Row): string {
  const means = row.evaluation.judgeMeans;
  if (!means) return 'judge: not run';
  const f = (value: number) => value.toFixed(1);
  return `accuracy ${f(means.accuracy)}, actionability ${f(means.actionability)}, risk ${f(means.risk_considerations)}, tone ${f(means.professional_tone)} (n = ${formatCount(row.evaluation.judged)})`;
}

/**
 * Prompt variants side by side: answer success, feedback, imported evaluation results and judge scores, tokens and
 * latency, each rate with its sample and a note against the current default; any other variant can be promoted.
 */
export function VariantsSection({ comparison, onPromote, disabled }: { comparison: VariantComparison | null; onPromote: (variant: string) => void; disabled: boolean }) {
  const known = new Map((comparison?.known ?? []).map((v) => [v.label, v]));
  const splitText = comparison?.split.filter((arm) => arm.weight > 0).map((arm) => `${arm.variant} ${String(arm.weight)}%`).join(', ');
  return (
    <section aria-labelledby="heading-variants" role="region" className="metrics-section card">
      <h2 id="heading-variants">Prompt variants</h2>
      {!comparison ? (
        <p className="muted">Loading the variants…</p>
      ) : (
        <>
          <p className="muted">
            Current split: {splitText || 'default 100%'}. Rates are compared with the default ({comparison.baseline}) by a two-proportion z-test, with 95% Wilson
            intervals; below {formatCount(comparison.minimum)} samples in either variant a rate says “Not enough data”.
            {comparison.unlabelledTurns > 0 ? ` ${formatCount(comparison.unlabelledTurns)} older turns recorded no variant and are left out.` : ''}
          </p>
          <div className="table-scroll">
            <table aria-label="Prompt variants" className="metrics-table">
              <thead>
                <tr>
                  <th scope="col">Variant</th>
                  <th scope="col">Answer success</th>
                  <th scope="col">Good feedback</th>
                  <th scope="col">Evaluation passed</th>
                  <th scope="col">Judge means (1–5)</th>
                  <th scope="col">Tokens per turn</th>
                  <th scope="col">p50 / p95 latency</th>
                  <th scope="col">Default</th>
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((row) => {
                  const id = idOf(row.variant);
                  const promotable = known.get(row.variant) !== undefined && row.variant !== comparison.baseline;
                  return (
                    <tr key={row.variant} data-name={row.variant}>
                      <th scope="row" title={known.get(row.variant)?.description}>{row.variant}</th>
                      <RateCell figure={row.success} column="success" />
                      <RateCell figure={row.feedback} column="feedback" />
                      <RateCell figure={row.evaluation} column="evaluation" />
                      <td data-column="judge">{judgeText(row)}</td>
                      <td data-column="tokens">{row.tokens.perTurn === null ? dash : formatCount(Math.round(row.tokens.perTurn))}</td>
                      <td data-column="latency">{`${formatMs(row.latency.p50Ms)} / ${formatMs(row.latency.p95Ms)}`}</td>
                      <td data-column="default">
                        {row.variant === comparison.baseline ? (
                          <span>Default</span>
                        ) : promotable ? (
                          <button type="button" className="button button-secondary" disabled={disabled} onClick={() => { onPromote(id); }}>
                            {`Promote variant ${id} to default`}
                          </button>
                        ) : (
                          <span className="muted">no longer available</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
