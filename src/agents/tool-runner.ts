import type { ChartSink, ToolContext, ToolDefinition } from '../tools/define-tool';
import { chartName, chartSchema, type Chart } from '../protocol/chart';
import { resultBudgetChars } from '../tools/support/result-budget';
import { AppError, isAbortError } from '../protocol/errors';
import type { Clock } from '../platform/clock';
import type { RunState } from './run-state';

export interface ToolCall {
  id: string;
  name: string;
  input: unknown;
}

export type ToolRecord = RunState['toolResults'][string];

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : 'input'}: ${issue.message}`);
}

/**
 * Runs one tool call from the model. The model's input is untrusted: it is validated against the tool's schema, and
 * a wrong or unknown tool comes back as an error result the model can read and correct, never as a crash.
 */
export async function runToolCall(
  call: ToolCall,
  tools: readonly ToolDefinition[],
  context: ToolContext,
  clock: Clock,
  /** Who owns a tool (the agent registry knows); its results are recorded as that agent's. */
  ownerOf: (toolName: string) => string = () => 'unknown',
): Promise<ToolRecord> {
  const startedAt = clock.now().toISOString();
  const collected = chartCollector();
  const done = (ok: boolean, payload: unknown, agent: string, errorKind?: string): ToolRecord => {
    const charts = ok ? collected.charts : [];
    let content = JSON.stringify(charts.length > 0 ? withChartNames(payload, charts) : payload);
    if (content.length > resultBudgetChars) content = JSON.stringify({ truncated: true, note: 'Result too long; ask for a narrower range.', preview: content.slice(0, resultBudgetChars) });
    return { name: call.name, agent, ok, content, startedAt, endedAt: clock.now().toISOString(), ...(errorKind ? { errorKind } : {}), ...(charts.length > 0 ? { charts } : {}) };
  };
  const tool = tools.find((candidate) => candidate.name === call.name);
  if (!tool) {
    return done(false, { error: { code: 'unknown-tool', message: `There is no tool named "${call.name}". Available: ${tools.map((t) => t.name).join(', ')}.` } }, 'unknown', 'model-contract');
  }
  const parsed = tool.input.safeParse(call.input);
  if (!parsed.success) {
    return done(false, { error: { code: 'invalid-input', message: `The input does not match ${tool.name}'s schema; fix it and call again.`, issues: describeIssues(parsed.error.issues) } }, ownerOf(tool.name), 'model-contract');
  }
  try {
    return done(true, await tool.run(parsed.data, { ...context, charts: collected.sink }), ownerOf(tool.name));
  } catch (error) {
    if (isAbortError(error) || context.signal.aborted) throw error;
    if (error instanceof AppError) return done(false, { error: { kind: error.kind, code: error.code, message: error.message } }, ownerOf(tool.name), error.kind);
    const message = error instanceof Error ? error.message : String(error);
    return done(false, { error: { kind: 'internal', code: 'tool-failed', message: `The tool failed: ${message}` } }, ownerOf(tool.name), 'internal');
  }
}

/** One call's chart sink: keeps the charts that pass the schema; a builder that throws or fails it adds nothing. */
function chartCollector(): { sink: ChartSink; charts: Chart[] } {
  const charts: Chart[] = [];
  const sink: ChartSink = {
    attach(build) {
      let built: Chart | readonly Chart[] | null;
      try {
        built = build();
      } catch {
        return;
      }
      const list: readonly Chart[] = built === null ? [] : Array.isArray(built) ? built : [built as Chart];
      for (const chart of list) {
        const parsed = chartSchema.safeParse(chart);
        if (parsed.success) charts.push(parsed.data);
      }
    },
  };
  return { sink, charts };
}

/** The model learns which charts the user sees below the answer (by name only), so it does not draw them in text. */
function withChartNames(payload: unknown, charts: readonly Chart[]): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  return { ...payload, chartsShown: charts.map((chart) => `${chartName(chart)} (drawn below your answer from this data)`) };
}
