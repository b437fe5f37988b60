import { z } from 'zod';
import { spanSchema } from '../monitoring/span';
import { evalImportSchema } from '../monitoring/eval-import';

/** The metrics view's contract: the figures for a time range (and optionally one agent), traces, alerts. */
export const timeRanges = ['hour', 'day', '7d', '30d', 'all'] as const;
export type TimeRange = (typeof timeRanges)[number];
export const RANGE_MS: Record<Exclude<TimeRange, 'all'>, number> = { hour: 3_600_000, day: 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();
const ms = z.number().nonnegative().nullable();
const usd = z.string().regex(/^\d+\.\d{6}$/);
export const tokensSchema = z.object({ input: count, output: count, cacheRead: count, cacheWrite: count });

export const groupRowSchema = z.object({
  name: z.string(),
  calls: count,
  successRate: rate,
  errors: z.record(z.string(), count),
  p50Ms: ms,
  p95Ms: ms,
  tokens: tokensSchema,
  costUsd: usd,
  fallbackRate: rate,
});
export type GroupRow = z.infer<typeof groupRowSchema>;

export const agentRowSchema = groupRowSchema.extend({ turns: count, turnSuccessRate: rate });
export type AgentRow = z.infer<typeof agentRowSchema>;

export const routingAccuracySchema = z.object({
  labelled: count,
  right: count,
  accuracy: rate,
  minimum: count,
  sources: z.object({ feedback: count, handoffs: count, evaluation: count }),
});

export const seriesPointSchema = z.object({
  start: z.string(),
  turns: count,
  p50Ms: ms,
  p95Ms: ms,
  costUsd: z.number().nonnegative(),
  /** Agent → model-call success rate in this interval (null without calls). */
  success: z.record(z.string(), rate),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const breakerChangeSchema = z.object({ dependency: z.string(), from: z.string(), to: z.string(), at: z.string() });

export const metricsReportSchema = z.object({
  range: z.enum(timeRanges),
  from: z.string().nullable(),
  to: z.string(),
  agent: z.string().nullable(),
  summary: z.object({
    turns: count,
    answerSuccessRate: rate,
    ttftP50Ms: ms,
    ttftP95Ms: ms,
    answerP50Ms: ms,
    answerP95Ms: ms,
    tokens: tokensSchema,
    costUsd: usd,
    /** Model calls with tokens and no known price (their cost is missing). */
    unpricedCalls: count,
    pricesAsOf: z.string(),
    orders: z.object({ proposed: count, confirmed: count, rejected: count, expired: count }),
  }),
  agents: z.array(agentRowSchema),
  tools: z.array(groupRowSchema),
  routing: z.object({ routes: z.record(z.string(), count), handoffs: count, accuracy: routingAccuracySchema }),
  series: z.object({ stepMs: z.number().int().positive(), points: z.array(seriesPointSchema) }),
  breakers: z.array(breakerChangeSchema),
  /** Every agent seen in the range, for the agent filter. */
  agentNames: z.array(z.string()),
});
export type MetricsReport = z.infer<typeof metricsReportSchema>;

export const feedbackReasons = ['wrong-specialist', 'wrong-figures', 'not-helpful', 'other'] as const;
export type FeedbackReason = (typeof feedbackReasons)[number];
export const feedbackSchema = z.object({
  rating: z.enum(['good', 'bad']),
  reason: z.enum(feedbackReasons).optional(),
});

export const alertMetrics = ['routing-accuracy', 'agent-success-rate', 'p95-answer-ms', 'daily-cost-usd'] as const;
export type AlertMetric = (typeof alertMetrics)[number];
export const alertRuleSchema = z.object({
  id: z.enum(alertMetrics),
  enabled: z.boolean(),
  /** Fires below (accuracy, success rate) or above (latency, cost) this value. */
  threshold: z.number().nonnegative(),
  /** Labelled turns, calls or turns needed before the rule is judged. */
  minimumSamples: z.number().int().min(1).max(100_000),
  /** The window the rule looks at. */
  windowMinutes: z.number().int().min(5).max(43_200),
  /** A notification at most once per this many minutes while firing. */
  cooldownMinutes: z.number().int().min(1).max(10_080),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const alertEventSchema = z.object({
  id: z.string(),
  ruleId: z.enum(alertMetrics),
  /** What fired, e.g. "financial_analyst success rate 0.62 < 0.90". */
  message: z.string(),
  /** The agent a per-agent rule fired for. */
  subject: z.string().nullable(),
  firedAt: z.string(),
  clearedAt: z.string().nullable(),
  /** Why it cleared: the rule was judged healthy again, or its metric had no sample left in the window. */
  clearedReason: z.enum(['recovered', 'no-data']).optional(),
  notifiedAt: z.string().nullable(),
});
export type AlertEvent = z.infer<typeof alertEventSchema>;

export const traceSummarySchema = z.object({
  runId: z.string(),
  conversationId: z.string().nullable(),
  agent: z.string(),
  startedAt: z.string(),
  latencyMs: z.number().nonnegative(),
  outcome: z.string(),
  route: z.array(z.string()),
});
export type TraceSummary = z.infer<typeof traceSummarySchema>;

const significanceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('baseline') }),
  z.object({ kind: z.literal('not-enough-data'), minimum: count }),
  z.object({ kind: z.literal('tested'), difference: z.number(), z: z.number(), p: z.number().min(0).max(1), significant: z.boolean() }),
]);
const rateFigureSchema = z.object({ successes: count, n: count, rate, interval: z.tuple([z.number(), z.number()]).nullable(), vsBaseline: significanceSchema, note: z.string().nullable() });
const judgeMeansSchema = z.object({ accuracy: z.number(), actionability: z.number(), risk_considerations: z.number(), professional_tone: z.number() });

/** Prompt variants side by side (src/monitoring/variant-comparison.ts). */
export const variantComparisonSchema = z.object({
  baseline: z.string(),
  minimum: count,
  rows: z.array(
    z.object({
      variant: z.string(),
      success: rateFigureSchema,
      feedback: rateFigureSchema.extend({ bad: count }),
      evaluation: rateFigureSchema.extend({ judged: count, judgeMeans: judgeMeansSchema.nullable() }),
      tokens: z.object({ total: count, perTurn: z.number().nonnegative().nullable() }),
      latency: z.object({ p50Ms: ms, p95Ms: ms }),
    }),
  ),
  unlabelledTurns: count,
  /** The experiment split in settings, by variant id. */
  split: z.array(z.object({ variant: z.string(), weight: count })),
  /** Every variant of the registry: id, label and description, for the promote buttons. */
  known: z.array(z.object({ id: z.string(), label: z.string(), description: z.string() })),
});
export type VariantComparison = z.infer<typeof variantComparisonSchema>;

const requestId = z.string().min(1).max(100);
const exportFormatSchema = z.enum(['csv', 'json', 'otlp']);

/** The metrics view's requests (spread into the protocol's request union). */
export const metricsRequestSchemas = [
  z.object({ id: requestId, type: z.literal('metrics-report'), range: z.enum(timeRanges), agent: requestId.nullable().default(null) }),
  z.object({ id: requestId, type: z.literal('metrics-traces'), range: z.enum(timeRanges), limit: z.number().int().min(1).max(200).default(30) }),
  z.object({ id: requestId, type: z.literal('metrics-trace'), runId: requestId }),
  z.object({ id: requestId, type: z.literal('metrics-export'), range: z.enum(timeRanges), format: exportFormatSchema }),
  /** "Good answer" / "Bad answer" on an assistant message, with an optional reason for a bad one. */
  z.object({ id: requestId, type: z.literal('feedback-give'), messageId: requestId, ...feedbackSchema.shape }),
  z.object({ id: requestId, type: z.literal('eval-import'), results: evalImportSchema }),
  z.object({ id: requestId, type: z.literal('metrics-variants'), range: z.enum(timeRanges) }),
  /** Makes a variant the default: the split becomes 100% that variant (the experiment stops). */
  z.object({ id: requestId, type: z.literal('experiment-promote'), variant: z.string().min(1).max(60) }),
  z.object({ id: requestId, type: z.literal('alerts-get') }),
  z.object({ id: requestId, type: z.literal('alerts-save'), rules: z.array(alertRuleSchema).min(1).max(alertMetrics.length) }),
] as const;

const alertsViewSchema = z.object({ rules: z.array(alertRuleSchema), events: z.array(alertEventSchema) });

/** What each metrics request answers with. */
export const metricsResponseSchemas = {
  'metrics-report': metricsReportSchema,
  'metrics-traces': z.object({ traces: z.array(traceSummarySchema) }),
  'metrics-trace': z.object({ spans: z.array(spanSchema) }),
  'metrics-export': z.object({ fileName: z.string(), mime: z.string(), text: z.string(), count }),
  'feedback-give': z.object({ saved: z.boolean() }),
  'eval-import': z.object({ cases: count, routeRight: count, routeWrong: count }),
  'metrics-variants': variantComparisonSchema,
  'experiment-promote': z.object({ split: z.array(z.object({ variant: z.string(), weight: count })) }),
  'alerts-get': alertsViewSchema,
  'alerts-save': alertsViewSchema,
} as const;
