import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text, toolUse } from '../simulators/anthropic';

type Target = { kind: 'conversation'; conversationId: string; proposalId?: string };

test.beforeEach(({ alpaca }) => {
  alpaca.state.setNow(new Date('2026-03-10T15:00:00Z')); // a Tuesday, market open
  alpaca.state.setCash('10000');
  alpaca.state.setPrice('AAPL', '200');
});

test('the badge counts a pending card; a confirmed order that fills shows a notification whose click opens that card', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript((_request, { call }) =>
    call === 0 ? message(toolUse('propose_order', { side: 'buy', symbol: 'AAPL', amount: '500' })) : message(text('I prepared the order below. Review it and press Confirm order if it is right.')),
  );
  await configureThroughOptions(extension, { anthropic, alpaca });
  const worker = await extension.worker();
  const badge = () => worker.evaluate(() => chrome.action.getBadgeText({}));
  const notifications = () => worker.evaluate(() => chrome.notifications.getAll().then((all) => Object.keys(all)));

  const panel = await extension.openPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill('Buy $500 of Apple');
  await box.press('Enter');
  const card = panel.getByRole('region', { name: 'Order confirmation' });
  await expect(card.getByRole('button', { name: 'Confirm order' })).toBeEnabled();
  await expect.poll(badge).toBe('1');
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).toBe('Open Clera (1 order waiting for confirmation)');

  await card.getByRole('button', { name: 'Confirm order' }).click();
  await expect(card).toContainText(/Filled/);
  await expect.poll(async () => (await notifications()).join(' ')).toMatch(/^clera-order:filled:\S+$/);
  await expect.poll(badge).toBe('');
  const [id] = await notifications();

  // A click on the notification (the test hook runs the click's handler) brings the panel back to that card.
  await panel.getByRole('button', { name: 'New chat' }).click();
  await expect(card).toHaveCount(0);
  const parts = (id ?? '').split(':');
  const target: Target = { kind: 'conversation', conversationId: parts[2] ?? '', proposalId: parts[3] ?? '' };
  await worker.evaluate((clicked) => { (globalThis as { cleraNotificationTarget?: (t: Target) => void }).cleraNotificationTarget?.(clicked); }, target);
  await expect(card).toBeVisible();
  await expect(card).toBeFocused();
});
