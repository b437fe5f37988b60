import { cacheWrites, costOf, type ModelUsage, type PriceTable } from './prices';
import type { SpanInput, SpanTokens } from './span';

/**
 * Builders turn what the run loop saw into spans. They are pure: times come in as arguments (ISO strings or Dates),
 * never from a clock here.
 */
type Instant = string | Date;

/** Normalises to Date.toISOString; an unreadable time passes through unchanged and the recorder rejects the span. */
const iso = (instant: Instant): string => {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return Number.isNaN(time) ? String(instant) : new Date(time).toISOString();
};
const between = (startedAt: Instant, endedAt: Instant): number => Math.max(0, Date.parse(iso(endedAt)) - Date.parse(iso(startedAt)));

/** Token counts from a `usage` block: cache writes of both lifetimes are added together. */
export function tokensFromUsage(usage: ModelUsage): SpanTokens {
  const writes = cacheWrites(usage);
  return {
    input: usage.input_tokens,
    output: usage.output_tokens,
    cacheRead: usage.cache_read_input_tokens ?? 0,
    cacheWrite: writes.fiveMinute + writes.oneHour,
  };
}

export interface ModelCallInput {
  agent?: string;
  model: string;
  startedAt: Instant;
  endedAt: Instant;
  /** Time to first token of a stream. */
  ttftMs?: number;
  /** The usage block as received; absent when the call failed before one arrived. */
  usage?: ModelUsage;
  outcome: string;
  fallbackUsed?: boolean;
  prices?: PriceTable;
}

export function modelCallSpan(input: ModelCallInput): SpanInput {
  const span: SpanInput = {
    kind: 'model-call',
    model: input.model,
    startedAt: iso(input.startedAt),
    endedAt: iso(input.endedAt),
    latencyMs: between(input.startedAt, input.endedAt),
    outcome: input.outcome,
    fallbackUsed: input.fallbackUsed ?? false,
  };
  if (input.agent !== undefined) span.agent = input.agent;
  if (input.ttftMs !== undefined) span.ttftMs = input.ttftMs;
  if (input.usage) {
    span.tokens = tokensFromUsage(input.usage);
    const cost = costOf(input.model, input.usage, input.prices);
    if (cost !== null) span.costUsd = cost;
  }
  return span;
}

export interface ToolCallInput {
  agent?: string;
  tool: string;
  startedAt: Instant;
  endedAt: Instant;
  outcome: string;
  detail?: SpanInput['detail'];
}

export function toolCallSpan(input: ToolCallInput): SpanInput {
  const span: SpanInput = {
    kind: 'tool-call',
    tool: input.tool,
    startedAt: iso(input.startedAt),
    endedAt: iso(input.endedAt),
    latencyMs: between(input.startedAt, input.endedAt),
    outcome: input.outcome,
    fallbackUsed: false,
  };
  if (input.agent !== undefined) span.agent = input.agent;
  if (input.detail !== undefined) span.detail = input.detail;
  return span;
}

export interface AgentRunInput {
  agent: string;
  startedAt: Instant;
  endedAt: Instant;
  outcome: string;
  /** The specialists the run used, in order. */
  route: string[];
  fallbackUsed?: boolean;
  /** Counts about the answer, e.g. how many of its figures no tool result supported. */
  detail?: Record<string, number>;
  /** Time from the start of the run to its first streamed text. */
  ttftMs?: number;
}

export function agentRunSpan(input: AgentRunInput): SpanInput {
  return {
    ...(input.detail ? { detail: { ...input.detail } } : {}),
    ...(input.ttftMs === undefined ? {} : { ttftMs: input.ttftMs }),
    kind: 'agent-run',
    agent: input.agent,
    startedAt: iso(input.startedAt),
    endedAt: iso(input.endedAt),
    latencyMs: between(input.startedAt, input.endedAt),
    outcome: input.outcome,
    fallbackUsed: input.fallbackUsed ?? false,
    route: [...input.route],
  };
}

/** An instant event: it starts and ends at `at`. */
function instantSpan(kind: SpanInput['kind'], at: Instant, detail: NonNullable<SpanInput['detail']>): SpanInput {
  const when = iso(at);
  return { kind, startedAt: when, endedAt: when, latencyMs: 0, outcome: 'ok', fallbackUsed: false, detail };
}

export function breakerSpan(input: { dependency: string; from: string; to: string; at: Instant }): SpanInput {
  return instantSpan('breaker', input.at, { dependency: input.dependency, from: input.from, to: input.to });
}

/** The switch from one model to another; `reason` is the error kind that caused it. */
export function fallbackSpan(input: { from: string; to: string; reason: string; at: Instant; agent?: string }): SpanInput {
  const span: SpanInput = { ...instantSpan('fallback', input.at, { from: input.from, to: input.to, reason: input.reason }), model: input.to, fallbackUsed: true };
  if (input.agent !== undefined) span.agent = input.agent;
  return span;
}

/** A user's answer to an approval request, `latencyMs` after it was asked; `decidedAt` is when the answer came. */
export function approvalSpan(input: { proposalId: string; decision: string; latencyMs: number; decidedAt: Instant }): SpanInput {
  const endedAt = iso(input.decidedAt);
  return {
    kind: 'approval',
    startedAt: iso(new Date(Date.parse(endedAt) - input.latencyMs)),
    endedAt,
    latencyMs: input.latencyMs,
    outcome: 'ok',
    fallbackUsed: false,
    detail: { proposalId: input.proposalId, decision: input.decision },
  };
}

/** Time spent waiting for a rate limit (a `retry-after`, a local token bucket) before calling `dependency`. */
export function rateLimitWaitSpan(input: { dependency: string; startedAt: Instant; endedAt: Instant }): SpanInput {
  return {
    kind: 'rate-limit-wait',
    startedAt: iso(input.startedAt),
    endedAt: iso(input.endedAt),
    latencyMs: between(input.startedAt, input.endedAt),
    outcome: 'ok',
    fallbackUsed: false,
    detail: { dependency: input.dependency },
  };
}
