import { z } from 'zod';

/** The part of a saved run that regressions are computed from. */
export const savedRunSchema = z.object({
  runId: z.string(),
  modelSource: z.string(),
  results: z.array(z.object({ caseId: z.string(), variant: z.string(), passed: z.boolean(), grades: z.array(z.object({ grader: z.string(), status: z.string() })) })),
});
export type SavedRun = z.infer<typeof savedRunSchema>;

export interface Regression {
  caseId: string;
  variant: string;
  /** Graders that passed in every trial of the saved run and failed in some trial now. */
  graders: string[];
}

const key = (variant: string, caseId: string) => `${variant}\u0000${caseId}`;

function graderStatus(run: SavedRun['results']): Map<string, Map<string, 'pass' | 'fail'>> {
  const byCase = new Map<string, Map<string, 'pass' | 'fail'>>();
  for (const result of run) {
    const graders = byCase.get(key(result.variant, result.caseId)) ?? new Map<string, 'pass' | 'fail'>();
    for (const grade of result.grades) {
      if (grade.status === 'fail') graders.set(grade.grader, 'fail');
      else if (grade.status === 'pass' && graders.get(grade.grader) !== 'fail') graders.set(grade.grader, 'pass');
    }
    byCase.set(key(result.variant, result.caseId), graders);
  }
  return byCase;
}

/** Deterministic graders that passed for a case in the previous run and fail now (same variant). */
export function findRegressions(previous: SavedRun['results'], current: SavedRun['results']): Regression[] {
  const before = graderStatus(previous);
  const now = graderStatus(current);
  const regressions: Regression[] = [];
  for (const [id, graders] of now) {
    const earlier = before.get(id);
    if (!earlier) continue;
    const worse = [...graders].filter(([grader, status]) => status === 'fail' && earlier.get(grader) === 'pass').map(([grader]) => grader);
    if (worse.length > 0) {
      const [variant = '', caseId = ''] = id.split('\u0000');
      regressions.push({ caseId, variant, graders: worse });
    }
  }
  return regressions;
}
