import type { EvalCase } from '../dataset/schema';
import type { CaseOutcome } from '../harness/outcome';
import { gradeBudget } from './budget';
import { gradeClarifying } from './clarifying';
import { gradeCompleted } from './completed';
import { gradeDisclosure } from './disclosure';
import { gradeFallback } from './fallback';
import { gradeGrounded } from './grounded';
import { gradeInjection } from './injection';
import { gradeOrders } from './orders';
import { gradePatterns } from './patterns';
import { gradeRoute } from './route';
import { gradeSuitability } from './suitability';
import { gradeTools } from './tools';
import type { GradeResult, Grader, GraderEnv } from './types';

/** Every deterministic grader, in report order. */
export const graders: readonly Grader[] = [
  gradeCompleted,
  gradeRoute,
  gradeTools,
  gradeGrounded,
  gradeDisclosure,
  gradeOrders,
  gradeInjection,
  gradeFallback,
  gradeClarifying,
  gradePatterns,
  gradeSuitability,
  gradeBudget,
];

export function gradeCase(item: EvalCase, outcome: CaseOutcome, env: GraderEnv): GradeResult[] {
  return graders.flatMap((grader) => {
    const result = grader(item, outcome, env);
    return result ? [result] : [];
  });
}

/** A case passes when no grader failed (not-applicable ones neither pass nor fail it). */
export const casePassed = (grades: readonly GradeResult[]) => grades.every((g) => g.status !== 'fail');
