import { useEffect, useId, useRef, useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import { createEvalRunController, estimateLine, priceLine, progressLine, selectionOf, type EvalRunController, type EvalRunView } from '../eval-run-controller';
import { errorMessage } from '../../shared/error-message';
import { agentLabel, formatMs, formatUsd } from '../format';
import type { EvalRunCase } from '@/src/protocol/eval-run';

function judgeText(judge: EvalRunCase['judge']): string {
  if (judge.status === 'not run') return 'judge: not run';
  if (judge.status === 'error' || !judge.scores) return `judge error: ${judge.error ?? 'no verdict'}`;
  const s = judge.scores;
  return `judge: accuracy ${String(s.accuracy)}, actionability ${String(s.actionability)}, risk ${String(s.risk_considerations)}, tone ${String(s.professional_tone)}`;
}

function CaseRow({ result }: { result: EvalRunCase }) {
  return (
    <li className={`eval-case ${result.passed ? 'eval-pass' : 'eval-fail'}`}>
      <strong>{result.passed ? 'Passed' : 'Failed'}</strong> {result.caseId} <span className="muted">({result.category}, {result.agent ? agentLabel(result.agent) : 'no answer'}, {formatMs(result.durationMs)}, {formatUsd(result.costUsd)})</span>
      {result.failed.length > 0 && (
        <ul>
          {result.failed.map((f) => <li key={f.grader}>{f.grader}: {f.detail}</li>)}
        </ul>
      )}
      <span className="muted eval-judge"> {judgeText(result.judge)}</span>
    </li>
  );
}

/**
 * "Run evaluation": the evaluation set (or some categories) run with the user's own key, after the estimated cost is
 * shown and confirmed; the broker side is a simulated account per case, never the user's.
 */
export function RunEvaluationSection({ client, onRecorded }: { client: PortClient | null; onRecorded: () => void }) {
  const [view, setView] = useState<EvalRunView>({ step: { kind: 'choosing' }, error: null });
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [judge, setJudge] = useState(false);
  const [categories, setCategories] = useState<{ name: string; count: number }[]>([]);
  const controller = useRef<EvalRunController | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const ids = useId();
  const recordedRun = useRef<string | null>(null);

  useEffect(() => {
    if (!client) return;
    const c = createEvalRunController(client, setView, errorMessage);
    controller.current = c;
    void c.restore();
    // The categories to choose from (the plan of the whole set; nothing is sent to a model).
    client.request({ type: 'eval-run-plan', selection: { categories: [] }, judge: false }).then((plan) => { setCategories(plan.categories); }).catch(() => undefined);
    return () => { c.dispose(); controller.current = null; };
  }, [client]);

  const { step } = view;
  useEffect(() => {
    if (step.kind === 'confirming') confirmButton.current?.focus();
    if (step.kind === 'done' && step.status.recorded && recordedRun.current !== step.status.runId) {
      recordedRun.current = step.status.runId;
      onRecorded();
    }
  }, [step, onRecorded]);

  const busy = step.kind === 'estimating' || step.kind === 'starting' || step.kind === 'running';
  const total = categories.reduce((sum, c) => sum + c.count, 0);
  const toggle = (name: string, on: boolean) => { setChosen((current) => (on ? [...current, name] : current.filter((c) => c !== name))); };

  return (
    <section aria-labelledby={`${ids}-heading`} role="region" className="metrics-section card eval-run">
      <h2 id={`${ids}-heading`}>Evaluate on your model</h2>
      <p className="muted">
        Runs the evaluation set through Clera’s agents with your Anthropic key and the models in your settings, and grades each answer with the same
        deterministic checks as <code>npm run eval</code>. Each case uses its own simulated brokerage account in this browser: your Alpaca account is not
        contacted and no order can be placed. The results count in routing accuracy and in the prompt variants comparison.
      </p>
      {(step.kind === 'choosing' || step.kind === 'estimating') && (
        <div className="eval-choose">
          <fieldset disabled={busy || client === null}>
            <legend>Cases</legend>
            <label className="eval-option">
              <input type="radio" name={`${ids}-scope`} checked={scope === 'all'} onChange={() => { setScope('all'); }} /> The whole set{total > 0 ? ` (${String(total)} cases)` : ''}
            </label>
            <label className="eval-option">
              <input type="radio" name={`${ids}-scope`} checked={scope === 'some'} onChange={() => { setScope('some'); }} /> Some categories
            </label>
            <div className="eval-categories" role="group" aria-label="Categories">
              {categories.map((c) => (
                <label key={c.name} className="eval-option">
                  <input type="checkbox" disabled={scope !== 'some'} checked={chosen.includes(c.name)} onChange={(event) => { toggle(c.name, event.currentTarget.checked); }} /> {c.name} ({c.count})
                </label>
              ))}
            </div>
          </fieldset>
          <label className="eval-option">
            <input type="checkbox" checked={judge} disabled={busy || client === null} onChange={(event) => { setJudge(event.currentTarget.checked); }} /> Also ask the LLM judge to score each answer (one more model call per case: it costs more)
          </label>
          <button type="button" className="button button-primary" disabled={busy || client === null} onClick={() => void controller.current?.estimate(selectionOf(scope, chosen), judge)}>
            Run evaluation
          </button>
          {step.kind === 'estimating' && <p role="status">Estimating the cost…</p>}
        </div>
      )}

      {step.kind === 'confirming' && (
        <div className="eval-confirm" role="group" aria-labelledby={`${ids}-estimate`}>
          <p id={`${ids}-estimate`} className="eval-estimate">{estimateLine(step.plan, formatUsd)}</p>
          <ul className="eval-prices">
            {step.plan.estimate.prices.map((price) => <li key={price.model}>{priceLine(price)}</li>)}
            {step.plan.estimate.unpriced.map((model) => <li key={model}>{model}: no known price, not included in the estimate</li>)}
          </ul>
          <p className="muted">
            Models: {step.plan.models.supervisor} (supervisor), {step.plan.models.specialist} (specialists){step.plan.estimate.basis.includes('judge ') ? `; judge ${step.plan.judgeModel}` : '; no judge'}. Prompt variant {step.plan.variant}.
            How: {step.plan.estimate.basis}; request sizes measured on {step.plan.sizedOn}. The real cost depends on the answers.
          </p>
          <p className="muted">Model calls go to {step.plan.anthropicUrl} with your key.</p>
          {!step.plan.keySet && <p role="alert" className="alert">Add your Anthropic API key in Settings to run the evaluation.</p>}
          <div className="eval-actions">
            <button ref={confirmButton} type="button" className="button button-primary" disabled={!step.plan.keySet} onClick={() => void controller.current?.confirm()}>
              Confirm and run
            </button>
            <button type="button" className="button button-secondary" onClick={() => { controller.current?.cancel(); }}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {step.kind === 'starting' && <p role="status">Starting…</p>}

      {(step.kind === 'running' || step.kind === 'done') && (
        <div className="eval-progress">
          <p role="status" className="eval-progress-line">
            {progressLine(step.status)}
            {step.kind === 'running' && step.stopping ? ' Stopping after the case in progress…' : ''}
          </p>
          {step.kind === 'running' && (
            <progress max={step.status.total} value={step.status.results.length} aria-label="Evaluation progress" />
          )}
          <ol className="eval-cases" aria-label="Evaluated cases">
            {step.status.results.map((result) => <CaseRow key={result.caseId} result={result} />)}
          </ol>
          <p className="muted">{step.kind === 'running' ? 'Spent so far' : 'Spent'} (estimated from the recorded tokens and the dated price table): {formatUsd(step.status.spentUsd)}.</p>
          {step.kind === 'running' && (
            <button type="button" className="button button-secondary" disabled={step.stopping} onClick={() => void controller.current?.stop()}>
              Stop
            </button>
          )}
          {step.kind === 'done' && (
            <>
              <p className="muted">
                {step.status.recorded
                  ? `Recorded ${String(step.status.recorded.cases)} case${step.status.recorded.cases === 1 ? '' : 's'} for routing accuracy and the prompt variants comparison.`
                  : 'No case finished, so nothing was recorded.'}
              </p>
              <button type="button" className="button button-secondary" onClick={() => { controller.current?.again(); }}>
                New evaluation
              </button>
            </>
          )}
        </div>
      )}
      {view.error && <p role="alert" className="alert">{view.error}</p>}
    </section>
  );
}
