import { histogramPercentile } from './histogram';
import { addSpan, emptyRollup, mergeGroup, mergeRollup, type GroupStats, type RollupValue } from './rollup';
import { coverRange } from './range-cover';
import { feedbackLabel, routingAccuracy, DEFAULT_MINIMUM_LABELS } from './routing-accuracy';
import type { EvalImportRecord, FeedbackRecord, MetricsSource } from './metrics-source';
import { defaultPriceTable } from './prices';
import { RANGE_MS, type AgentRow, type GroupRow, type MetricsReport, type SeriesPoint, type TimeRange } from '../protocol/metrics';

export interface ReportOptions {
  range: TimeRange;
  now: Date;
  agent?: string | null;
  minimumLabels?: number;
  /** A start other than the range's (alert rules use their own windows). */
  from?: Date;
}

/** The display step of the charts for a range. */
export function stepFor(range: TimeRange): number {
  if (range === 'hour') return 300_000;
  if (range === 'day' || range === '7d') return 3_600_000;
  return 86_400_000;
}

const floorTo = (time: number, step: number) => time - (((time % step) + step) % step);
const usd = (micros: number) => (micros / 1_000_000).toFixed(6);
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const p = (group: GroupStats | undefined, which: 'latency' | 'ttft', pct: number) => (group ? histogramPercentile(group[which], pct) : null);

/** Reads the range from buckets and edge spans; returns the total and the per-step rollups for charts. */
export async function collect(source: MetricsSource, from: string | null, to: string, stepMs: number): Promise<{ total: RollupValue; steps: Map<number, RollupValue> }> {
  const total = emptyRollup();
  const steps = new Map<number, RollupValue>();
  const stepOf = (instant: string) => {
    const key = floorTo(Date.parse(instant), stepMs);
    let bucket = steps.get(key);
    if (!bucket) {
      bucket = emptyRollup();
      steps.set(key, bucket);
    }
    return bucket;
  };
  for (const segment of coverRange(from, to)) {
    if (segment.source === 'spans') {
      for (const span of await source.spans(segment.from, segment.to)) {
        addSpan(total, span);
        addSpan(stepOf(span.startedAt), span);
      }
    } else {
      for (const bucket of await source.rollups(segment.source, segment.from, segment.to)) {
        mergeRollup(total, bucket.value);
        mergeRollup(stepOf(bucket.start), bucket.value);
      }
    }
  }
  return { total, steps };
}

/** Groups of one kind merged by a key (agent or tool name). */
export function mergeBy(rollup: RollupValue, kind: string, key: (group: GroupStats) => string, agent: string | null): Map<string, GroupStats> {
  const merged = new Map<string, GroupStats>();
  for (const group of Object.values(rollup.groups)) {
    if (group.kind !== kind || (agent !== null && group.agent !== agent)) continue;
    const name = key(group);
    const target = merged.get(name);
    if (target) mergeGroup(target, group);
    else merged.set(name, structuredClone(group));
  }
  return merged;
}

export function groupRow(name: string, group: GroupStats): GroupRow {
  return {
    name,
    calls: group.count,
    successRate: ratio(group.ok, group.count),
    errors: { ...group.errors },
    p50Ms: p(group, 'latency', 50),
    p95Ms: p(group, 'latency', 95),
    tokens: { ...group.tokens },
    costUsd: usd(group.costMicros),
    fallbackRate: ratio(group.fallbacks, group.count),
  };
}

const all = (rollup: RollupValue, kind: string, agent: string | null) => mergeBy(rollup, kind, () => '', agent).get('');

/**
 * The Routing region. Filtered to a specialist, it covers the turns whose first route was that specialist: their
 * count, their hand-offs, the feedback on them and the evaluation cases routed to it. The supervisor makes every
 * routing decision, so filtered to it (or to no agent) the region covers every turn.
 */
export function routingOf(total: RollupValue, feedback: readonly FeedbackRecord[], imports: readonly EvalImportRecord[], agent: string | null, minimum: number): MetricsReport['routing'] {
  const scoped = agent !== null && agent !== 'supervisor';
  const routes = scoped ? (total.routes[agent] ? { [agent]: total.routes[agent] } : {}) : { ...total.routes };
  const handoffs = scoped ? (total.handoffsFrom[agent] ?? 0) : total.handoffs;
  const labels = { feedbackRight: 0, feedbackWrong: 0, handoffs, evalRight: 0, evalWrong: 0 };
  for (const entry of feedback) {
    if (scoped && entry.route !== agent) continue;
    const label = feedbackLabel(entry.rating, entry.reason);
    if (label === 'right') labels.feedbackRight += 1;
    if (label === 'wrong') labels.feedbackWrong += 1;
    // The turn's own feedback decides it; its hand-off is not counted a second time.
    if (label !== null && entry.handedOff) labels.handoffs = Math.max(0, labels.handoffs - 1);
  }
  for (const entry of imports) {
    const tally = scoped ? entry.byRoute?.[agent] : { right: entry.routeRight, wrong: entry.routeWrong };
    labels.evalRight += tally?.right ?? 0;
    labels.evalWrong += tally?.wrong ?? 0;
  }
  return { routes, handoffs, accuracy: routingAccuracy(labels, minimum) };
}

