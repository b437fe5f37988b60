import { z } from 'zod';

/**
 * The file the evaluation runner writes and the metrics view imports: one entry per case with the route the case
 * expected, the route the supervisor took, and whether the case passed. Routes are agent ids (`financial_analyst`,
 * `portfolio_manager`, `trade_executor`) or `direct` when the supervisor answered itself. Imported cases count as
 * labelled turns for routing accuracy (right when `actualRoute` equals `expectedRoute`).
 */
export const EVAL_IMPORT_FORMAT = 'clera-eval-results';

/** The judge's four criteria (the seed's), each scored 1–5. */
export const judgeCriteria = ['accuracy', 'actionability', 'risk_considerations', 'professional_tone'] as const;
export type JudgeCriterion = (typeof judgeCriteria)[number];
const judgeScore = z.number().int().min(1).max(5);
export const judgeScoresSchema = z.object({ accuracy: judgeScore, actionability: judgeScore, risk_considerations: judgeScore, professional_tone: judgeScore });
export type JudgeScores = z.infer<typeof judgeScoresSchema>;

export const evalCaseResultSchema = z.object({
  id: z.string().min(1).max(200),
  expectedRoute: z.string().min(1).max(100),
  actualRoute: z.string().min(1).max(100),
  passed: z.boolean(),
  /** The prompt variant the case ran on (`<id>@v<version>`), for the metrics view's variant comparison. */
  variant: z.string().min(1).max(100).optional(),
  /** The LLM judge's scores, when a judge ran and returned a valid verdict (never guessed). */
  judge: judgeScoresSchema.optional(),
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

/** One variant's share of an import: cases, passes, and the judge's score sums over the judged cases. */
export interface EvalVariantTally {
  cases: number;
  passed: number;
  judged: number;
  judgeSums: Record<JudgeCriterion, number>;
}

/** Tallies an import's cases by the variant they ran on (cases without one are left out). */
export function tallyByVariant(cases: readonly EvalCaseResult[]): Record<string, EvalVariantTally> {
  const out: Record<string, EvalVariantTally> = {};
  for (const entry of cases) {
    if (!entry.variant) continue;
    const tally = (out[entry.variant] ??= { cases: 0, passed: 0, judged: 0, judgeSums: { accuracy: 0, actionability: 0, risk_considerations: 0, professional_tone: 0 } });
    tally.cases += 1;
    if (entry.passed) tally.passed += 1;
    if (entry.judge) {
      tally.judged += 1;
      for (const criterion of judgeCriteria) tally.judgeSums[criterion] += entry.judge[criterion];
    }
  }
  return out;
}
