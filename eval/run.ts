/**
 * `npm run eval`: runs the evaluation set through the extension's agent core (the real background app in Node, against
 * the Alpaca simulator), grades every answer, optionally judges it, and writes Markdown, JSON and HTML reports plus a
 * file the metrics view imports. Exit status 1 when a deterministic grader fails in scripted mode, or regresses.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from '../src/protocol/json';
import { loadDataset } from './dataset/index';
import { DATASET_VERSION, type EvalCase } from './dataset/schema';
import { parseCli, type CliOptions } from './cli-options';
import { profileSupported } from './harness/run-case';
import { runVariant, judgeMaterial, type CaseResult, type RunOptions } from './runner';
import { findVariant } from './variants';
import { variantLabel } from '../src/agents/experiments';
import { liveJudges, replayJudges, type JudgeFactory } from './judge/judge-factory';
import { JUDGE_PROMPT_VERSION } from './judge/prompt';
import { runCalibration } from './judge/calibration';
import { comparePair, type PairwiseOutcome } from './judge/pairwise';
import { summarise } from './report/summary';
import { compareVariants } from './report/compare';
import { findRegressions, savedRunSchema } from './report/regressions';
import { SOURCE_NOTES, type RunReport } from './report/run-report';
import { renderMarkdown } from './report/markdown';
import { renderHtml } from './report/html';
import { metricsExport } from './report/metrics-export';
import { estimateLiveCost } from './cost-estimate';

function selectCases(options: CliOptions): EvalCase[] {
  const all = loadDataset();
  const unknown = options.cases.filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0) throw new Error(`Unknown case id(s): ${unknown.join(', ')}`);
  return all.filter((c) => (options.cases.length === 0 || options.cases.includes(c.id)) && (options.categories.length === 0 || options.categories.includes(c.category)));
}

function judgeSetup(options: CliOptions, apiKey: string | undefined, replayErrors: string[]): { factory: JudgeFactory | null; reason: string } {
  if (!options.judge) return { factory: null, reason: 'switched off with --no-judge' };
  if (options.mode === 'live' && apiKey) return { factory: liveJudges(apiKey, options.judgeModel), reason: 'live judge' };
  if (options.mode === 'replay') return { factory: replayJudges(options.judgeModel, replayErrors), reason: 'judge verdicts replayed from cassettes where recorded' };
  return { factory: null, reason: options.mode === 'scripted' ? 'scripted mode has no key and no judge cassette' : 'no ANTHROPIC_API_KEY' };
}

async function main() {
  const options = parseCli(process.argv.slice(2));
  const log = (line: string) => { if (!options.quiet) console.log(line); };
  const apiKey = process.env.ANTHROPIC_API_KEY;
  if (options.mode === 'live' && !apiKey) throw new Error('--mode live needs ANTHROPIC_API_KEY in the environment.');
  const cases = selectCases(options);
  const variants = (options.compare ?? [options.variant]).map(findVariant);
  const startedAt = new Date().toISOString();
  const runId = `${options.mode}-${startedAt.replace(/[:.]/g, '-')}`;
  console.log(SOURCE_NOTES[options.mode]);

  let estimate: RunReport['estimate'] = null;
  if (options.mode === 'live') {
    estimate = await estimateLiveCost(cases, options, variants.length);
    console.log(`Estimated cost: $${estimate.costUsd.toFixed(4)} (${estimate.basis}); --max-cost $${options.maxCost.toFixed(2)}`);
    if (estimate.costUsd > options.maxCost) throw new Error(`The estimate is above --max-cost; nothing was sent. Raise --max-cost or select fewer cases.`);
  }

  const replayErrors: string[] = [];
  const { factory, reason } = judgeSetup(options, apiKey, replayErrors);
  const env = { profileSupported: profileSupported() };
  const runOptions: RunOptions = {
    source: options.mode,
    ...(apiKey ? { apiKey } : {}),
    cassetteDir: options.cassettes,
    trials: options.trials,
    concurrency: options.concurrency ?? (options.mode === 'scripted' ? 4 : 2),
    env,
    ...(factory ? { judgeFor: (path: string) => factory.judgeFor(path), judgeCostOf: (result) => factory.costOf(result) } : {}),
    ...(options.mode === 'live' ? { maxCostUsd: options.maxCost } : {}),
    onResult: (r) => { log(`${r.passed ? 'pass' : 'FAIL'} ${r.caseId} [${r.variant} t${r.trial}] ${r.outcome.agent ?? '-'} ${r.outcome.durationMs} ms${r.passed ? '' : ` — ${r.grades.filter((g) => g.status === 'fail').map((g) => g.grader).join(', ')}`}`); },
  };
  const byVariant: { label: string; results: CaseResult[] }[] = [];
  const skipped: string[] = [];
  for (const variant of variants) {
    const run = await runVariant(cases, variant, runOptions);
    byVariant.push({ label: variantLabel(variant), results: run.results });
    skipped.push(...run.skipped);
  }
  const results = byVariant.flatMap((v) => v.results);

  let comparison: RunReport['comparison'] = null;
  const [first, second] = byVariant;
  if (options.compare && first && second) {
    const pairwise = new Map<string, PairwiseOutcome>();
    for (const item of cases) {
      const a = first.results.find((r) => r.caseId === item.id && r.trial === 0);
      const b = second.results.find((r) => r.caseId === item.id && r.trial === 0);
      const judging = a && b ? factory?.judgeFor(join(options.cassettes, 'pairwise', `${first.label}-vs-${second.label}`, `${item.id}.json`)) : null;
      if (!a || !b || !judging) continue;
      pairwise.set(item.id, await comparePair(judging.judge, judgeMaterial(item, a.outcome), a.outcome.answerText, b.outcome.answerText, options.seed, item.id));
      judging.save();
    }
    comparison = compareVariants(first.label, first.results, second.label, second.results, pairwise);
  }

  let calibration: RunReport['calibration'] = { status: 'not run', reason: options.calibrate ? reason : 'not asked for (--calibrate)' };
  const calibrationJudge = options.calibrate ? factory?.judgeFor(join(options.cassettes, 'calibration', `${options.judgeModel}.json`)) : null;
  if (calibrationJudge) {
    calibration = await runCalibration(calibrationJudge.judge, options.seed);
    calibrationJudge.save();
  }

  mkdirSync(join(options.out, 'runs'), { recursive: true });
  const lastPath = join(options.out, `last-${options.mode}.json`);
  const previous = existsSync(lastPath) ? parseJson(savedRunSchema, readFileSync(lastPath, 'utf8')) : null;
  const regressions = previous ? findRegressions(previous.results, results) : [];
  const judged = results.some((r) => r.judge.status !== 'not run');
  const report: RunReport = {
    schema: 'clera-eval-run',
    version: 1,
    runId,
    startedAt,
    finishedAt: new Date().toISOString(),
    modelSource: options.mode,
    sourceNote: SOURCE_NOTES[options.mode],
    datasetVersion: DATASET_VERSION,
    caseCount: cases.length,
    trials: options.trials,
    seed: options.seed,
    models: [...new Set(results.flatMap((r) => r.outcome.modelCalls.map((c) => c.model)))].sort(),
    judge: judged ? { status: 'run', reason, model: options.judgeModel, promptVersion: JUDGE_PROMPT_VERSION } : { status: 'not run', reason },
    profileSupported: env.profileSupported,
    summaries: byVariant.map((v) => summarise(v.label, v.results, options.trials)),
    comparison,
    regressions: { against: previous?.runId ?? null, list: regressions },
    calibration,
    skipped: [...skipped, ...replayErrors],
    estimate,
    results,
  };
  const expected = new Map(cases.map((c) => [c.id, { routes: c.expect.route, expectsTools: c.expect.toolsCalled.length > 0 }]));
  const json = `${JSON.stringify(report, null, 1)}\n`;
  writeFileSync(join(options.out, 'runs', `${runId}.json`), json);
  writeFileSync(lastPath, json);
  writeFileSync(join(options.out, 'report.json'), json);
  writeFileSync(join(options.out, 'report.md'), renderMarkdown(report));
  writeFileSync(join(options.out, 'report.html'), renderHtml(report));
  writeFileSync(join(options.out, 'metrics-import.json'), `${JSON.stringify(metricsExport(report, expected), null, 1)}\n`);

  for (const s of report.summaries) {
    console.log(`${s.variant}: ${s.overall.passed}/${s.overall.total} passed; routing ${s.routing.passed}/${s.routing.total}; judge ${report.judge.status}; model calls ${s.modelCalls}; cost $${(s.costUsd.model + s.costUsd.judge).toFixed(4)}`);
  }
  console.log(`Reports: ${join(options.out, 'report.md')} (.json, .html), metrics import: ${join(options.out, 'metrics-import.json')}`);
  const failed = results.filter((r) => !r.passed);
  if (regressions.length > 0) console.log(`Regressions against ${previous?.runId ?? '?'}: ${regressions.map((r) => `${r.caseId} (${r.graders.join(', ')})`).join('; ')}`);
  if (options.mode === 'scripted' && failed.length > 0) console.log(`Deterministic graders failed in scripted mode: ${failed.map((r) => r.caseId).join(', ')}`);
  return (options.mode === 'scripted' && failed.length > 0) || regressions.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
