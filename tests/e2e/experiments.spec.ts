import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text } from '../simulators/anthropic';

test('the experiment split is set on the options page, compared in the metrics view, and a variant promoted to default', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript(() => message(text('An ETF is a fund that trades like a share.')));
  const options = await configureThroughOptions(extension, { anthropic, alpaca });
  await options.getByRole('combobox', { name: 'Experiment variant' }).selectOption('concise');
  await options.getByRole('textbox', { name: 'Conversations on the experiment variant (%)' }).fill('50');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const panel = await extension.openPage('sidepanel.html');
  await panel.getByRole('textbox', { name: 'Message' }).fill('What is an ETF?');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByRole('button', { name: 'Good answer' })).toHaveCount(1, { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Good answer' }).click();

  const metrics = await extension.openPage('metrics.html');
  const region = metrics.getByRole('region', { name: 'Prompt variants' });
  await expect(region).toContainText('Current split: default 50%, concise 50%');
  const table = region.getByRole('table', { name: 'Prompt variants' });
  // The one turn ran on one of the two arms; its run span is written about a second after it ends.
  await expect.poll(async () => {
    await metrics.reload();
    const counts = await table.locator('[data-column="success"] .variant-n').allTextContents();
    return counts.join(' ');
  }, { timeout: 20_000 }).toMatch(/n = 1/);
  await expect(table.locator('tr[data-name="default@v1"] [data-column="default"]')).toHaveText('Default');
  await expect(table.locator('tr[data-name="concise@v1"] [data-column="success"]')).toContainText(/Not enough data|—/);
  await table.getByRole('button', { name: 'Promote variant concise to default' }).click();
  await expect(metrics.getByRole('status')).toContainText('concise is now the default prompt');
  await expect(region).toContainText('Current split: concise 100%');
  await expect(table.locator('tr[data-name="concise@v1"] [data-column="default"]')).toHaveText('Default');
  await expect(table.getByRole('button', { name: 'Promote variant default to default' })).toBeVisible();

  await options.reload();
  await expect(options.getByRole('combobox', { name: 'Default prompt variant' })).toHaveValue('concise');
  await expect(options.getByRole('combobox', { name: 'Experiment variant' })).toHaveValue('');
  await expect(options.getByRole('button', { name: /Save/ })).toHaveCount(1);
});
