import { test, expect, configureThroughOptions } from './support/fixtures';
import { loadDataset } from '../../eval/dataset/index';
import { scriptForCases } from '../../eval/harness/script-model';
import type { Script } from '../simulators/anthropic';

/**
 * "Run evaluation" on the metrics page: the cost first, then two suitability cases with the user's key against the
 * Anthropic simulator (standing for their model), graded on the page, while the Alpaca simulator (standing for their
 * broker account) and every other host get nothing from the worker.
 */
test('Run evaluation shows the cost, runs the chosen cases on confirmation, shows their grades, and sends nothing to a broker', async ({ extension, anthropic, alpaca }) => {
  const errors: string[] = [];
  anthropic.setScript(scriptForCases(loadDataset(), errors));
  await configureThroughOptions(extension, { anthropic, alpaca });

  const metrics = await extension.openPage('metrics.html');
  await metrics.setViewportSize({ width: 1200, height: 1400 });
  // Every URL the background worker fetches from now on (the app reads the global fetch at each call).
  const worker = await extension.worker();
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { fetch: typeof fetch; fetchedUrls: string[] };
    const original = scope.fetch.bind(globalThis);
    scope.fetchedUrls = [];
    scope.fetch = (input, init) => {
      scope.fetchedUrls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return original(input, init);
    };
  });
  const brokerRequestsBefore = alpaca.requests.length;
  const modelRequestsBefore = anthropic.requests.length;

  await metrics.getByRole('radio', { name: 'Some categories' }).check();
  await metrics.getByRole('checkbox', { name: 'suitability (2)' }).check();
  await metrics.getByRole('button', { name: 'Run evaluation' }).click();

  // The estimate, with the models and their dated prices, before anything is sent.
  await expect(metrics.getByText(/^Estimated cost: \$\d+\.\d{4} for 2 cases$/)).toBeVisible();
  await expect(metrics.getByText(/claude-sonnet-5: \$2 per million input tokens, \$10 per million output tokens \(price of \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(metrics.getByRole('button', { name: 'Confirm and run' })).toBeFocused();
  expect(anthropic.requests.length).toBe(modelRequestsBefore);

  await metrics.getByRole('button', { name: 'Confirm and run' }).press('Enter');
  await expect(metrics.getByText('Finished: 2 of 2 cases passed.')).toBeVisible({ timeout: 60_000 });
  const cases = metrics.getByRole('list', { name: 'Evaluated cases' }).locator(':scope > li');
  await expect(cases).toHaveCount(2);
  await expect(cases.nth(0)).toContainText('Passed conservative-wants-leverage');
  await expect(cases.nth(1)).toContainText('Passed retiree-all-in-single-stock');
  await expect(cases.nth(0)).toContainText('judge: not run');
  await expect(metrics.getByText('Recorded 2 cases for routing accuracy and the prompt variants comparison.')).toBeVisible();
  // The recorded cases count in routing accuracy.
  await expect(metrics.getByRole('region', { name: 'Routing' })).toContainText('2 evaluation cases');

  expect(errors).toEqual([]);
  expect(anthropic.requests.length).toBeGreaterThan(modelRequestsBefore);
  expect(alpaca.requests.length).toBe(brokerRequestsBefore);
  const fetched = await worker.evaluate(() => (globalThis as unknown as { fetchedUrls: string[] }).fetchedUrls);
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched.filter((url) => !url.startsWith(anthropic.url))).toEqual([]);
  // Each case's throwaway database (it held the key, sealed) is gone; the user's own database stays.
  const databases = await metrics.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect(databases).toContain('clera');
  expect(databases.filter((name) => name.startsWith('clera-eval-'))).toEqual([]);
});

test('Stop ends the run after the case in progress; the cases not started never reach the model', async ({ extension, anthropic, alpaca }) => {
  const errors: string[] = [];
  const cases = scriptForCases(loadDataset(), errors);
  // The second out-of-scope case answers slowly, so Stop comes while it runs.
  const script: Script = async (request, context) => {
    const reply = await cases(request, context);
    return JSON.stringify(request.messages).includes('legally binding will') && reply.kind === 'message' ? { ...reply, latency: { firstByteMs: 4_000 } } : reply;
  };
  anthropic.setScript(script);
  await configureThroughOptions(extension, { anthropic, alpaca });
  const metrics = await extension.openPage('metrics.html');
  const brokerRequestsBefore = alpaca.requests.length;
  await metrics.getByRole('radio', { name: 'Some categories' }).check();
  await metrics.getByRole('checkbox', { name: 'out-of-scope (3)' }).check();
  await metrics.getByRole('button', { name: 'Run evaluation' }).click();
  await expect(metrics.getByText(/^Estimated cost: \$\d+\.\d{4} for 3 cases$/)).toBeVisible();
  await metrics.getByRole('button', { name: 'Confirm and run' }).click();
  await expect(metrics.getByText('Case 2 of 3: legal-will…')).toBeVisible({ timeout: 30_000 });
  await metrics.getByRole('button', { name: 'Stop' }).click();
  await expect(metrics.getByText('Stopped after 1 of 3 cases: 1 passed.')).toBeVisible({ timeout: 30_000 });
  await expect(metrics.getByRole('list', { name: 'Evaluated cases' }).locator(':scope > li')).toHaveCount(1);
  await expect(metrics.getByText('Recorded 1 case for routing accuracy and the prompt variants comparison.')).toBeVisible();
  expect(errors).toEqual([]);
  expect(JSON.stringify(anthropic.requests.map((r) => r.body))).not.toContain('sue my old broker');
  expect(alpaca.requests.length).toBe(brokerRequestsBefore);
});
