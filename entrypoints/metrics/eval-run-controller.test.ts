import { describe, expect, it } from 'vitest';
import { createEvalRunController, estimateLine, priceLine, progressLine, selectionOf, type EvalRunView } from './eval-run-controller';
import type { EvalPlan, EvalRunStatus } from '@/src/protocol/eval-run';
import type { PushEvent } from '@/src/protocol/messages';
import { formatUsd } from './format';

const plan: EvalPlan = {
  datasetVersion: 1,
  categories: [{ name: 'suitability', count: 2 }, { name: 'routing', count: 32 }],
  cases: [{ id: 'a', category: 'suitability', question: 'Q1' }, { id: 'b', category: 'suitability', question: 'Q2' }],
  estimate: { costUsd: 0.0421, basis: '2 cases sized by a scripted run', prices: [{ model: 'claude-sonnet-5', input: '2', output: '10', asOf: '2026-08-19', source: 'pricing page', verified: true }], unpriced: [] },
  models: { supervisor: 'claude-sonnet-5', specialist: 'claude-haiku-4-5' },
  judgeModel: 'claude-sonnet-5',
  sizedOn: '2026-12-05',
  keySet: true,
  anthropicUrl: 'https://api.anthropic.com',
  variant: 'default@v1',
};
const running = (results: EvalRunStatus['results'], current: string | null): EvalRunStatus => ({ runId: 'r1', state: 'running', total: 2, judge: false, results, current, spentUsd: 0, recorded: null });
const caseResult = (caseId: string, passed: boolean) => ({ caseId, category: 'suitability', passed, failed: passed ? [] : [{ grader: 'route', detail: 'wrong agent' }], agent: 'supervisor', judge: { status: 'not run' as const }, costUsd: 0.01, durationMs: 900 });

function fakeClient() {
  const sent: { type: string; [key: string]: unknown }[] = [];
  const listeners = new Set<(event: PushEvent | { type: 'reconnected' }) => void>();
  const answers: Record<string, unknown> = {
    'eval-run-plan': plan,
    'eval-run-start': running([], 'a'),
    'eval-run-stop': { stopping: true },
    'eval-run-status': { status: null },
  };
  return {
    sent,
    push: (event: PushEvent | { type: 'reconnected' }) => { for (const listener of listeners) listener(event); },
    client: {
      request: (body: { type: string }) => {
        sent.push(body);
        return Promise.resolve(answers[body.type]);
      },
      subscribe: (listener: (event: PushEvent | { type: 'reconnected' }) => void) => {
        listeners.add(listener);
        return () => { listeners.delete(listener); };
      },
    },
  };
}

function controller() {
  const fake = fakeClient();
  const views: EvalRunView[] = [];
  const c = createEvalRunController(fake.client as never, (view) => { views.push(view); }, (error) => String(error));
  return { ...fake, c, views };
}

describe('the run plan on the metrics page', () => {
  it('selects the whole set, or the chosen categories, and refuses an empty choice', () => {
    expect(selectionOf('all', ['routing'])).toEqual({ categories: [] });
    expect(selectionOf('some', ['suitability', 'outage'])).toEqual({ categories: ['suitability', 'outage'] });
    expect(selectionOf('some', [])).toBeNull();
  });

  it('shows the estimate before any call: pressing Run evaluation only asks for the plan', async () => {
    const { c, sent } = controller();
    await c.estimate({ categories: ['suitability'] }, false);
    expect(sent).toEqual([{ type: 'eval-run-plan', selection: { categories: ['suitability'] }, judge: false }]);
    expect(c.view.step.kind).toBe('confirming');
    expect(estimateLine(plan, formatUsd)).toBe('Estimated cost: $0.0421 for 2 cases');
    expect(priceLine(plan.estimate.prices[0]!)).toBe('claude-sonnet-5: $2 per million input tokens, $10 per million output tokens (price of 2026-08-19, pricing page)');
  });

  it('an empty choice asks for a category and sends nothing', async () => {
    const { c, sent } = controller();
    await c.estimate(selectionOf('some', []), true);
    expect(sent).toEqual([]);
    expect(c.view.error).toMatch(/at least one category/);
  });

  it('Cancel goes back without starting; Confirm starts with the estimate that was shown', async () => {
    const { c, sent } = controller();
    await c.estimate({ categories: ['suitability'] }, true);
    c.cancel();
    expect(c.view.step.kind).toBe('choosing');
    expect(sent.map((s) => s.type)).toEqual(['eval-run-plan']);
    await c.estimate({ categories: ['suitability'] }, true);
    await c.confirm();
    expect(sent.at(-1)).toEqual({ type: 'eval-run-start', selection: { categories: ['suitability'] }, judge: true, confirmedCostUsd: 0.0421 });
    expect(c.view.step).toMatchObject({ kind: 'running', stopping: false });
  });

  it('follows progress case by case, and Stop asks the background to stop', async () => {
    const { c, sent, push } = controller();
    await c.estimate({ categories: ['suitability'] }, false);
    await c.confirm();
    push({ type: 'eval-run-progress', status: running([caseResult('a', true)], 'b') });
    expect(c.view.step.kind === 'running' && progressLine(c.view.step.status)).toBe('Case 2 of 2: b…');
    await c.stop();
    expect(sent.at(-1)).toEqual({ type: 'eval-run-stop' });
    expect(c.view.step).toMatchObject({ kind: 'running', stopping: true });
    push({ type: 'eval-run-progress', status: { ...running([caseResult('a', true)], null), state: 'stopped', recorded: { cases: 1, routeRight: 1 } } });
    expect(c.view.step.kind).toBe('done');
    expect(c.view.step.kind === 'done' && progressLine(c.view.step.status)).toBe('Stopped after 1 of 2 cases: 1 passed.');
  });

  it('a run the restarted background no longer knows of is shown as ended, not as running forever', async () => {
    const { c, push } = controller();
    await c.estimate({ categories: ['suitability'] }, false);
    await c.confirm();
    push({ type: 'eval-run-progress', status: running([caseResult('a', false)], 'b') });
    push({ type: 'reconnected' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(c.view.step.kind).toBe('done');
    expect(c.view.step.kind === 'done' && progressLine(c.view.step.status)).toBe('The run failed after 1 of 2 cases: the background stopped during the run; the cases it had finished were not recorded.');
  });

  it('Stop before a run does nothing', async () => {
    const { c, sent } = controller();
    await c.stop();
    expect(sent).toEqual([]);
  });
});
