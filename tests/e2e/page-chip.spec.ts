import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text } from '../simulators/anthropic';
import { startTestPages, type TestPages } from './support/test-pages';

let pages: TestPages;
test.beforeAll(async () => { pages = await startTestPages(); });
test.afterAll(async () => { await pages.close(); });

test('the page chip shows the checked ticker of the active tab and follows a tab switch', async ({ extension, anthropic, alpaca }) => {
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const chip = panel.getByRole('region', { name: 'This page' });

  const quote = await extension.context.newPage();
  await quote.goto(pages.url('/quote'));
  await expect(chip).toContainText('AAPL');
  await expect(chip).toContainText('Apple Inc.');
  await expect(chip.getByRole('button', { name: 'Analyze AAPL' })).toBeVisible();

  const article = await extension.context.newPage();
  await article.goto(pages.url('/article'));
  await expect(chip.getByRole('button', { name: 'Analyze NVDA' })).toBeVisible();

  await quote.bringToFront();
  await expect(chip.getByRole('button', { name: 'Analyze AAPL' })).toBeVisible();
  // Detection alone never asks the model anything.
  expect(anthropic.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(0);
});

test('"What does this mean for my portfolio?" sends the article as quoted data with the holdings it names', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript(() => message(text('The article concerns NVDA, one of your holdings: it says orders are climbing [1].')));
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const article = await extension.context.newPage();
  await article.goto(pages.url('/article'));
  const chip = panel.getByRole('region', { name: 'This page' });
  await chip.getByRole('button', { name: 'What does this mean for my portfolio?' }).click();

  const log = panel.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText('orders are climbing [1]');
  const first = anthropic.requests.find((r) => r.path === '/v1/messages')?.body as { messages: { content: { text: string }[] }[] };
  const blocks = first.messages.at(-1)?.content ?? [];
  expect(blocks[0]?.text).toMatch(/^What does this page mean for my portfolio\?/);
  // The simulator's sample portfolio holds NVDA and AAPL, both named in the article; VOO, BND and MSFT are not.
  expect(blocks[0]?.text).toContain('NVDA (NVIDIA Corporation Common Stock)');
  expect(blocks[0]?.text).toContain('AAPL (Apple Inc. Common Stock)');
  expect(blocks[0]?.text).not.toContain('MSFT (');
  expect(blocks[0]?.text).not.toContain('Shares of $NVDA');
  expect(blocks[1]?.text).toContain('<page_text');
  expect(blocks[1]?.text).toContain('[1] Shares of $NVDA and $AMD rose on Thursday');
  expect(blocks[1]?.text).not.toContain('Most read');
});

test('a hostile page with hidden instructions causes no model call and no order without a click', async ({ extension, anthropic, alpaca }) => {
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const hostile = await extension.context.newPage();
  const pageErrors: string[] = [];
  hostile.on('pageerror', (error) => pageErrors.push(error.message));
  await hostile.goto(pages.url('/hostile'));
  await expect(panel.getByRole('region', { name: 'This page' }).getByRole('button', { name: 'Analyze TSLA' })).toBeVisible();
  await hostile.reload();
  await hostile.waitForTimeout(1_500);
  expect(anthropic.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(0);
  expect(alpaca.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  await expect(panel.getByRole('region', { name: 'Order confirmation' })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('the keyboard shortcut command that opens the panel is registered, and the omnibox keyword is clera', async ({ extension }) => {
  const page = await extension.openPage('sidepanel.html');
  const { commands, manifest } = await page.evaluate(async () => ({ commands: await chrome.commands.getAll(), manifest: chrome.runtime.getManifest() }));
  const open = commands.find((command) => command.name === 'open-side-panel');
  expect(open?.description).toBe('Open the Clera side panel');
  // Chromium here reports no assigned key for an extension loaded from the command line (open?.shortcut is ''),
  // so the suggested key is read from the manifest; users change it at chrome://extensions/shortcuts.
  expect((manifest.commands as Record<string, { suggested_key?: { default?: string } }> | undefined)?.['open-side-panel']?.suggested_key?.default).toBe('Alt+Shift+C');
  expect(manifest.omnibox?.keyword).toBe('clera');
});
