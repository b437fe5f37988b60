import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text, toolUse } from '../simulators/anthropic';

test.beforeEach(({ alpaca }) => {
  alpaca.state.setNow(new Date('2026-03-10T15:00:00Z')); // a Tuesday, market open
  alpaca.state.setCash('10000');
  alpaca.state.setPrice('AAPL', '200');
});

test('a focused order card is confirmed from the keyboard only after a second step; stray keys decide nothing', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript((_request, { call }) =>
    call === 0 ? message(toolUse('propose_order', { side: 'buy', symbol: 'AAPL', amount: '500' })) : message(text('I prepared the order below.')),
  );
  await configureThroughOptions(extension, { anthropic, alpaca });
  const orderPosts = () => alpaca.requests.filter((r) => r.method === 'POST' && r.path === '/v2/orders').length;
  const panel = await extension.openPage('sidepanel.html');

  // Alt+M focuses the message box from anywhere in the panel.
  await panel.getByRole('button', { name: 'Conversations' }).focus();
  await panel.keyboard.press('Alt+m');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeFocused();
  await box.fill('Buy $500 of Apple');
  await box.press('Enter');
  const card = panel.getByRole('region', { name: 'Order confirmation' });
  await expect(card.getByRole('button', { name: 'Confirm order' })).toBeEnabled();

  // Stray keys on the focused card: nothing happens.
  await card.focus();
  for (const key of ['Enter', 'y', 'Space', 'Backspace']) await panel.keyboard.press(key);
  await expect(card.getByRole('alertdialog')).toHaveCount(0);

  // Alt+Enter opens the second step, focused on Go back: a second stray Enter only goes back.
  await panel.keyboard.press('Alt+Enter');
  const step = card.getByRole('alertdialog', { name: 'Confirm this order?' });
  await expect(step).toBeVisible();
  await expect(step.getByRole('button', { name: 'Go back' })).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(step).toHaveCount(0);
  await expect(card).toBeFocused();
  await panel.waitForTimeout(300);
  expect(orderPosts()).toBe(0);

  // Escape leaves the step too.
  await panel.keyboard.press('Alt+Enter');
  await expect(step).toBeVisible();
  await panel.keyboard.press('Escape');
  await expect(step).toHaveCount(0);
  expect(orderPosts()).toBe(0);

  // Only the explicit Yes places it, once.
  await panel.keyboard.press('Alt+Enter');
  await step.getByRole('button', { name: 'Yes, place this order' }).focus();
  await panel.keyboard.press('Enter');
  await expect(card).toContainText(/Filled|Submitted/);
  await expect.poll(orderPosts).toBe(1);
});

test('an order card focused while its answer is still arriving keeps the keyboard focus when the answer ends', async ({ extension, anthropic, alpaca }) => {
  // The answer after the proposal comes late, so the card is on screen (and focused) before its answer is complete.
  anthropic.setScript((_request, { call }) =>
    call === 0
      ? message(toolUse('propose_order', { side: 'buy', symbol: 'AAPL', amount: '500' }))
      : { ...message(text('I prepared the order below.')), latency: { firstByteMs: 1500 } },
  );
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill('Buy $500 of Apple');
  await box.press('Enter');
  const card = panel.getByRole('region', { name: 'Order confirmation' });
  await expect(card).toBeVisible();
  await card.focus();
  await expect(card).toBeFocused();
  await expect(panel.getByRole('log', { name: 'Conversation' })).toContainText('I prepared the order below.');
  await expect(panel.getByRole('button', { name: 'Send' })).toBeVisible();
  // Had the card been rebuilt when its answer arrived, the focus would have fallen back to the page.
  await expect(card).toBeFocused();
  await panel.keyboard.press('Alt+Enter');
  await expect(card.getByRole('alertdialog', { name: 'Confirm this order?' })).toBeVisible();
});

test('the Keyboard shortcuts dialog lists the keys, keeps focus inside and closes with Escape', async ({ extension, anthropic, alpaca }) => {
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const opener = panel.getByRole('button', { name: 'Keyboard shortcuts' });
  await opener.click();
  const dialog = panel.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Alt+Enter');
  for (let i = 0; i < 4; i += 1) {
    await panel.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
  }
  await panel.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await panel.keyboard.press('Alt+/');
  await expect(dialog).toBeVisible();
  await panel.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
