import { z } from 'zod';

/**
 * The saved state of one run (one user turn), versioned. It is written after every step, so a stopped worker can be
 * followed by a Retry that resumes where the run stood: tool results already obtained are reused, never re-run.
 */
export const RUN_STATE_VERSION = 1;

const contentBlock = z.record(z.string(), z.unknown()).and(z.object({ type: z.string() }));
export const transcriptMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.array(contentBlock),
});
export type TranscriptMessage = z.infer<typeof transcriptMessageSchema>;

export const usageSchema = z.object({
  input: z.number().int().nonnegative(),
  output: z.number().int().nonnegative(),
  cacheRead: z.number().int().nonnegative(),
  cacheWrite: z.number().int().nonnegative(),
});
export type UsageTotals = z.infer<typeof usageSchema>;
export const emptyUsage = (): UsageTotals => ({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 });

export const agentIds = ['supervisor', 'financial_analyst', 'portfolio_manager', 'trade_executor'] as const;
export type AgentId = (typeof agentIds)[number];

export const toolRecordSchema = z.object({
  name: z.string(),
  agent: z.string(),
  ok: z.boolean(),
  /** What went back to the model, exactly. */
  content: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  /** For a failed call: who was at fault (decides fallbacks: an 'upstream' outage is not the model's mistake). */
  errorKind: z.string().optional(),
});

export const fallbackSchema = z.object({
  /** The agent (or 'model') that could not do its part. */
  from: z.string(),
  /** Who answers instead. */
  to: z.enum(agentIds),
  /** What is unavailable, in words for the user. */
  reason: z.string(),
});
export type Fallback = z.infer<typeof fallbackSchema>;

export const runStateSchema = z.object({
  version: z.literal(RUN_STATE_VERSION),
  /** The user message this run answers, and the assistant message it writes into. */
  userMessageId: z.string(),
  assistantMessageId: z.string(),
  /** Quoted page text that came with the turn (a selection from "Analyze ticker"); it is data, never instructions. */
  pageText: z.string().nullable(),
  /** Messages this run added after the history: assistant turns and tool results. */
  transcript: z.array(transcriptMessageSchema),
  /** Results by tool_use id: a resumed run reuses these instead of calling the tool again. */
  toolResults: z.record(z.string(), toolRecordSchema),
  modelCalls: z.number().int().nonnegative(),
  /** Which specialists' tools the run used, in order; decides who answers. */
  route: z.array(z.enum(agentIds)),
  handoff: z.enum(agentIds).nullable(),
  usage: usageSchema,
  /** Degraded paths taken (added in the same version with a default, so saved runs from before still load). */
  fallbacks: z.array(fallbackSchema).default([]),
  /** Model ids that failed with an outage in this run (the fallback model is tried once). */
  failedModels: z.array(z.string()).default([]),
  /** Text already shown to the user, across model calls. */
  text: z.string(),
});
export type RunState = z.infer<typeof runStateSchema>;

export const runStatuses = ['running', 'completed', 'failed', 'stopped', 'interrupted'] as const;
export type RunStatus = (typeof runStatuses)[number];
