import { z } from 'zod';
import { judgeScoresSchema, type EvalCaseResult } from '../monitoring/eval-import';

/**
 * "Run evaluation" on the metrics page: the evaluation set (or some of its categories) run in the background with the
 * user's own Anthropic key, against each case's account fixture in an in-process Alpaca simulator (never the user's
 * broker), graded by the same deterministic graders as `npm run eval`, recorded like an imported evaluation.
 */

const requestId = z.string().min(1).max(100);
const category = z.string().min(1).max(50);

/** Which cases: the categories asked for (none = every case), optionally narrowed to some case ids. */
export const evalSelectionSchema = z.object({
  categories: z.array(category).max(20),
  caseIds: z.array(z.string().min(1).max(100)).max(200).optional(),
});
export type EvalSelection = z.infer<typeof evalSelectionSchema>;

export const evalPriceSchema = z.object({ model: z.string(), input: z.string(), output: z.string(), asOf: z.string(), source: z.string(), verified: z.boolean() });

export const evalEstimateSchema = z.object({
  costUsd: z.number().nonnegative(),
  basis: z.string(),
  /** The price entries used: model, USD per million tokens, and the date and source of each price. */
  prices: z.array(evalPriceSchema),
  /** Models with no known price (their calls are not included in the estimate). */
  unpriced: z.array(z.string()),
});
export type EvalEstimate = z.infer<typeof evalEstimateSchema>;

/** What the evaluation set offers and what a selection would cost, shown before anything is sent. */
export const evalPlanCoreSchema = z.object({
  datasetVersion: z.number().int(),
  categories: z.array(z.object({ name: z.string(), count: z.number().int() })),
  cases: z.array(z.object({ id: z.string(), category: z.string(), question: z.string() })),
  estimate: evalEstimateSchema,
  models: z.object({ supervisor: z.string(), specialist: z.string() }),
  judgeModel: z.string(),
  /** The day the request sizes the estimate prices were measured (a scripted run in Node). */
  sizedOn: z.string(),
});
export type EvalPlanCore = z.infer<typeof evalPlanCoreSchema>;

export const evalPlanSchema = evalPlanCoreSchema.extend({
  /** Whether an Anthropic key is saved (a run needs one). */
  keySet: z.boolean(),
  /** Where the model calls go (the Anthropic base URL in settings). */
  anthropicUrl: z.string(),
  variant: z.string(),
});
export type EvalPlan = z.infer<typeof evalPlanSchema>;

export const evalRunCaseSchema = z.object({
  caseId: z.string(),
  category: z.string(),
  passed: z.boolean(),
  /** The graders that failed, with their reasons. */
  failed: z.array(z.object({ grader: z.string(), detail: z.string() })),
  agent: z.string().nullable(),
  judge: z.object({ status: z.enum(['not run', 'ok', 'error']), scores: judgeScoresSchema.optional(), error: z.string().optional() }),
  costUsd: z.number(),
  durationMs: z.number(),
});
export type EvalRunCase = z.infer<typeof evalRunCaseSchema>;

export const evalRunStatusSchema = z.object({
  runId: z.string(),
  state: z.enum(['running', 'finished', 'stopped', 'failed']),
  total: z.number().int(),
  judge: z.boolean(),
  results: z.array(evalRunCaseSchema),
  /** The case running now. */
  current: z.string().nullable(),
  spentUsd: z.number(),
  error: z.string().optional(),
  /** The finished cases as recorded in the metrics view (routing accuracy, variant comparison). */
  recorded: z.object({ cases: z.number().int(), routeRight: z.number().int() }).nullable(),
});
export type EvalRunStatus = z.infer<typeof evalRunStatusSchema>;

export const evalRunRequestSchemas = [
  z.object({ id: requestId, type: z.literal('eval-run-plan'), selection: evalSelectionSchema, judge: z.boolean() }),
  /** Starts only when the estimate the user confirmed is still the estimate of this selection. */
  z.object({ id: requestId, type: z.literal('eval-run-start'), selection: evalSelectionSchema, judge: z.boolean(), confirmedCostUsd: z.number().nonnegative() }),
  z.object({ id: requestId, type: z.literal('eval-run-stop') }),
  z.object({ id: requestId, type: z.literal('eval-run-status') }),
] as const;

export const evalRunResponseSchemas = {
  'eval-run-plan': evalPlanSchema,
  'eval-run-start': evalRunStatusSchema,
  'eval-run-stop': z.object({ stopping: z.boolean() }),
  'eval-run-status': z.object({ status: evalRunStatusSchema.nullable() }),
};

export const evalRunProgressEventSchema = z.object({ type: z.literal('eval-run-progress'), status: evalRunStatusSchema });

/** The evaluation set and its runner, injected into the background by the entrypoint (it lives in eval/). */
export interface EvaluationRunner {
  plan(selection: EvalSelection, options: { judge: boolean; models: { supervisor: string; specialist: string } }): EvalPlanCore;
  run(
    selection: EvalSelection,
    options: {
      judge: boolean;
      models: { supervisor: string; specialist: string };
      variant: string;
      anthropicUrl: string;
      apiKey: string;
      trustedKeyOrigins: { origin: string; confirmedAt: string }[];
      /** The network, used for the Anthropic base URL only. */
      fetch: typeof fetch;
      signal: AbortSignal;
      onCase: (result: EvalRunCase, spentUsd: number, next: string | null) => void;
    },
  ): Promise<{ results: EvalRunCase[]; importCases: EvalCaseResult[]; label: string; stopped: boolean; spentUsd: number }>;
}

