import type { Handlers } from './port-server';
import type { Clock } from '../platform/clock';
import { userInputError } from '../protocol/errors';
import { resolveEndpoints } from '../protocol/settings';
import { EVAL_IMPORT_FORMAT, type EvalImport } from '../monitoring/eval-import';
import type { EvalRunStatus, EvalSelection, EvaluationRunner } from '../protocol/eval-run';
import type { PushEvent } from '../protocol/messages';
import type { SettingsRepository } from '../store/settings-repository';

type EvalRunRequest = 'eval-run-plan' | 'eval-run-start' | 'eval-run-stop' | 'eval-run-status';

export interface EvalRunDeps {
  runner: EvaluationRunner | undefined;
  settings: Pick<SettingsRepository, 'get' | 'secrets'>;
  /** The network (the nested app uses it for the Anthropic base URL only). */
  fetch: typeof fetch;
  clock: Clock;
  /** A run id. */
  newId: () => string;
  keepAlive: (work: Promise<unknown>) => void;
  broadcast: (event: PushEvent) => void;
  /** The prompt variant conversations get by default (the experiment split's). */
  variant: () => Promise<string>;
  /** Saves the finished cases as an imported evaluation (routing accuracy, variant comparison). */
  record: (file: EvalImport) => Promise<{ cases: number; routeRight: number }>;
  log: (message: string, details?: Record<string, unknown>) => void;
}

/** Cents of tolerance between the estimate the user confirmed and the estimate at start (rounding on the page). */
const CONFIRM_TOLERANCE_USD = 0.005;

/**
 * "Run evaluation": the plan and its estimate (nothing sent), a start that needs the shown estimate confirmed, one run
 * at a time with its state pushed after each case, Stop, and the finished cases recorded like an imported evaluation.
 */
export function createEvalRunHandlers(deps: EvalRunDeps): Pick<Handlers, EvalRunRequest> {
  let current: { status: EvalRunStatus; stop: AbortController } | null = null;
  const runner = () => {
    if (!deps.runner) throw userInputError('eval-unavailable', 'Run evaluation is not available in this build.');
    return deps.runner;
  };
  const push = (run: { status: EvalRunStatus }, status: EvalRunStatus) => {
    run.status = status;
    deps.broadcast({ type: 'eval-run-progress', status });
  };
  const plan = async (selection: EvalSelection, judge: boolean) => {
    const [settings, secrets, variant] = await Promise.all([deps.settings.get(), deps.settings.secrets(), deps.variant()]);
    const models = { supervisor: settings.models.supervisor, specialist: settings.models.specialist };
    let core;
    try {
      core = runner().plan(selection, { judge, models });
    } catch (error) {
      if (error instanceof Error && /Unknown case/.test(error.message)) throw userInputError('eval-unknown-case', error.message);
      throw error;
    }
    return { core, settings, secrets, models, variant };
  };

  return {
    'eval-run-plan': async (request) => {
      const { core, secrets, settings, variant } = await plan(request.selection, request.judge);
      return { ...core, keySet: secrets.anthropicApiKey !== '', anthropicUrl: resolveEndpoints(settings).anthropic, variant };
    },
    'eval-run-start': async (request) => {
      if (current?.status.state === 'running') throw userInputError('eval-running', 'An evaluation is already running; stop it or wait for it to finish.');
      const { core, secrets, settings, models, variant } = await plan(request.selection, request.judge);
      if (!secrets.anthropicApiKey) throw userInputError('missing-anthropic-key', 'Add your Anthropic API key in Settings to run the evaluation.');
      if (core.cases.length === 0) throw userInputError('eval-empty', 'Choose at least one case.');
      if (Math.abs(core.estimate.costUsd - request.confirmedCostUsd) > CONFIRM_TOLERANCE_USD) {
        throw userInputError('eval-estimate-changed', 'The estimate changed since it was shown (settings or selection); look at the new estimate and confirm again.');
      }
      const stop = new AbortController();
      const status: EvalRunStatus = { runId: deps.newId(), state: 'running', total: core.cases.length, judge: request.judge, results: [], current: core.cases[0]?.id ?? null, spentUsd: 0, recorded: null };
      const active = { status, stop };
      current = active;
      const startedAt = deps.clock.now().toISOString();
      const work = (async () => {
        try {
          const outcome = await runner().run(request.selection, {
            judge: request.judge,
            models,
            variant,
            anthropicUrl: resolveEndpoints(settings).anthropic,
            apiKey: secrets.anthropicApiKey,
            trustedKeyOrigins: settings.trustedKeyOrigins,
            fetch: deps.fetch,
            signal: stop.signal,
            onCase: (result, spentUsd, next) => {
              push(active, { ...active.status, results: [...active.status.results, result], spentUsd, current: stop.signal.aborted ? null : next });
            },
          });
          const recorded = outcome.importCases.length > 0
            ? await deps.record({ format: EVAL_IMPORT_FORMAT, version: 1, runAt: startedAt, label: outcome.label, cases: outcome.importCases })
            : null;
          push(active, { ...active.status, state: outcome.stopped ? 'stopped' : 'finished', current: null, spentUsd: outcome.spentUsd, recorded });
        } catch (error) {
          deps.log('The evaluation run failed.', { error: error instanceof Error ? error.message : String(error) });
          push(active, { ...active.status, state: stop.signal.aborted ? 'stopped' : 'failed', current: null, error: error instanceof Error ? error.message : String(error) });
        }
      })();
      deps.keepAlive(work);
      return status;
    },
    'eval-run-stop': () => {
      if (current?.status.state !== 'running') return Promise.resolve({ stopping: false });
      current.stop.abort();
      return Promise.resolve({ stopping: true });
    },
    'eval-run-status': () => Promise.resolve({ status: current?.status ?? null }),
  };
}
