/**
 * The evaluation set as the extension runs it ("Run evaluation" on the metrics page): the same dataset, agent core
 * (the real background app, nested with a throwaway database), graders and judge as `npm run eval`, with the user's
 * key against their Anthropic base URL, and each case's account fixture served by the in-process Alpaca simulator.
 * The nested app's fetch answers the simulator's URLs in-process and sends only the Anthropic base URL to the network;
 * anything else is refused, so no request can reach a broker. Browser-safe: no Node modules.
 */
import { loadDataset } from '../dataset/index';
import { DATASET_VERSION, type EvalCase } from '../dataset/schema';
import { datasetSizing } from '../dataset/sizing';
import { priceEstimate } from '../cost-price';
import { outcomeCost, resultOf, type CaseResult } from '../case-result';
import { runTurn, seedBroker, EVAL_NOW, profileSupported } from '../harness/case-turn';
import { createJudge } from '../judge/judge';
import { judgeCost } from '../judge/judge-cost';
import { DEFAULT_JUDGE_MODEL } from '../judge/prompt';
import { importEntries } from '../report/metrics-export';
import { createInProcessAlpaca } from '../../tests/simulators/alpaca/in-process';
import { openDatabase } from '../../src/store/db';
import { variantLabel } from '../../src/agents/experiments';
import { findVariant } from '../variants';
import type { EvalPlanCore, EvalRunCase, EvalSelection, EvaluationRunner } from '../../src/protocol/eval-run';

const urlOf = (input: Parameters<typeof fetch>[0]) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/** The cases of a selection, in dataset order: the categories asked for (none = all), narrowed to `caseIds` if given. */
export function selectCases(all: readonly EvalCase[], selection: EvalSelection): EvalCase[] {
  const unknown = (selection.caseIds ?? []).filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0) throw new Error(`Unknown case id(s): ${unknown.join(', ')}`);
  return all.filter((c) => (selection.categories.length === 0 || selection.categories.includes(c.category)) && (!selection.caseIds || selection.caseIds.includes(c.id)));
}

/** What a selection is and would cost, from the committed request sizes; sends nothing. */
export function planRun(all: readonly EvalCase[], selection: EvalSelection, options: { judge: boolean; models: { supervisor: string; specialist: string } }): EvalPlanCore {
  const cases = selectCases(all, selection);
  const sizings = datasetSizing.cases.filter((s) => cases.some((c) => c.id === s.caseId));
  const missing = cases.filter((c) => !sizings.some((s) => s.caseId === c.id)).map((c) => c.id);
  const estimate = priceEstimate(sizings, { trials: 1, variantCount: 1, judge: options.judge, judgeModel: DEFAULT_JUDGE_MODEL, models: options.models });
  const counts = new Map<string, number>();
  for (const item of all) counts.set(item.category, (counts.get(item.category) ?? 0) + 1);
  return {
    datasetVersion: DATASET_VERSION,
    categories: [...counts].map(([name, count]) => ({ name, count })),
    cases: cases.map((c) => ({ id: c.id, category: c.category, question: c.conversation.at(-1)?.text ?? '' })),
    estimate: {
      costUsd: estimate.costUsd,
      basis: missing.length > 0 ? `${estimate.basis}; no measured sizes for ${missing.join(', ')}: not included` : estimate.basis,
      prices: estimate.prices.map((p) => ({ model: p.model, input: p.input, output: p.output, asOf: p.asOf, source: p.source, verified: p.verified })),
      unpriced: estimate.unpriced,
    },
    models: options.models,
    judgeModel: DEFAULT_JUDGE_MODEL,
    sizedOn: datasetSizing.measuredAt,
  };
}

function progressOf(result: CaseResult): EvalRunCase {
  const scores = result.judge.status === 'ok'
    ? { accuracy: result.judge.verdict.accuracy.score, actionability: result.judge.verdict.actionability.score, risk_considerations: result.judge.verdict.risk_considerations.score, professional_tone: result.judge.verdict.professional_tone.score }
    : undefined;
  return {
    caseId: result.caseId,
    category: result.category,
    passed: result.passed,
    failed: result.grades.filter((g) => g.status === 'fail').map((g) => ({ grader: g.grader, detail: g.detail })),
    agent: result.outcome.agent,
    judge: { status: result.judge.status, ...(scores ? { scores } : {}), ...(result.judge.status === 'error' ? { error: result.judge.error } : {}) },
    costUsd: outcomeCost(result.outcome) + result.judgeCostUsd,
    durationMs: result.outcome.durationMs,
  };
}

