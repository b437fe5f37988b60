import { z } from 'zod';

/**
 * The file the evaluation runner writes and the metrics view imports: one entry per case with the route the case
 * expected, the route the supervisor took, and whether the case passed. Routes are agent ids (`financial_analyst`,
 * `portfolio_manager`, `trade_executor`) or `direct` when the supervisor answered itself. Imported cases count as
 * labelled turns for routing accuracy (right when `actualRoute` equals `expectedRoute`).
 */
export const EVAL_IMPORT_FORMAT = 'clera-eval-results';

export const evalCaseResultSchema = z.object({
  id: z.string().min(1).max(200),
  expectedRoute: z.string().min(1).max(100),
  actualRoute: z.string().min(1).max(100),
  passed: z.boolean(),
});
export type EvalCaseResult = z.infer<typeof evalCaseResultSchema>;

export const evalImportSchema = z.object({
  format: z.literal(EVAL_IMPORT_FORMAT),
  version: z.literal(1),
  /** When the evaluation ran (UTC ISO instant). */
  runAt: z.iso.datetime(),
  /** Free text naming what was evaluated: a model, a prompt variant. */
  label: z.string().max(200).optional(),
  cases: z.array(evalCaseResultSchema).min(1).max(10_000),
});
export type EvalImport = z.infer<typeof evalImportSchema>;

export const routeWasRight = (result: EvalCaseResult): boolean => result.expectedRoute === result.actualRoute;
