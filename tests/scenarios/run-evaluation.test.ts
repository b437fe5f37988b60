import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from './support';
import { createEvaluationRunner } from '../../eval/in-extension/index';
import { loadDataset } from '../../eval/dataset/index';
import { scriptForCases } from '../../eval/harness/script-model';
import { message, toolUse, type Script } from '../simulators/anthropic';
import type { EvalRunStatus } from '../../src/protocol/eval-run';

/**
 * "Run evaluation" over the real background app: the user's settings point at the Anthropic simulator (their model)
 * and at an Alpaca simulator standing for their real broker account, which must see no request at all.
 */
let scenario: Scenario;
const errors: string[] = [];
beforeEach(async () => {
  scenario = await startScenario({ platform: { evaluation: createEvaluationRunner() } });
  errors.length = 0;
  scenario.anthropic.setScript(scriptForCases(loadDataset(), errors));
});
afterEach(async () => { await scenario.close(); });

async function settled(s: Scenario): Promise<EvalRunStatus> {
  for (let i = 0; i < 600; i += 1) {
    const done = s.bg.events.flatMap((e) => (e.type === 'eval-run-progress' && e.status.state !== 'running' ? [e.status] : [])).at(-1);
    if (done) return done;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

describe('Run evaluation in the background', () => {
  it('shows the estimate without any call, refuses a start whose estimate was not the one shown, then runs, grades and records the cases', async () => {
    const { client } = scenario.bg;
    const plan = await client.request({ type: 'eval-run-plan', selection: { categories: ['suitability'] }, judge: false });
    expect(plan.cases.map((c) => c.id)).toEqual(['conservative-wants-leverage', 'retiree-all-in-single-stock']);
    expect(plan.keySet).toBe(true);
    expect(plan.anthropicUrl).toBe(scenario.anthropic.url);
    expect(plan.estimate.costUsd).toBeGreaterThan(0);
    expect(scenario.anthropic.requests).toHaveLength(0);

    await expect(client.request({ type: 'eval-run-start', selection: { categories: ['suitability'] }, judge: false, confirmedCostUsd: plan.estimate.costUsd / 2 })).rejects.toMatchObject({ code: 'eval-estimate-changed' });
    // The judge costs more: its estimate is not the one confirmed without it.
    const judged = await client.request({ type: 'eval-run-plan', selection: { categories: ['suitability'] }, judge: true });
    expect(judged.estimate.costUsd).toBeGreaterThan(plan.estimate.costUsd);
    await expect(client.request({ type: 'eval-run-start', selection: { categories: ['suitability'] }, judge: true, confirmedCostUsd: plan.estimate.costUsd })).rejects.toMatchObject({ code: 'eval-estimate-changed' });
    expect(scenario.anthropic.requests).toHaveLength(0);

    const started = await client.request({ type: 'eval-run-start', selection: { categories: ['suitability'] }, judge: false, confirmedCostUsd: plan.estimate.costUsd });
    expect(started).toMatchObject({ state: 'running', total: 2, current: 'conservative-wants-leverage' });
    const done = await settled(scenario);
    expect(errors).toEqual([]);
    expect(done.state).toBe('finished');
    expect(done.results.map((r) => [r.caseId, r.passed, r.judge.status])).toEqual([['conservative-wants-leverage', true, 'not run'], ['retiree-all-in-single-stock', true, 'not run']]);
    expect(done.recorded).toEqual({ cases: 2, routeRight: 2 });
    // Progress came case by case.
    const progress = scenario.bg.events.flatMap((e) => (e.type === 'eval-run-progress' ? [e.status.results.length] : []));
    expect(progress).toEqual([1, 2, 2]);
    // The model calls went to the user's base URL; their broker never heard of the run.
    expect(scenario.anthropic.requests.length).toBeGreaterThan(0);
    expect(scenario.alpaca.requests).toHaveLength(0);

    // Recorded like an imported evaluation: it counts in routing accuracy and in the variant comparison.
    const report = await client.request({ type: 'metrics-report', range: 'day', agent: null });
    expect(report.routing.accuracy.sources.evaluation).toBe(2);
    const variants = await client.request({ type: 'metrics-variants', range: 'day' });
    const row = variants.rows.find((r) => r.variant === 'default@v1');
    expect(row?.evaluation).toMatchObject({ n: 2 });
    expect(await client.request({ type: 'eval-run-status' })).toEqual({ status: done });
  }, 60_000);

  it('Stop ends the run after the case in progress; only finished cases are recorded', async () => {
    const { client } = scenario.bg;
    const plan = await client.request({ type: 'eval-run-plan', selection: { categories: ['out-of-scope'] }, judge: false });
    await client.request({ type: 'eval-run-start', selection: { categories: ['out-of-scope'] }, judge: false, confirmedCostUsd: plan.estimate.costUsd });
    await expect(client.request({ type: 'eval-run-start', selection: { categories: ['out-of-scope'] }, judge: false, confirmedCostUsd: plan.estimate.costUsd })).rejects.toMatchObject({ code: 'eval-running' });
    expect(await client.request({ type: 'eval-run-stop' })).toEqual({ stopping: true });
    const done = await settled(scenario);
    expect(done.state).toBe('stopped');
    expect(done.results.length).toBeLessThan(3);
    expect(done.recorded?.cases ?? 0).toBe(done.results.length);
    expect(scenario.alpaca.requests).toHaveLength(0);
  }, 60_000);

  // Plumbing, not judge quality: the simulator plays the judge with a scripted verdict for the first case and a
  // malformed one (a score of 9, twice) for the second.
  it('asks the judge only when opted in: a valid verdict is shown and recorded, a malformed one is a judge error, never a score', async () => {
    const { client } = scenario.bg;
    const good = { score: 4, reason: 'Names the risk.' };
    const verdict = { accuracy: good, actionability: { score: 3, reason: 'Some steps.' }, risk_considerations: { score: 5, reason: 'Clear.' }, professional_tone: good };
    const cases = scriptForCases(loadDataset(), errors);
    const script: Script = (request, context) => {
      if (request.tool_choice?.type === 'tool' && request.tool_choice.name === 'record_verdict') {
        const secondCase = JSON.stringify(request.messages).includes('Should I move all my cash into NVDA?');
        return message(toolUse('record_verdict', secondCase ? { ...verdict, accuracy: { score: 9, reason: 'x' } } : verdict));
      }
      return cases(request, context);
    };
    scenario.anthropic.setScript(script);
    const plan = await client.request({ type: 'eval-run-plan', selection: { categories: ['suitability'] }, judge: true });
    await client.request({ type: 'eval-run-start', selection: { categories: ['suitability'] }, judge: true, confirmedCostUsd: plan.estimate.costUsd });
    const done = await settled(scenario);
    expect(errors).toEqual([]);
    expect(done.results.map((r) => [r.caseId, r.passed, r.judge.status])).toEqual([['conservative-wants-leverage', true, 'ok'], ['retiree-all-in-single-stock', true, 'error']]);
    expect(done.results[0]?.judge.scores).toEqual({ accuracy: 4, actionability: 3, risk_considerations: 5, professional_tone: 4 });
    expect(done.results[1]?.judge.scores).toBeUndefined();
    const judgeCalls = scenario.anthropic.requests.filter((r) => JSON.stringify(r.body).includes('record_verdict'));
    expect(judgeCalls).toHaveLength(3);
    const variants = await client.request({ type: 'metrics-variants', range: 'day' });
    const row = variants.rows.find((r) => r.variant === 'default@v1');
    expect(row?.evaluation).toMatchObject({ n: 2, judged: 1, judgeMeans: { accuracy: 4, actionability: 3, risk_considerations: 5, professional_tone: 4 } });
    expect(scenario.alpaca.requests).toHaveLength(0);
  }, 60_000);
});
