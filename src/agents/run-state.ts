import { z } from 'zod';
import { agentIds } from './registry';
import { chartSchema } from '../protocol/chart';

/**
 * The saved state of one run (one user turn), versioned. It is written after every tool result and around every model
 * call, so a stopped worker can be followed by a Retry that resumes where the run stood: tool results already obtained
 * are reused, never re-run. Older versions are brought up to this one by `run-state-migrations.ts`.
 */
export const RUN_STATE_VERSION = 2;

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

export { agentIds, type AgentId } from './registry';

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
  /** Chart data the tool attached (drawn by the panel below the answer; the model sees only their names). */
  charts: z.array(chartSchema).optional(),
});

/** An agent whose service was down: its work went to another agent (this changes who answers). */
export const fallbackSchema = z.object({
  /** The agent that could not do its part. */
  from: z.enum(agentIds),
  /** Who answers instead. */
  to: z.enum(agentIds),
  /** What is unavailable, in words for the user. */
  reason: z.string(),
});
export type Fallback = z.infer<typeof fallbackSchema>;

/** A model that was down: the same agent's call went to the configured fallback model (the route does not change). */
export const modelFallbackSchema = z.object({
  /** The model that failed with an outage. */
  model: z.string(),
  /** The model used instead. */
  to: z.string(),
  /** The agent whose call it was. */
  agent: z.enum(agentIds),
  reason: z.string(),
});
export type ModelFallback = z.infer<typeof modelFallbackSchema>;

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
  /** Agents whose work went elsewhere because their service was down; they decide who answers. */
  fallbacks: z.array(fallbackSchema),
  /** Model calls that went to the fallback model; they never change who answers. */
  modelFallbacks: z.array(modelFallbackSchema),
  /** Model ids that failed with an outage in this run (the fallback model is tried once). */
  failedModels: z.array(z.string()),
  /** The agent that made the latest model call: the one whose words the answer ends with. */
  answeredBy: z.enum(agentIds).nullable(),
  /** Text already shown to the user, across model calls. */
  text: z.string(),
});
export type RunState = z.infer<typeof runStateSchema>;

/** The state a new run starts from. */
export function freshRunState(userMessageId: string, assistantMessageId: string, pageText: string | null): RunState {
  return {
    version: RUN_STATE_VERSION,
    userMessageId,
    assistantMessageId,
    pageText,
    transcript: [],
    toolResults: {},
    modelCalls: 0,
    route: [],
    handoff: null,
    usage: emptyUsage(),
    fallbacks: [],
    modelFallbacks: [],
    failedModels: [],
    answeredBy: null,
    text: '',
  };
}

export const runStatuses = ['running', 'completed', 'failed', 'stopped', 'interrupted'] as const;
export type RunStatus = (typeof runStatuses)[number];
