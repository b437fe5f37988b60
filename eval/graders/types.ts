import type { EvalCase } from '../dataset/schema';
import type { CaseOutcome } from '../harness/outcome';

export type GradeStatus = 'pass' | 'fail' | 'not-applicable';

export interface GradeResult {
  grader: string;
  status: GradeStatus;
  detail: string;
}

/** What the graders know about the product under test. */
export interface GraderEnv {
  /** Whether the app has an investor profile (another issue adds it); suitability needs it. */
  profileSupported: boolean;
}

/** A deterministic grader: a pure function of the case and what the turn did; null when the case does not ask for it. */
export type Grader = (item: EvalCase, outcome: CaseOutcome, env: GraderEnv) => GradeResult | null;

export const pass = (grader: string, detail: string): GradeResult => ({ grader, status: 'pass', detail });
export const fail = (grader: string, detail: string): GradeResult => ({ grader, status: 'fail', detail });
export const notApplicable = (grader: string, detail: string): GradeResult => ({ grader, status: 'not-applicable', detail });
