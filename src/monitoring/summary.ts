import Decimal from 'decimal.js';
import type { Span, SpanTokens } from './span';

/** Figures for one agent or one tool. */
export interface GroupSummary {
  count: number;
  errors: number;
  /** errors / count, 0..1. */
  errorRate: number;
  p50LatencyMs: number;
  p95LatencyMs: number;
  /** Mean time to first token over the spans that have one; null when none do. */
  meanTtftMs: number | null;
  tokens: SpanTokens;
  /** Total of the priced spans, 6 decimals. */
  costUsd: string;
}

export interface ModelSummary {
  calls: number;
  errors: number;
  tokens: SpanTokens;
  costUsd: string;
  /** Calls with usage but no known price: their cost is missing from `costUsd`. */
  unpricedCalls: number;
}

export interface BreakerTransition {
  dependency: string;
  from: string;
  to: string;
  at: string;
}

export interface SpanSummary {
  /** Per agent, over its model calls (the spans that carry TTFT, tokens and cost). */
  agents: Record<string, GroupSummary>;
  /** Per agent, over its whole runs (`agent-run` spans). */
  runs: Record<string, GroupSummary>;
  tools: Record<string, GroupSummary>;
  models: Record<string, ModelSummary>;
  /** `fallback` spans: times a call moved to another model. */
  fallbacks: number;
  /** Breaker transitions, oldest first. */
  breakerTransitions: BreakerTransition[];
  totalCostUsd: string;
}

/**
 * Nearest-rank percentile: the smallest value with at least p% of the values at or below it. `values` must be sorted
 * ascending; an empty list gives 0.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

const emptyTokens = (): SpanTokens => ({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 });
function addTokens(total: SpanTokens, tokens: SpanTokens | undefined): void {
  if (!tokens) return;
  total.input += tokens.input;
  total.output += tokens.output;
  total.cacheRead += tokens.cacheRead;
  total.cacheWrite += tokens.cacheWrite;
}
const sumCost = (spans: readonly Span[]): Decimal => spans.reduce((sum, span) => (span.costUsd ? sum.plus(span.costUsd) : sum), new Decimal(0));

export function summarizeGroup(spans: readonly Span[]): GroupSummary {
  const latencies = spans.map((span) => span.latencyMs).sort((a, b) => a - b);
  const ttfts = spans.flatMap((span) => (span.ttftMs === undefined ? [] : [span.ttftMs]));
  const errors = spans.filter((span) => span.outcome !== 'ok').length;
  const tokens = emptyTokens();
  for (const span of spans) addTokens(tokens, span.tokens);
  return {
    count: spans.length,
    errors,
    errorRate: spans.length === 0 ? 0 : errors / spans.length,
    p50LatencyMs: percentile(latencies, 50),
    p95LatencyMs: percentile(latencies, 95),
    meanTtftMs: ttfts.length === 0 ? null : ttfts.reduce((sum, value) => sum + value, 0) / ttfts.length,
    tokens,
    costUsd: sumCost(spans).toFixed(6),
  };
}

function groupBy(spans: readonly Span[], key: (span: Span) => string | undefined): Map<string, Span[]> {
  const groups = new Map<string, Span[]>();
  for (const span of spans) {
    const name = key(span);
    if (name === undefined) continue;
    const group = groups.get(name);
    if (group) group.push(span);
    else groups.set(name, [span]);
  }
  return groups;
}

const mapValues = <T>(groups: Map<string, Span[]>, summarise: (spans: Span[]) => T): Record<string, T> =>
  Object.fromEntries([...groups].map(([name, spans]) => [name, summarise(spans)]));

/** The figures for the metrics view. */
export function summarize(spans: readonly Span[]): SpanSummary {
  const modelCalls = spans.filter((span) => span.kind === 'model-call');
  const detailText = (span: Span, field: string): string => {
    const value = span.detail?.[field];
    return value === undefined || value === null ? '' : String(value);
  };
  return {
    agents: mapValues(groupBy(modelCalls, (span) => span.agent), summarizeGroup),
    runs: mapValues(
      groupBy(spans, (span) => (span.kind === 'agent-run' ? span.agent : undefined)),
      summarizeGroup,
    ),
    tools: mapValues(
      groupBy(spans, (span) => (span.kind === 'tool-call' ? span.tool : undefined)),
      summarizeGroup,
    ),
    models: mapValues(groupBy(modelCalls, (span) => span.model), (calls) => {
      const tokens = emptyTokens();
      for (const call of calls) addTokens(tokens, call.tokens);
      return {
        calls: calls.length,
        errors: calls.filter((call) => call.outcome !== 'ok').length,
        tokens,
        costUsd: sumCost(calls).toFixed(6),
        unpricedCalls: calls.filter((call) => call.tokens !== undefined && call.costUsd === undefined).length,
      };
    }),
    fallbacks: spans.filter((span) => span.kind === 'fallback').length,
    breakerTransitions: spans
      .filter((span) => span.kind === 'breaker')
      .map((span) => ({ dependency: detailText(span, 'dependency'), from: detailText(span, 'from'), to: detailText(span, 'to'), at: span.startedAt }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    totalCostUsd: sumCost(modelCalls).toFixed(6),
  };
}
