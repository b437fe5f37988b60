import type { CaseResult } from '../runner';
import type { PairwiseOutcome } from '../judge/pairwise';
import { criteria } from '../judge/verdict';
import { twoProportionP } from './stats';

export interface CaseComparison {
  caseId: string;
  /** Share of trials that passed every deterministic grader. */
  passA: number;
  passB: number;
  /** Mean of the four judge scores over trials; null when not judged. */
  judgeA: number | null;
  judgeB: number | null;
  pairwise: { winner: 'A' | 'B' | 'tie' | null; shownFirst: 'A' | 'B'; reason: string } | null;
}

export interface Comparison {
  a: string;
  b: string;
  cases: CaseComparison[];
  passRateA: number;
  passRateB: number;
  /** B − A, in percentage points. */
  differencePp: number;
  /** Two-proportion z-test over all runs; small samples make it a rough guide. */
  pValue: number | null;
  changed: string[];
  pairwise: { aWins: number; bWins: number; ties: number; errors: number; notRun: number };
}

const meanScore = (results: CaseResult[]): number | null => {
  const scores = results.flatMap((r) => (r.judge.status === 'ok' ? [criteria.reduce((sum, c) => sum + (r.judge.status === 'ok' ? r.judge.verdict[c].score : 0), 0) / criteria.length] : []));
  return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
};

/** Per-case and overall differences between two variants' runs, with the pairwise judge's verdicts when available. */
export function compareVariants(a: string, resultsA: readonly CaseResult[], b: string, resultsB: readonly CaseResult[], pairwise: ReadonlyMap<string, PairwiseOutcome>): Comparison {
  const ids = [...new Set([...resultsA, ...resultsB].map((r) => r.caseId))];
  const share = (rs: CaseResult[]) => (rs.length === 0 ? 0 : rs.filter((r) => r.passed).length / rs.length);
  const cases = ids.map((caseId): CaseComparison => {
    const ra = resultsA.filter((r) => r.caseId === caseId);
    const rb = resultsB.filter((r) => r.caseId === caseId);
    const pair = pairwise.get(caseId);
    return { caseId, passA: share(ra), passB: share(rb), judgeA: meanScore(ra), judgeB: meanScore(rb), pairwise: pair ? { winner: pair.winner, shownFirst: pair.shownFirst, reason: pair.reason } : null };
  });
  const passedA = resultsA.filter((r) => r.passed).length;
  const passedB = resultsB.filter((r) => r.passed).length;
  const rateA = resultsA.length === 0 ? 0 : passedA / resultsA.length;
  const rateB = resultsB.length === 0 ? 0 : passedB / resultsB.length;
  const verdicts = cases.map((c) => c.pairwise);
  return {
    a,
    b,
    cases,
    passRateA: rateA,
    passRateB: rateB,
    differencePp: (rateB - rateA) * 100,
    pValue: twoProportionP(passedA, resultsA.length, passedB, resultsB.length),
    changed: cases.filter((c) => c.passA !== c.passB).map((c) => c.caseId),
    pairwise: {
      aWins: verdicts.filter((v) => v?.winner === 'A').length,
      bWins: verdicts.filter((v) => v?.winner === 'B').length,
      ties: verdicts.filter((v) => v?.winner === 'tie').length,
      errors: verdicts.filter((v) => v !== null && v.winner === null).length,
      notRun: verdicts.filter((v) => v === null).length,
    },
  };
}
