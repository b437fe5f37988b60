import type { Handlers } from './port-server';
import type { Clock, IdSource } from '../platform/clock';
import { RANGE_MS, type TimeRange } from '../protocol/metrics';
import { userInputError } from '../protocol/errors';
import type { ConversationRepository } from '../store/conversation-repository';
import type { RunRepository } from '../store/run-repository';
import type { MetricsRepository } from '../store/metrics-repository';
import type { AlertRepository } from '../store/alert-repository';
import type { AlertMonitor } from '../monitoring/alert-monitor';
import { defaultAlertRules } from '../monitoring/alert-rules';
import { computeReport } from '../monitoring/metrics-report';
import { routeWasRight, tallyByVariant, type EvalImport } from '../monitoring/eval-import';
import { compareVariants } from '../monitoring/variant-comparison';
import { experimentVariants, findExperimentVariant, variantLabel, type SplitArm } from '../agents/experiments';
import { choiceFromSplit } from '../protocol/experiment';
import { exportSpans } from '../monitoring/span-export';
import { firstRoute, handedOff } from '../monitoring/rollup';
import type { ConsentPolicy } from '../protocol/privacy';

type MetricsRequest = 'metrics-report' | 'metrics-traces' | 'metrics-trace' | 'metrics-export' | 'feedback-give' | 'eval-import' | 'metrics-variants' | 'experiment-promote' | 'alerts-get' | 'alerts-save';

/** The experiment split in settings: read, and promote one variant to 100%. */
export interface ExperimentSettings {
  split(): Promise<SplitArm[]>;
  setSplit(split: SplitArm[]): Promise<void>;
}

export interface MetricsHandlerDeps {
  repository: MetricsRepository;
  alerts: AlertRepository;
  monitor: AlertMonitor;
  conversations: ConversationRepository;
  runs: RunRepository;
  clock: Clock;
  ids: IdSource;
  /** Feedback labels a conversation for evaluation: kept only with the user's consent. */
  consent?: ConsentPolicy;
  experiment?: ExperimentSettings;
}

/** The current default of a split (its first known arm, as the options page reads it), by label. */
export function baselineOf(split: readonly SplitArm[]): string {
  const variant = findExperimentVariant(choiceFromSplit(split).defaultVariant) ?? experimentVariants[0];
  return variant ? variantLabel(variant) : 'default@v1';
}

/** Saves an evaluation's cases (an imported file, or a run from the metrics page) for routing accuracy and variants. */
export async function recordEvalImport(deps: Pick<MetricsHandlerDeps, 'repository' | 'ids' | 'clock'>, results: EvalImport): Promise<{ cases: number; routeRight: number; routeWrong: number }> {
  const { cases } = results;
  const routeRight = cases.filter(routeWasRight).length;
  const byRoute: Record<string, { right: number; wrong: number }> = {};
  for (const entry of cases) {
    const tally = (byRoute[entry.actualRoute] ??= { right: 0, wrong: 0 });
    if (routeWasRight(entry)) tally.right += 1;
    else tally.wrong += 1;
  }
  await deps.repository.saveEvalImport({
    id: deps.ids.next('eval'),
    importedAt: deps.clock.now().toISOString(),
    runAt: results.runAt,
    ...(results.label ? { label: results.label } : {}),
    cases: cases.length,
    routeRight,
    routeWrong: cases.length - routeRight,
    byRoute,
    passed: cases.filter((entry) => entry.passed).length,
    byVariant: tallyByVariant(cases),
  });
  return { cases: cases.length, routeRight, routeWrong: cases.length - routeRight };
}

/** An export holds at most this many spans (the newest). */
const EXPORT_LIMIT = 100_000;

