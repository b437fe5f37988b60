import { z } from 'zod';
import { addValue, emptyHistogram, mergeHistogram, type Histogram } from './histogram';
import type { Span, SpanTokens } from './span';

/**
 * Spans folded into hourly and daily buckets as they are written. The metrics view reads these buckets (a few hundred
 * rows for any range) instead of every span. Everything here is pure and additive: a bucket is the sum of its spans.
 */
export const rollupGrains = ['hour', 'day'] as const;
export type RollupGrain = (typeof rollupGrains)[number];
export const GRAIN_MS: Record<RollupGrain, number> = { hour: 3_600_000, day: 86_400_000 };

/** Kinds folded into groups; breaker and rate-limit spans are few and read as they are. */
const groupedKinds = new Set<Span['kind']>(['model-call', 'tool-call', 'agent-run', 'fallback', 'approval']);

export interface GroupStats {
  kind: string;
  agent: string;
  /** The tool of a tool call, the model of a model call, the decision of an approval; '' otherwise. */
  name: string;
  count: number;
  ok: number;
  /** Outcome (error kind) → count, failures only. */
  errors: Record<string, number>;
  fallbacks: number;
  latency: Histogram;
  ttft: Histogram;
  tokens: SpanTokens;
  /** Cost in millionths of a dollar (span costs carry 6 decimals, so the sum is exact). */
  costMicros: number;
  /** Spans with tokens and no known price. */
  unpriced: number;
}

export interface RollupValue {
  groups: Record<string, GroupStats>;
  /** First specialist of each turn (or "direct" when the supervisor answered itself) → turns. */
  routes: Record<string, number>;
  /** Turns that handed off away from their first route. */
  handoffs: number;
  /** The same hand-offs by the turn's first route (absent in buckets written before it was kept). */
  handoffsFrom: Record<string, number>;
}

const count = z.number().int().nonnegative();
const histogramSchema = z.object({ bins: z.record(z.string(), count), count, max: z.number().nonnegative() });
const groupStatsSchema = z.object({
  kind: z.string(),
  agent: z.string(),
  name: z.string(),
  count,
  ok: count,
  errors: z.record(z.string(), count),
  fallbacks: count,
  latency: histogramSchema,
  ttft: histogramSchema,
  tokens: z.object({ input: count, output: count, cacheRead: count, cacheWrite: count }),
  costMicros: count,
  unpriced: count,
});
export const rollupValueSchema = z.object({ groups: z.record(z.string(), groupStatsSchema), routes: z.record(z.string(), count), handoffs: count, handoffsFrom: z.record(z.string(), count).default({}) });

export const emptyRollup = (): RollupValue => ({ groups: {}, routes: {}, handoffs: 0, handoffsFrom: {} });

const emptyGroup = (kind: string, agent: string, name: string): GroupStats => ({
  kind,
  agent,
  name,
  count: 0,
  ok: 0,
  errors: {},
  fallbacks: 0,
  latency: emptyHistogram(),
  ttft: emptyHistogram(),
  tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
  costMicros: 0,
  unpriced: 0,
});

/** The start (ISO) of the bucket holding `instant`. Days are UTC days. */
export function bucketStart(instant: string, grain: RollupGrain): string {
  const time = Date.parse(instant);
  return new Date(time - (time % GRAIN_MS[grain])).toISOString();
}

export const rollupId = (grain: RollupGrain, start: string): string => `${grain}:${start}`;

function nameOf(span: Span): string {
  if (span.kind === 'tool-call') return span.tool ?? '';
  if (span.kind === 'model-call') return span.model ?? '';
  if (span.kind === 'approval') return String(span.detail?.decision ?? '').split(':')[0] ?? '';
  return '';
}

const groupKey = (kind: string, agent: string, name: string): string => `${kind}|${agent}|${name}`;

/** The route a turn took first: its first specialist, or "direct". A hand-off shows as a `handoff:<agent>` entry. */
export function firstRoute(route: readonly string[] | undefined): string {
  return route?.find((step) => !step.startsWith('handoff:')) ?? 'direct';
}
export const handedOff = (route: readonly string[] | undefined): boolean => route?.some((step) => step.startsWith('handoff:')) ?? false;

export const micros = (costUsd: string): number => Math.round(Number(costUsd) * 1_000_000);

/** Adds one span to a bucket in place. */
export function addSpan(rollup: RollupValue, span: Span): void {
  if (!groupedKinds.has(span.kind)) return;
  const agent = span.agent ?? '';
  const name = nameOf(span);
  const key = groupKey(span.kind, agent, name);
  const group = (rollup.groups[key] ??= emptyGroup(span.kind, agent, name));
  group.count += 1;
  if (span.outcome === 'ok') group.ok += 1;
  else group.errors[span.outcome] = (group.errors[span.outcome] ?? 0) + 1;
  if (span.fallbackUsed) group.fallbacks += 1;
  addValue(group.latency, span.latencyMs);
  if (span.ttftMs !== undefined) addValue(group.ttft, span.ttftMs);
  if (span.tokens) {
    group.tokens.input += span.tokens.input;
    group.tokens.output += span.tokens.output;
    group.tokens.cacheRead += span.tokens.cacheRead;
    group.tokens.cacheWrite += span.tokens.cacheWrite;
    if (span.costUsd === undefined) group.unpriced += 1;
  }
  if (span.costUsd !== undefined) group.costMicros += micros(span.costUsd);
  if (span.kind === 'agent-run') {
    const route = firstRoute(span.route);
    rollup.routes[route] = (rollup.routes[route] ?? 0) + 1;
    if (handedOff(span.route)) {
      rollup.handoffs += 1;
      rollup.handoffsFrom[route] = (rollup.handoffsFrom[route] ?? 0) + 1;
    }
  }
}

export function mergeGroup(into: GroupStats, from: GroupStats): void {
  into.count += from.count;
  into.ok += from.ok;
  for (const [kind, n] of Object.entries(from.errors)) into.errors[kind] = (into.errors[kind] ?? 0) + n;
  into.fallbacks += from.fallbacks;
  mergeHistogram(into.latency, from.latency);
  mergeHistogram(into.ttft, from.ttft);
  into.tokens.input += from.tokens.input;
  into.tokens.output += from.tokens.output;
  into.tokens.cacheRead += from.tokens.cacheRead;
  into.tokens.cacheWrite += from.tokens.cacheWrite;
  into.costMicros += from.costMicros;
  into.unpriced += from.unpriced;
}

/** Adds `from` into `into` in place. */
export function mergeRollup(into: RollupValue, from: RollupValue): void {
  for (const [key, group] of Object.entries(from.groups)) {
    const target = into.groups[key];
    if (target) mergeGroup(target, group);
    else into.groups[key] = structuredClone(group);
  }
  for (const [route, n] of Object.entries(from.routes)) into.routes[route] = (into.routes[route] ?? 0) + n;
  into.handoffs += from.handoffs;
  for (const [route, n] of Object.entries(from.handoffsFrom)) into.handoffsFrom[route] = (into.handoffsFrom[route] ?? 0) + n;
}

/** Spans grouped into buckets of one grain: bucket start → rollup. */
export function rollupSpans(spans: readonly Span[], grain: RollupGrain): Map<string, RollupValue> {
  const buckets = new Map<string, RollupValue>();
  for (const span of spans) {
    const start = bucketStart(span.startedAt, grain);
    let bucket = buckets.get(start);
    if (!bucket) {
      bucket = emptyRollup();
      buckets.set(start, bucket);
    }
    addSpan(bucket, span);
  }
  return buckets;
}
