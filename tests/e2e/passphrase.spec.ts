import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text } from '../simulators/anthropic';

const FIRST = 'paper boat harbour lantern';
const SECOND = 'seven quiet orchards in June';

test('passphrase end to end: set, the key survives a worker stop, lock, wrong passphrase, unlock with the old chat readable, change, remove', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript((request) => message(text(JSON.stringify(request.messages).includes('rebalancing') ? 'Rebalancing brings your mix back to its targets.' : 'Diversification spreads your risk.')));
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const log = panel.getByRole('log', { name: 'Conversation' });
  await panel.getByRole('textbox', { name: 'Message' }).fill('What is diversification?');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(log).toContainText('spreads your risk');

  // Set a passphrase in Settings → Privacy.
  const options = await extension.openPage('options.html');
  const privacy = options.getByRole('region', { name: 'Privacy' });
  await privacy.getByLabel('New passphrase').fill(FIRST);
  await privacy.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(privacy.getByText(/^Passphrase set/)).toBeVisible();
  await expect(privacy.getByRole('button', { name: 'Change passphrase' })).toBeVisible();

  // The worker stops; the unlocked key lives on in session storage while the browser runs: no passphrase asked.
  await extension.stopWorker();
  const afterStop = await extension.openPage('sidepanel.html');
  await expect(afterStop.getByRole('log', { name: 'Conversation' })).toContainText('spreads your risk');
  await expect(afterStop.getByLabel('Passphrase', { exact: true })).toHaveCount(0);
  await afterStop.close();

  // Lock now: the options page swaps to the unlock form, and a panel opened now asks for the passphrase first.
  await privacy.getByRole('button', { name: 'Lock now' }).click();
  await expect(options.getByLabel('Passphrase', { exact: true })).toBeVisible();
  await expect(options.getByRole('region', { name: 'Privacy' })).toHaveCount(0);
  await panel.close();
  const locked = await extension.openPage('sidepanel.html');
  const passphrase = locked.getByLabel('Passphrase', { exact: true });
  await expect(passphrase).toBeVisible();
  await expect(locked.getByRole('log', { name: 'Conversation' })).toHaveCount(0);

  // A wrong passphrase: a clear error, still locked.
  await passphrase.fill('not my passphrase at all');
  await locked.getByRole('button', { name: 'Unlock' }).click();
  await expect(locked.getByRole('alert')).toContainText('not the right one');
  await expect(passphrase).toBeVisible();

  // The right one: the old conversation reads again and chat works.
  await passphrase.fill(FIRST);
  await locked.getByRole('button', { name: 'Unlock' }).click();
  await expect(locked.getByRole('log', { name: 'Conversation' })).toContainText('What is diversification?');
  await expect(locked.getByRole('log', { name: 'Conversation' })).toContainText('spreads your risk');
  await locked.getByRole('textbox', { name: 'Message' }).fill('And rebalancing?');
  await locked.getByRole('button', { name: 'Send' }).click();
  await expect(locked.getByRole('log', { name: 'Conversation' })).toContainText('back to its targets');

  // Change: the options page came back with the unlock; the old passphrase stops working.
  await expect(privacy).toBeVisible();
  await privacy.getByLabel('New passphrase').fill(SECOND);
  await privacy.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(privacy.getByText('Passphrase changed.')).toBeVisible();
  await privacy.getByRole('button', { name: 'Lock now' }).click();
  await passphrase.fill(FIRST);
  await locked.getByRole('button', { name: 'Unlock' }).click();
  await expect(locked.getByRole('alert')).toContainText('not the right one');
  await passphrase.fill(SECOND);
  await passphrase.press('Enter');
  await expect(locked.getByRole('log', { name: 'Conversation' })).toContainText('back to its targets');

  // Remove: no more lock; after a worker stop the chat opens without asking.
  await privacy.getByRole('button', { name: 'Remove passphrase' }).click();
  await privacy.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(privacy.getByText('Passphrase removed.')).toBeVisible();
  await expect(privacy.getByRole('button', { name: 'Lock now' })).toBeDisabled();
  await expect(privacy.getByRole('button', { name: 'Set passphrase' })).toBeVisible();
  await extension.stopWorker();
  const last = await extension.openPage('sidepanel.html');
  await expect(last.getByRole('log', { name: 'Conversation' })).toContainText('back to its targets');
  await expect(last.getByLabel('Passphrase', { exact: true })).toHaveCount(0);
  // The options page never shows a status that says "saved.".
  await expect(options.getByRole('status').filter({ hasText: /saved\./i })).toHaveCount(0);
});
