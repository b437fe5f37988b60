import type { PortClient } from '@/src/protocol/port-client';
import type { EvalPlan, EvalRunStatus, EvalSelection } from '@/src/protocol/eval-run';
import type { PushEvent } from '@/src/protocol/messages';

/**
 * "Run evaluation" as steps: choose (whole set or some categories, judge or not) → the estimate, shown before anything
 * is sent → confirm (the start carries the estimate the user saw) → progress case by case, Stop → the result.
 */
export type EvalRunStep =
  | { kind: 'choosing' }
  | { kind: 'estimating' }
  | { kind: 'confirming'; plan: EvalPlan; selection: EvalSelection; judge: boolean }
  | { kind: 'starting'; plan: EvalPlan }
  | { kind: 'running'; status: EvalRunStatus; stopping: boolean }
  | { kind: 'done'; status: EvalRunStatus };

export interface EvalRunView {
  step: EvalRunStep;
  error: string | null;
}

/** The cases to run: the whole set, or the chosen categories (at least one). */
export function selectionOf(scope: 'all' | 'some', chosen: readonly string[]): EvalSelection | null {
  if (scope === 'all') return { categories: [] };
  return chosen.length === 0 ? null : { categories: [...chosen] };
}

type Client = Pick<PortClient, 'request' | 'subscribe'>;

export function createEvalRunController(client: Client, onChange: (view: EvalRunView) => void, describeError: (error: unknown) => string) {
  let view: EvalRunView = { step: { kind: 'choosing' }, error: null };
  const set = (next: Partial<EvalRunView>) => {
    view = { ...view, ...next };
    onChange(view);
  };
  const show = (status: EvalRunStatus) => {
    if (status.state === 'running') set({ step: { kind: 'running', status, stopping: view.step.kind === 'running' && view.step.stopping } });
    else set({ step: { kind: 'done', status } });
  };
  /** After the background restarted: a run it no longer knows of ended with it. */
  const resync = async () => {
    let status: EvalRunStatus | null = null;
    try {
      status = (await client.request({ type: 'eval-run-status' })).status;
    } catch {
      return;
    }
    if (status) show(status);
    else if (view.step.kind === 'running') {
      const lost = view.step.status;
      set({ step: { kind: 'done', status: { ...lost, state: 'failed', current: null, error: 'the background stopped during the run; the cases it had finished were not recorded' } } });
    }
  };
  const unsubscribe = client.subscribe((event: PushEvent | { type: 'reconnected' }) => {
    if (event.type === 'eval-run-progress') show(event.status);
    if (event.type === 'reconnected') void resync();
  });

  return {
    get view() { return view; },
    /** A run already going (or finished) in the background: show it. */
    async restore() {
      try {
        const { status } = await client.request({ type: 'eval-run-status' });
        if (status) show(status);
      } catch {
        // Nothing to restore.
      }
    },
    /** Asks the background for the selection's estimate; nothing is sent to the model. */
    async estimate(selection: EvalSelection | null, judge: boolean) {
      if (!selection) {
        set({ error: 'Choose at least one category, or the whole set.' });
        return;
      }
      set({ step: { kind: 'estimating' }, error: null });
      try {
        const plan = await client.request({ type: 'eval-run-plan', selection, judge });
        set({ step: { kind: 'confirming', plan, selection, judge } });
      } catch (error) {
        set({ step: { kind: 'choosing' }, error: describeError(error) });
      }
    },
    /** Starts the run the user saw the estimate of; the background refuses if that estimate no longer holds. */
    async confirm() {
      const { step } = view;
      if (step.kind !== 'confirming') return;
      set({ step: { kind: 'starting', plan: step.plan }, error: null });
      try {
        const status = await client.request({ type: 'eval-run-start', selection: step.selection, judge: step.judge, confirmedCostUsd: step.plan.estimate.costUsd });
        // A progress event may already have moved past the start.
        if (view.step.kind === 'starting') show(status);
      } catch (error) {
        set({ step: { kind: 'choosing' }, error: describeError(error) });
      }
    },
    cancel() {
      if (view.step.kind === 'confirming') set({ step: { kind: 'choosing' }, error: null });
    },
    async stop() {
      const { step } = view;
      if (step.kind !== 'running') return;
      set({ step: { ...step, stopping: true } });
      try {
        await client.request({ type: 'eval-run-stop' });
      } catch (error) {
        set({ error: describeError(error) });
      }
    },
    /** Back to choosing after a finished run. */
    again() {
      set({ step: { kind: 'choosing' }, error: null });
    },
    dispose: unsubscribe,
  };
}

export type EvalRunController = ReturnType<typeof createEvalRunController>;

/** "$0.0123 for 2 cases" */
export function estimateLine(plan: EvalPlan, formatUsd: (usd: number) => string): string {
  return `Estimated cost: ${formatUsd(plan.estimate.costUsd)} for ${String(plan.cases.length)} case${plan.cases.length === 1 ? '' : 's'}`;
}

/** One price as the dated table gives it. */
export function priceLine(price: EvalPlan['estimate']['prices'][number]): string {
  return `${price.model}: $${price.input} per million input tokens, $${price.output} per million output tokens (price of ${price.asOf}, ${price.source}${price.verified ? '' : ', not verified'})`;
}

export function progressLine(status: EvalRunStatus): string {
  const done = status.results.length;
  const passed = status.results.filter((r) => r.passed).length;
  switch (status.state) {
    case 'running':
      return status.current ? `Case ${String(done + 1)} of ${String(status.total)}: ${status.current}…` : `${String(done)} of ${String(status.total)} cases done…`;
    case 'finished':
      return `Finished: ${String(passed)} of ${String(done)} cases passed.`;
    case 'stopped':
      return `Stopped after ${String(done)} of ${String(status.total)} cases: ${String(passed)} passed.`;
    case 'failed':
      return `The run failed after ${String(done)} of ${String(status.total)} cases: ${status.error ?? 'unknown error'}.`;
  }
}