/** Every figure of the metrics view for one range (and optionally one agent). */
export async function computeReport(source: MetricsSource, options: ReportOptions): Promise<MetricsReport> {
  const to = options.now.toISOString();
  const from = options.from ? options.from.toISOString() : options.range === 'all' ? null : new Date(options.now.getTime() - RANGE_MS[options.range]).toISOString();
  const agent = options.agent ?? null;
  const stepMs = stepFor(options.range);
  const { total, steps } = await collect(source, from, to, stepMs);

  const calls = mergeBy(total, 'model-call', (g) => g.agent, agent);
  const runs = mergeBy(total, 'agent-run', (g) => g.agent, agent);
  const agentNames = [...new Set(Object.values(total.groups).flatMap((g) => (g.agent && (g.kind === 'model-call' || g.kind === 'agent-run') ? [g.agent] : [])))].sort();
  const agents: AgentRow[] = [...new Set([...calls.keys(), ...runs.keys()])].sort().map((name) => {
    const callGroup = calls.get(name);
    const runGroup = runs.get(name);
    const row = callGroup ? groupRow(name, callGroup) : groupRow(name, { ...structuredClone(runGroup as GroupStats), count: 0, ok: 0, errors: {}, fallbacks: 0, latency: { bins: {}, count: 0, max: 0 } });
    return { ...row, turns: runGroup?.count ?? 0, turnSuccessRate: runGroup ? ratio(runGroup.ok, runGroup.count) : null };
  });
  const tools = [...mergeBy(total, 'tool-call', (g) => g.name, agent)].sort(([a], [b]) => a.localeCompare(b)).map(([name, group]) => groupRow(name, group));

  const modelCalls = all(total, 'model-call', agent);
  const turns = all(total, 'agent-run', agent);
  const fromText = from ?? '';
  const [proposals, feedback, imports, breakerSpans] = await Promise.all([
    source.proposals(fromText, to),
    source.feedback(fromText, to),
    source.evalImports(fromText, to),
    source.spansOfKind('breaker', fromText, to, 500),
  ]);
  const created = proposals.filter((row) => row.createdAt >= fromText && row.createdAt < to);
  const routing = routingOf(total, feedback, imports, agent, options.minimumLabels ?? DEFAULT_MINIMUM_LABELS);

  const points: SeriesPoint[] = [...steps]
    .sort(([a], [b]) => a - b)
    .map(([start, bucket]) => {
      const stepCalls = mergeBy(bucket, 'model-call', (g) => g.agent, agent);
      const stepRuns = all(bucket, 'agent-run', agent);
      const stepModel = all(bucket, 'model-call', agent);
      return {
        start: new Date(start).toISOString(),
        turns: stepRuns?.count ?? 0,
        p50Ms: p(stepRuns, 'latency', 50),
        p95Ms: p(stepRuns, 'latency', 95),
        costUsd: (stepModel?.costMicros ?? 0) / 1_000_000,
        success: Object.fromEntries([...stepCalls].map(([name, group]) => [name, ratio(group.ok, group.count)])),
      };
    });

  const confirmedStatuses = new Set(['submitting', 'unknown', 'submitted', 'filled', 'partially_filled', 'cancelled', 'failed']);
  return {
    range: options.range,
    from,
    to,
    agent,
    summary: {
      turns: turns?.count ?? 0,
      answerSuccessRate: turns ? ratio(turns.ok, turns.count) : null,
      ttftP50Ms: p(turns, 'ttft', 50),
      ttftP95Ms: p(turns, 'ttft', 95),
      answerP50Ms: p(turns, 'latency', 50),
      answerP95Ms: p(turns, 'latency', 95),
      tokens: modelCalls ? { ...modelCalls.tokens } : { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      costUsd: usd(modelCalls?.costMicros ?? 0),
      unpricedCalls: modelCalls?.unpriced ?? 0,
      pricesAsOf: defaultPriceTable.map((price) => price.asOf).sort().at(-1) ?? '',
      orders: {
        proposed: created.length,
        confirmed: created.filter((row) => confirmedStatuses.has(row.status)).length,
        rejected: created.filter((row) => row.status === 'rejected').length,
        expired: created.filter((row) => row.status === 'expired').length,
      },
    },
    agents,
    tools,
    routing,
    series: { stepMs, points },
    breakers: breakerSpans
      .map((span) => ({ dependency: String(span.detail?.dependency ?? ''), from: String(span.detail?.from ?? ''), to: String(span.detail?.to ?? ''), at: span.startedAt }))
      .sort((a, b) => a.at.localeCompare(b.at)),
    agentNames,
  };
}
