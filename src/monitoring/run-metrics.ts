import type { RunLoopDeps } from '../agents/run-loop';
import type { RunState } from '../agents/run-state';
import type { SpanRecorder } from './span-recorder';
import { agentRunSpan, fallbackSpan, modelCallSpan, toolCallSpan } from './span-builders';

/** The loop's callbacks that turn each model call, tool call and fallback into a metric span. */
export function runMetrics(recorder: SpanRecorder, clock: { now(): Date }): Pick<RunLoopDeps, 'onModelCall' | 'onToolResult' | 'onFallback'> {
  return {
    onModelCall: (info) => {
      const span = modelCallSpan({
        agent: info.agent,
        model: info.model,
        startedAt: info.startedAt,
        endedAt: info.endedAt,
        outcome: info.outcome,
        fallbackUsed: info.fallbackUsed,
        ...(info.ttftMs === undefined ? {} : { ttftMs: info.ttftMs }),
        ...(info.usage ? { usage: info.usage } : {}),
      });
      // The prompt version names the experiment variant too (`supervisor@1~concise@v1`).
      recorder.record({ ...span, detail: { ...span.detail, promptVersion: info.promptVersion } });
    },
    onToolResult: (record) => {
      recorder.record(
        toolCallSpan({
          agent: record.agent,
          tool: record.name,
          startedAt: record.startedAt,
          endedAt: record.endedAt,
          outcome: record.ok ? 'ok' : (record.errorKind ?? 'error'),
        }),
      );
    },
    onFallback: (fallback) => {
      // A model fallback is recorded as from "model:<id>" to the agent whose call it took over.
      const span = 'model' in fallback ? { from: `model:${fallback.model}`, to: fallback.agent } : { from: fallback.from, to: fallback.to };
      recorder.record(fallbackSpan({ ...span, reason: fallback.reason, at: clock.now() }));
    },
  };
}

/**
 * One span for a whole run: who answered, which specialists it used (the routing decision), how it ended, its time to
 * first text, and in `detail` the grounded-figures check (figuresChecked, ungroundedFigures) when the answer finished.
 */
export function recordRun(
  recorder: SpanRecorder,
  state: RunState,
  agent: string,
  startedAt: Date,
  endedAt: Date,
  outcome: string,
  extra: { detail?: Record<string, number>; ttftMs?: number } = {},
): void {
  const route = state.handoff ? [...state.route, `handoff:${state.handoff}`] : state.route;
  recorder.record(
    agentRunSpan({
      agent, startedAt, endedAt, outcome, route,
      fallbackUsed: state.fallbacks.length > 0 || state.modelFallbacks.length > 0,
      ...(extra.detail ? { detail: extra.detail } : {}),
      ...(extra.ttftMs === undefined ? {} : { ttftMs: extra.ttftMs }),
    }),
  );
}

/**
 * The recorder for one run: every span it records carries the run and conversation, so traces can group them, and the
 * prompt variant the conversation runs on, so the metrics view can compare variants.
 */
export function forRun(recorder: SpanRecorder, context: { runId: string; conversationId: string; variant?: string }): SpanRecorder {
  const tags = { runId: context.runId, conversationId: context.conversationId, ...(context.variant ? { variant: context.variant } : {}) };
  return {
    record: (span) => { recorder.record({ ...span, ...tags }); },
    flush: () => recorder.flush(),
    prune: () => recorder.prune(),
    list: (options) => recorder.list(options),
    get stats() { return recorder.stats; },
  };
}
