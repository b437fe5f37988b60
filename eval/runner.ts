import { join } from 'node:path';
import type { EvalCase } from './dataset/schema';
import { runCase, type ModelSource } from './harness/run-case';
import { readCassette, writeCassette, type Cassette } from './harness/cassette';
import type { GraderEnv } from './graders/types';
import type { Judge, JudgeResult } from './judge/judge';
import { outcomeCost, resultOf, type CaseResult } from './case-result';
import { variantLabel, type ExperimentVariant } from '../src/agents/experiments';

export type SourceKind = 'scripted' | 'live' | 'replay';

export type { CaseResult } from './case-result';
export { judgeMaterial } from './case-result';

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
      if (model.save) writeCassette(path, model.save);
      spent += outcomeCost(outcome);
      const judgePath = path.replace(/\.json$/, '.judge.json');
      const judgeFor = options.judgeFor;
      const result = await resultOf(job.item, outcome, {
        variant: variantLabel(variant),
        trial: job.trial,
        env: options.env,
        ...(judgeFor ? { judgeFor: () => judgeFor(judgePath) } : {}),
        ...(options.judgeCostOf ? { judgeCostOf: options.judgeCostOf } : {}),
      });
      spent += result.judgeCostUsd;
      results.push(result);
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  results.sort((a, b) => cases.findIndex((c) => c.id === a.caseId) - cases.findIndex((c) => c.id === b.caseId) || a.trial - b.trial);
  return { results, skipped };
}
