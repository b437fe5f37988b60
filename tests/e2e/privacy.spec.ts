import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text } from '../simulators/anthropic';

type ClickHandler = (info: { menuItemId: string; selectionText?: string; editable: boolean; pageUrl: string }) => void;

const SELECTION = 'Shares of Apple Inc. (AAPL) rose on the PAGE-TEXT-MARKER report.';

test('revoking "Send page text to Anthropic" in Privacy keeps page text out of the model request', async ({ extension, anthropic, alpaca }) => {
  alpaca.state.setPrice('AAPL', '201.10');
  anthropic.setScript(() => message(text('Apple looks steady.')));
  const options = await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  await expect(panel.getByRole('status', { name: 'Trading mode' })).toHaveText('PAPER');
  const worker = await extension.worker();
  const analyze = () =>
    worker.evaluate((selectionText) => {
      const click = (globalThis as { cleraContextMenuClick?: ClickHandler }).cleraContextMenuClick;
      if (!click) throw new Error('No test hook: build with "npm run build:e2e".');
      click({ menuItemId: 'clera-analyze-ticker', selectionText, editable: false, pageUrl: 'https://news.example/' });
    }, SELECTION);
  const modelRequests = () => anthropic.requests.filter((r) => r.path === '/v1/messages');
  // The messages of the latest request (the system prompt names the page_text tag in its rules).
  const lastBody = () => JSON.stringify((modelRequests().at(-1)?.body as { messages?: unknown } | undefined)?.messages ?? []);

  // Granted (the default): the selection goes with the question, as quoted page text.
  await analyze();
  await expect.poll(() => modelRequests().length).toBe(1);
  expect(lastBody()).toContain('PAGE-TEXT-MARKER');

  const privacy = options.getByRole('region', { name: 'Privacy' });
  const consent = privacy.getByRole('checkbox', { name: 'Send page text to Anthropic' });
  await expect(consent).toBeChecked();
  await consent.uncheck();
  await expect(consent).not.toBeChecked();
  await expect(privacy.getByRole('status')).toContainText('revoked');
  // The offer to delete what was kept: the conversation that included page text.
  await expect(privacy.getByRole('button', { name: /Delete what was kept \(1 conversations that included page text\)/ })).toBeVisible();
  await privacy.getByText(/Consent history/).click();
  await expect(privacy.getByText(/Send page text to Anthropic revoked/)).toBeVisible();

  await analyze();
  await expect.poll(() => modelRequests().length).toBe(2);
  expect(lastBody()).toContain('Analyze AAPL');
  expect(lastBody()).not.toContain('PAGE-TEXT-MARKER');
  expect(lastBody()).not.toContain('page_text');

  // Deleting what was kept removes the conversation that carried page text.
  await privacy.getByRole('button', { name: /Delete what was kept/ }).click();
  await privacy.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(privacy.getByRole('status')).toContainText('Deleted 1.');
  await expect(privacy.getByRole('button', { name: /Delete what was kept/ })).toHaveCount(0);

  // Retention per category: a choice applies at once and is there after a reload.
  await privacy.getByRole('combobox', { name: 'Keep conversations' }).selectOption({ label: '30 days' });
  await expect(privacy.getByRole('status')).toContainText('Retention updated');
  await options.reload();
  await expect(options.getByRole('region', { name: 'Privacy' }).getByRole('combobox', { name: 'Keep conversations' })).toHaveValue('30');
  await expect(options.getByRole('region', { name: 'Privacy' }).getByRole('combobox', { name: 'Keep audit log entries' })).toHaveValue('0');
});
