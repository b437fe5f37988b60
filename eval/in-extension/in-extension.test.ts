import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicSimulator, type AnthropicSimulator } from '../../tests/simulators/anthropic';
import { loadDataset } from '../dataset/index';
import { scriptForCases } from '../harness/script-model';
import { DEFAULT_MODELS } from '../../src/protocol/settings';
import { createEvaluationRunner, planRun, selectCases } from './index';
import type { EvalRunCase } from '../../src/protocol/eval-run';

const all = loadDataset();
const models = { ...DEFAULT_MODELS };
let anthropic: AnthropicSimulator | undefined;
afterEach(async () => { await anthropic?.close(); anthropic = undefined; });

/** The network as the nested app sees it: every URL asked for is kept. */
function watchedFetch() {
  const urls: string[] = [];
  const fetcher: typeof fetch = (input, init) => {
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return fetch(input, init);
  };
  return { urls, fetcher };
}

describe('the run plan', () => {
  it('selects whole categories, or some cases of them, in dataset order', () => {
    expect(selectCases(all, { categories: [] })).toHaveLength(all.length);
    const suitability = selectCases(all, { categories: ['suitability'] });
    expect(suitability.map((c) => c.category)).toEqual(['suitability', 'suitability']);
    expect(selectCases(all, { categories: ['suitability', 'out-of-scope'] })).toHaveLength(5);
    expect(selectCases(all, { categories: [], caseIds: ['legal-will'] }).map((c) => c.id)).toEqual(['legal-will']);
    expect(() => selectCases(all, { categories: [], caseIds: ['no-such-case'] })).toThrow(/Unknown case/);
  });

  it('prices the selection from the measured sizes, names each model with its dated price, and grows with the judge', () => {
    const plan = planRun(all, { categories: ['suitability'] }, { judge: false, models });
    expect(plan.cases.map((c) => c.id)).toEqual(['conservative-wants-leverage', 'retiree-all-in-single-stock']);
    expect(plan.estimate.costUsd).toBeGreaterThan(0);
    expect(plan.estimate.prices.map((p) => p.model).sort()).toEqual(['claude-haiku-4-5', 'claude-sonnet-5']);
    for (const price of plan.estimate.prices) expect(price.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const everything = planRun(all, { categories: [] }, { judge: false, models });
    expect(everything.estimate.costUsd).toBeGreaterThan(plan.estimate.costUsd * 10);
    const judged = planRun(all, { categories: ['suitability'] }, { judge: true, models });
    expect(judged.estimate.costUsd).toBeGreaterThan(plan.estimate.costUsd);
    expect(judged.estimate.basis).toContain(`judge ${judged.judgeModel}`);
    // The user's own models are priced, not the defaults the sizes were measured with.
    const opus = planRun(all, { categories: ['suitability'] }, { judge: false, models: { supervisor: 'claude-opus-5', specialist: 'claude-opus-5' } });
    expect(opus.estimate.prices.map((p) => p.model)).toEqual(['claude-opus-5']);
    expect(opus.estimate.costUsd).toBeGreaterThan(plan.estimate.costUsd);
    const unknown = planRun(all, { categories: ['suitability'] }, { judge: false, models: { supervisor: 'my-own-model', specialist: 'claude-haiku-4-5' } });
    expect(unknown.estimate.unpriced).toEqual(['my-own-model']);
  });
});

describe('running cases as the extension does (Anthropic simulator as the user’s base URL)', () => {
  it('runs the selection through the agent core with the in-process broker, grades every case, and sends nothing but model calls', async () => {
    const cases = selectCases(all, { categories: ['suitability'] });
    const errors: string[] = [];
    anthropic = await startAnthropicSimulator({ apiKey: 'sk-ant-user-key', script: scriptForCases(cases, errors) });
    const network = watchedFetch();
    const seen: EvalRunCase[] = [];
    const run = await createEvaluationRunner().run({ categories: ['suitability'] }, {
      judge: false, models, variant: 'default', anthropicUrl: anthropic.url, apiKey: 'sk-ant-user-key', trustedKeyOrigins: [],
      fetch: network.fetcher, signal: new AbortController().signal, onCase: (entry) => { seen.push(entry); },
    });
    expect(errors).toEqual([]);
    expect(run.stopped).toBe(false);
    expect(seen.map((c) => c.caseId)).toEqual(['conservative-wants-leverage', 'retiree-all-in-single-stock']);
    // The same graders as `npm run eval` in scripted mode: both cases pass, judged "not run" (no judge asked for).
    expect(run.results.map((c) => [c.caseId, c.passed, c.failed])).toEqual([['conservative-wants-leverage', true, []], ['retiree-all-in-single-stock', true, []]]);
    expect(run.results.every((c) => c.judge.status === 'not run')).toBe(true);
    // Portfolio and quote tools ran against the in-process simulator and an order became a proposal (the graders say so).
    for (const [index, item] of cases.entries()) expect(item.expect.route).toContain(run.results[index]?.agent);
    expect(network.urls.length).toBeGreaterThan(0);
    expect(network.urls.every((url) => url.startsWith(`${anthropic?.url ?? '?'}/v1/messages`))).toBe(true);
    // Every model call carried the user's key (the app sends it as x-api-key or as a bearer token).
    expect(anthropic.requests.every((r) => r.method === 'POST' && (r.headers['x-api-key'] ?? r.headers.authorization?.replace(/^Bearer /, '')) === 'sk-ant-user-key')).toBe(true);
    expect(run.importCases).toHaveLength(2);
    expect(run.importCases.every((c) => c.variant === 'default@v1' && c.expectedRoute === c.actualRoute)).toBe(true);
    expect(run.label).toContain('dataset v1');
  }, 60_000);

  it('stops between cases: the cases done are kept, the rest never start', async () => {
    const cases = selectCases(all, { categories: ['out-of-scope'] });
    const errors: string[] = [];
    anthropic = await startAnthropicSimulator({ apiKey: 'sk-ant-user-key', script: scriptForCases(cases, errors) });
    const stop = new AbortController();
    const network = watchedFetch();
    const run = await createEvaluationRunner().run({ categories: ['out-of-scope'] }, {
      judge: false, models, variant: 'default', anthropicUrl: anthropic.url, apiKey: 'sk-ant-user-key', trustedKeyOrigins: [],
      fetch: network.fetcher, signal: stop.signal, onCase: () => { stop.abort(); },
    });
    expect(run.stopped).toBe(true);
    expect(run.results.map((c) => c.caseId)).toEqual([cases[0]?.id]);
    expect(run.importCases).toHaveLength(1);
    expect(run.label).toContain('stopped after 1 of 3');
    const asked = JSON.stringify(anthropic.requests.map((r) => r.body));
    expect(asked).not.toContain('legal will');
  }, 60_000);
});