/** The metrics view's requests and the panel's answer feedback. */
export function createMetricsHandlers(deps: MetricsHandlerDeps): Pick<Handlers, MetricsRequest> {
  const rangeWindow = (range: TimeRange) => {
    const now = deps.clock.now();
    return { from: range === 'all' ? '' : new Date(now.getTime() - RANGE_MS[range]).toISOString(), to: new Date(now.getTime() + 1).toISOString() };
  };
  const alertsView = async () => ({ rules: await deps.alerts.rules(defaultAlertRules), events: await deps.alerts.events(100) });

  return {
    'metrics-report': (request) => computeReport(deps.repository, { range: request.range, agent: request.agent, now: deps.clock.now() }),
    'metrics-traces': async (request) => {
      const { from, to } = rangeWindow(request.range);
      const runs = await deps.repository.spansOfKind('agent-run', from, to, request.limit);
      return {
        traces: runs.flatMap((span) =>
          span.runId
            ? [{ runId: span.runId, conversationId: span.conversationId ?? null, agent: span.agent ?? 'supervisor', startedAt: span.startedAt, latencyMs: span.latencyMs, outcome: span.outcome, route: span.route ?? [] }]
            : [],
        ),
      };
    },
    'metrics-trace': async (request) => ({ spans: await deps.repository.runSpans(request.runId) }),
    'metrics-export': async (request) => {
      const { from, to } = rangeWindow(request.range);
      const spans = (await deps.repository.spans(from, to)).slice(-EXPORT_LIMIT);
      const file = exportSpans(spans, request.format);
      const stamp = deps.clock.now().toISOString().slice(0, 16).replace(':', '');
      return { fileName: `clera-metrics-${request.range}-${stamp}.${file.extension}`, mime: file.mime, text: file.text, count: spans.length };
    },
    'feedback-give': async (request) => {
      if (deps.consent?.allows('evaluation') === false) {
        throw userInputError('consent-evaluation', 'Using conversations in evaluation is off (Settings → Privacy): feedback is not kept.');
      }
      const message = await deps.conversations.message(request.messageId);
      const runId = message?.meta?.runId;
      if (!message || message.role !== 'assistant' || !runId) throw userInputError('not-an-answer', 'Feedback can only be given on a finished answer.');
      const run = await deps.runs.get(runId);
      const route = run ? [...run.state.route, ...(run.state.handoff ? [`handoff:${run.state.handoff}`] : [])] : [];
      await deps.repository.saveFeedback({
        messageId: message.id,
        runId,
        conversationId: message.conversationId,
        rating: request.rating,
        ...(request.rating === 'bad' && request.reason ? { reason: request.reason } : {}),
        handedOff: handedOff(route),
        route: firstRoute(route),
        ...(message.meta?.variant ? { variant: message.meta.variant } : {}),
        createdAt: deps.clock.now().toISOString(),
      });
      return { saved: true };
    },
    'eval-import': (request) => recordEvalImport(deps, request.results),
    'metrics-variants': async (request) => {
      const { from, to } = rangeWindow(request.range);
      const split = (await deps.experiment?.split()) ?? [{ variant: 'default', weight: 100 }];
      const [runSpans, callSpans, feedback, imports] = await Promise.all([
        deps.repository.spansOfKind('agent-run', from, to),
        deps.repository.spansOfKind('model-call', from, to),
        deps.repository.feedback(from, to),
        deps.repository.evalImports(from, to),
      ]);
      // Every variant of the registry gets a row (and a promote button), with or without data.
      const include = experimentVariants.map(variantLabel);
      return {
        ...compareVariants({ runSpans, callSpans, feedback, imports, baseline: baselineOf(split), include }),
        split,
        known: experimentVariants.map((v) => ({ id: v.id, label: variantLabel(v), description: v.description })),
      };
    },
    'experiment-promote': async (request) => {
      if (!findExperimentVariant(request.variant)) throw userInputError('unknown-variant', `There is no prompt variant "${request.variant}".`);
      if (!deps.experiment) throw userInputError('no-settings', 'Settings are not available.');
      const split = [{ variant: request.variant, weight: 100 }];
      await deps.experiment.setSplit(split);
      return { split };
    },
    'alerts-get': alertsView,
    'alerts-save': async (request) => {
      await deps.alerts.saveRules(request.rules);
      await deps.monitor.evaluate();
      return alertsView();
    },
  };
}
