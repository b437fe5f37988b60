/**
 * One case's result: the deterministic grades of what the turn did, and the judge's verdict when a judge ran. Shared
 * by `npm run eval` (runner.ts) and the extension's "Run evaluation"; browser-safe (no Node modules).
 */
import type { EvalCase } from './dataset/schema';
import type { CaseOutcome } from './harness/outcome';
import { casePassed, gradeCase } from './graders/index';
import type { GradeResult, GraderEnv } from './graders/types';
import type { Judge, JudgeResult } from './judge/judge';
import type { Verdict } from './judge/verdict';

export interface CaseResult {
  caseId: string;
  category: string;
  variant: string;
  trial: number;
  passed: boolean;
  grades: GradeResult[];
  outcome: CaseOutcome;
  judge: { status: 'not run' } | { status: 'ok'; verdict: Verdict; model: string; promptVersion: string } | { status: 'error'; error: string; model: string; promptVersion: string };
  judgeCostUsd: number;
}

/** A judge for one case (and what to do once it answered: keep its cassette), or null when none can run. */
export type JudgeFor = () => { judge: Judge; save: () => void } | null;

/** Grades a case's outcome with every deterministic grader, then asks the judge (if any) about a non-empty answer. */
export async function resultOf(
  item: EvalCase,
  outcome: CaseOutcome,
  run: { variant: string; trial: number; env: GraderEnv; judgeFor?: JudgeFor; judgeCostOf?: (result: JudgeResult<unknown>) => number },
): Promise<CaseResult> {
  if (outcome.variant !== run.variant) outcome.harnessErrors.push(`the app ran variant ${outcome.variant ?? 'none'}, not ${run.variant}`);
  const grades = gradeCase(item, outcome, run.env);
  const judged = await judgeOutcome(item, outcome, run.judgeFor, run.judgeCostOf);
  return { caseId: item.id, category: item.category, variant: run.variant, trial: run.trial, passed: casePassed(grades), grades, outcome, judge: judged.judge, judgeCostUsd: judged.cost };
}

async function judgeOutcome(item: EvalCase, outcome: CaseOutcome, judgeFor: JudgeFor | undefined, costOf: ((result: JudgeResult<unknown>) => number) | undefined): Promise<{ judge: CaseResult['judge']; cost: number }> {
  const judging = outcome.answerText.trim() === '' ? null : (judgeFor?.() ?? null);
  if (!judging) return { judge: { status: 'not run' }, cost: 0 };
  const result = await judging.judge.score(judgeMaterial(item, outcome), outcome.answerText);
  judging.save();
  const cost = costOf?.(result) ?? 0;
  if (result.ok) return { judge: { status: 'ok', verdict: result.value, model: result.model, promptVersion: result.promptVersion }, cost };
  return { judge: { status: 'error', error: result.error, model: result.model, promptVersion: result.promptVersion }, cost };
}

export function judgeMaterial(item: EvalCase, outcome: CaseOutcome) {
  return {
    conversation: item.conversation,
    ...(item.pageText ? { pageText: item.pageText } : {}),
    toolResults: outcome.toolCalls.map((call) => ({ name: call.name, content: call.content })),
    expectations: item.judge,
  };
}

/** USD of a case's model calls, from the dated price table (calls on unpriced models count 0). */
export const outcomeCost = (outcome: CaseOutcome) => outcome.modelCalls.reduce((sum, call) => sum + (call.costUsd ?? 0), 0);
