import type { CaseResult } from '../runner';
import { criteria, type Criterion } from '../judge/verdict';
import { meanInterval, passAtK, wilson } from './stats';

export interface Rate {
  passed: number;
  total: number;
  rate: number;
  /** 95% Wilson interval. */
  interval: [number, number];
}

export interface VariantSummary {
  variant: string;
  cases: number;
  trials: number;
  /** Over every (case, trial) run. */
  overall: Rate;
  byCategory: Record<string, Rate>;
  routing: Rate;
  graders: Record<string, { pass: number; fail: number; notApplicable: number }>;
  /** With trials > 1: mean pass@1 and pass@k over cases, and cases that passed some trials but not all. */
  trialStats: { k: number; passAt1: number; passAtK: number; flakyCases: string[] } | null;
  judge: { judged: number; errors: number; notRun: number; means: Partial<Record<Criterion, { mean: number; low: number; high: number; n: number }>> };
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number };
  modelCalls: number;
  costUsd: { model: number; judge: number; unpricedCalls: number };
  durationMs: number;
}

export const rate = (passed: number, total: number): Rate => ({ passed, total, rate: total === 0 ? 0 : passed / total, interval: wilson(passed, total) });

function countBy(results: readonly CaseResult[], key: (r: CaseResult) => string): Record<string, Rate> {
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return Object.fromEntries([...groups].map(([name, rs]) => [name, rate(rs.filter((r) => r.passed).length, rs.length)]));
}

function trialStats(results: readonly CaseResult[], trials: number): VariantSummary['trialStats'] {
  if (trials < 2) return null;
  const byCase = new Map<string, CaseResult[]>();
  for (const r of results) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r]);
  const rows = [...byCase].map(([id, rs]) => ({ id, n: rs.length, c: rs.filter((r) => r.passed).length }));
  const complete = rows.filter((row) => row.n >= trials);
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  return {
    k: trials,
    passAt1: mean(complete.map((row) => passAtK(row.n, row.c, 1))),
    passAtK: mean(complete.map((row) => passAtK(row.n, row.c, trials))),
    flakyCases: rows.filter((row) => row.c > 0 && row.c < row.n).map((row) => row.id),
  };
}

/** The figures of one variant's run. */
export function summarise(variant: string, results: readonly CaseResult[], trials: number): VariantSummary {
  const graders: VariantSummary['graders'] = {};
  for (const r of results) {
    for (const g of r.grades) {
      const entry = (graders[g.grader] ??= { pass: 0, fail: 0, notApplicable: 0 });
      if (g.status === 'pass') entry.pass += 1;
      else if (g.status === 'fail') entry.fail += 1;
      else entry.notApplicable += 1;
    }
  }
  const routeGrades = results.flatMap((r) => r.grades.filter((g) => g.grader === 'route'));
  const verdicts = results.flatMap((r) => (r.judge.status === 'ok' ? [r.judge.verdict] : []));
  const means: VariantSummary['judge']['means'] = {};
  for (const criterion of criteria) {
    const interval = meanInterval(verdicts.map((v) => v[criterion].score));
    if (interval) means[criterion] = interval;
  }
  const calls = results.flatMap((r) => r.outcome.modelCalls);
  const tokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  for (const call of calls) {
    tokens.input += call.tokens.input;
    tokens.output += call.tokens.output;
    tokens.cacheRead += call.tokens.cacheRead;
    tokens.cacheWrite += call.tokens.cacheWrite;
  }
  return {
    variant,
    cases: new Set(results.map((r) => r.caseId)).size,
    trials,
    overall: rate(results.filter((r) => r.passed).length, results.length),
    byCategory: countBy(results, (r) => r.category),
    routing: rate(routeGrades.filter((g) => g.status === 'pass').length, routeGrades.length),
    graders,
    trialStats: trialStats(results, trials),
    judge: {
      judged: verdicts.length,
      errors: results.filter((r) => r.judge.status === 'error').length,
      notRun: results.filter((r) => r.judge.status === 'not run').length,
      means,
    },
    tokens,
    modelCalls: calls.length,
    costUsd: {
      model: calls.reduce((sum, c) => sum + (c.costUsd ?? 0), 0),
      judge: results.reduce((sum, r) => sum + r.judgeCostUsd, 0),
      unpricedCalls: calls.filter((c) => c.costUsd === null).length,
    },
    durationMs: results.reduce((sum, r) => sum + r.outcome.durationMs, 0),
  };
}