export interface InExtensionOptions {
  /** A fresh database per case (a throwaway IndexedDB name in the browser, fake-indexeddb in Node tests). */
  openCaseDatabase?: (name: string) => ReturnType<typeof openDatabase>;
}

export function createEvaluationRunner(options: InExtensionOptions = {}): EvaluationRunner {
  let dataset: EvalCase[] | null = null;
  const all = () => (dataset ??= loadDataset());
  const open = options.openCaseDatabase ?? ((name: string) => openDatabase(name));
  return {
    plan: (selection, planOptions) => planRun(all(), selection, planOptions),
    async run(selection, run) {
      const cases = selectCases(all(), selection);
      const variant = findVariant(run.variant);
      const label = variantLabel(variant);
      const anthropicOrigin = new URL(run.anthropicUrl).origin;
      const toAnthropic = (url: string) => {
        try {
          return new URL(url).origin === anthropicOrigin;
        } catch {
          return false;
        }
      };
      /** The network for the Anthropic base URL only (stopping aborts a call in flight); everything else refused. */
      const anthropicOnly = (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        const url = urlOf(input);
        if (!toAnthropic(url)) return Promise.reject(new TypeError(`Run evaluation sends nothing to ${url}`));
        const signal = init?.signal ? AbortSignal.any([init.signal, run.signal]) : run.signal;
        return run.fetch(input, { ...init, signal });
      };
      const results: CaseResult[] = [];
      const progress: EvalRunCase[] = [];
      let spent = 0;
      let stopped = false;
      /** Read through a function: Stop can come while a case awaits. */
      const stopRequested = () => run.signal.aborted;
      for (const [index, item] of cases.entries()) {
        if (stopRequested()) {
          stopped = true;
          break;
        }
        const broker = createInProcessAlpaca({ now: EVAL_NOW, history: item.account.history });
        seedBroker(item, broker);
        const harnessErrors: string[] = [];
        const database = open(`clera-eval-${crypto.randomUUID()}`);
        try {
          const outcome = await runTurn(item, {
            broker,
            fetch: (input, init) => (broker.handles(urlOf(input)) ? broker.fetch(input, init) : anthropicOnly(input, init)),
            anthropicUrl: run.anthropicUrl,
            apiKey: run.apiKey,
            variant: variant.id,
            settings: { models: { ...run.models, fallback: '' }, trustedKeyOrigins: run.trustedKeyOrigins },
            database,
            harnessErrors,
          });
          // A case cut short by Stop is not graded: its answer is the stop, not the model's.
          if (stopRequested()) {
            stopped = true;
            break;
          }
          const result = await resultOf(item, outcome, {
            variant: label,
            trial: 0,
            env: { profileSupported: profileSupported() },
            ...(run.judge ? { judgeFor: () => ({ judge: createJudge({ apiKey: run.apiKey, baseURL: run.anthropicUrl, model: DEFAULT_JUDGE_MODEL, fetch: anthropicOnly }), save: () => undefined }), judgeCostOf: judgeCost } : {}),
          });
          if (stopRequested() && result.judge.status === 'error') {
            // The judge was cut short by Stop: the deterministic grades stand, the verdict was never given.
            result.judge = { status: 'not run' };
          }
          results.push(result);
          const entry = progressOf(result);
          progress.push(entry);
          spent += entry.costUsd;
          run.onCase(entry, spent, cases[index + 1]?.id ?? null);
        } finally {
          await database.delete().catch(() => undefined);
        }
      }
      const expected = new Map(cases.map((c) => [c.id, { routes: c.expect.route, expectsTools: c.expect.toolsCalled.length > 0 }]));
      return {
        results: progress,
        importCases: importEntries(results, expected),
        label: `extension · ${label} · ${run.models.supervisor}/${run.models.specialist} · dataset v${DATASET_VERSION}${stopped ? ` · stopped after ${results.length} of ${cases.length}` : ''}`.slice(0, 200),
        stopped,
        spentUsd: spent,
      };
    },
  };
}
