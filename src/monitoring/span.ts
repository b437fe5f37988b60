import { z } from 'zod';

/**
 * A span is one measured thing the runtime did: a model call, a tool call, a whole agent run, a handoff, a model
 * fallback, a circuit-breaker transition, an approval decision or a wait for a rate limit. Spans are stored whole in
 * the `spans` table and validated again when read back.
 */
export const spanKinds = ['model-call', 'tool-call', 'agent-run', 'handoff', 'fallback', 'breaker', 'approval', 'rate-limit-wait'] as const;
export type SpanKind = (typeof spanKinds)[number];

const count = z.number().int().nonnegative();
/** UTC instants as written by Date.toISOString (a trailing `Z`), so stored strings sort in time order. */
const instant = z.iso.datetime();

export const spanTokensSchema = z.object({ input: count, output: count, cacheRead: count, cacheWrite: count });
export type SpanTokens = z.infer<typeof spanTokensSchema>;

/** A small flat bag of facts: breaker from/to, approval decision, the dependency involved. */
export const spanDetailSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const spanSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(spanKinds),
  agent: z.string().optional(),
  tool: z.string().optional(),
  model: z.string().optional(),
  startedAt: instant,
  endedAt: instant,
  latencyMs: z.number().nonnegative(),
  /** Time to first token, for streamed model calls. */
  ttftMs: z.number().nonnegative().optional(),
  /** `'ok'`, or the error kind/code, e.g. `'upstream:anthropic-overloaded'`. */
  outcome: z.string().min(1),
  fallbackUsed: z.boolean(),
  tokens: spanTokensSchema.optional(),
  /** USD as a decimal string with 6 decimals; absent when the model has no known price. */
  costUsd: z.string().regex(/^\d+\.\d{6}$/).optional(),
  /** The routing decision of an agent run: the specialists it used, in order. */
  route: z.array(z.string()).optional(),
  detail: spanDetailSchema.optional(),
  /** The run (turn) the span belongs to, and its conversation: traces group spans by run. */
  runId: z.string().optional(),
  conversationId: z.string().optional(),
  /** The prompt experiment variant of the run's conversation (`<id>@v<version>`), on every span the run records. */
  variant: z.string().optional(),
});
export type Span = z.infer<typeof spanSchema>;
/** What callers hand to the recorder; the recorder assigns the id. */
export type SpanInput = Omit<Span, 'id'>;
