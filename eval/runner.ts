import { join } from 'node:path';
import type { EvalCase } from './dataset/schema';
import { runCase, type ModelSource } from './harness/run-case';
import { readCassette, writeCassette, type Cassette } from './harness/cassette';
import type { CaseOutcome } from './harness/outcome';
import { casePassed, gradeCase } from './graders/index';
import type { GradeResult, GraderEnv } from './graders/types';
import type { Judge, JudgeResult } from './judge/judge';
import type { Verdict } from './judge/verdict';
import { variantLabel, type ExperimentVariant } from '../src/agents/experiments';

export type SourceKind = 'scripted' | 'live' | 'replay';

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

export interface RunOptions {
  source: SourceKind;
  apiKey?: string;
  cassetteDir: string;
  trials: number;
  concurrency: number;
  env: GraderEnv;
  /** The judge for one case (live: recording; replay: from its cassette), or null when it cannot run. */
  judgeFor?: (cassettePath: string) => { judge: Judge; save: () => void } | null;
  judgeCostOf?: (result: JudgeResult<unknown>) => number;
  /** Stops starting new cases once this much (USD, model and judge) has been spent. */
  maxCostUsd?: number;
  onResult?: (result: CaseResult) => void;
}

const cassettePath = (dir: string, variant: ExperimentVariant, caseId: string, trial: number) => join(dir, variantLabel(variant), `${caseId}.t${trial}.json`);

function modelSourceFor(options: RunOptions, path: string, errors: string[]): { source: ModelSource; save?: Cassette } | null {
  if (options.source === 'scripted') return { source: { kind: 'scripted' } };
  if (options.source === 'live') {
    const record: Cassette = { version: 1, recordedAt: new Date().toISOString(), entries: [] };
    return { source: { kind: 'live', apiKey: options.apiKey ?? '', record }, save: record };
  }
  const cassette = readCassette(path);
  if (!cassette) {
    errors.push(`no cassette at ${path}`);
    return null;
  }
  return { source: { kind: 'replay', cassette } };
}

const outcomeCost = (outcome: CaseOutcome) => outcome.modelCalls.reduce((sum, call) => sum + (call.costUsd ?? 0), 0);

/** Runs every case (× trials) for one prompt variant through the agent core, grades it, and judges it if a judge is set. */
export async function runVariant(cases: readonly EvalCase[], variant: ExperimentVariant, options: RunOptions): Promise<{ results: CaseResult[]; skipped: string[] }> {
  const jobs = cases.flatMap((item) => Array.from({ length: options.trials }, (_, trial) => ({ item, trial })));
  const results: CaseResult[] = [];
  const skipped: string[] = [];
  let spent = 0;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next];
      next += 1;
      if (!job) break;
      if (options.maxCostUsd !== undefined && spent >= options.maxCostUsd) {
        skipped.push(`${job.item.id} (trial ${job.trial}): --max-cost reached`);
        continue;
      }
      const path = cassettePath(options.cassetteDir, variant, job.item.id, job.trial);
      const setupErrors: string[] = [];
      const model = modelSourceFor(options, path, setupErrors);
      if (!model) {
        skipped.push(`${job.item.id} (trial ${job.trial}): ${setupErrors.join('; ')}`);
        continue;
      }
      const outcome = await runCase(job.item, model.source, variant.id);
      if (outcome.variant !== variantLabel(variant)) outcome.harnessErrors.push(`the app ran variant ${outcome.variant ?? 'none'}, not ${variantLabel(variant)}`);
      if (model.save) writeCassette(path, model.save);
      spent += outcomeCost(outcome);
      const grades = gradeCase(job.item, outcome, options.env);
      const judged = await judgeOutcome(job.item, outcome, options, path.replace(/\.json$/, '.judge.json'));
      spent += judged.cost;
      const result: CaseResult = { caseId: job.item.id, category: job.item.category, variant: variantLabel(variant), trial: job.trial, passed: casePassed(grades), grades, outcome, judge: judged.judge, judgeCostUsd: judged.cost };
      results.push(result);
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  results.sort((a, b) => cases.findIndex((c) => c.id === a.caseId) - cases.findIndex((c) => c.id === b.caseId) || a.trial - b.trial);
  return { results, skipped };
}

async function judgeOutcome(item: EvalCase, outcome: CaseOutcome, options: RunOptions, path: string): Promise<{ judge: CaseResult['judge']; cost: number }> {
  const judging = outcome.answerText.trim() === '' ? null : (options.judgeFor?.(path) ?? null);
  if (!judging) return { judge: { status: 'not run' }, cost: 0 };
  const result = await judging.judge.score(judgeMaterial(item, outcome), outcome.answerText);
  judging.save();
  const cost = options.judgeCostOf?.(result) ?? 0;
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
