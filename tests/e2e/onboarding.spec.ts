import { test, expect, ANTHROPIC_KEY, ALPACA_KEY_ID, ALPACA_SECRET } from './support/fixtures';
import { message, text } from '../simulators/anthropic';

test('onboarding opens on install and walks through keys, connection test and a first question to a working panel', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript(() => message(text('Your portfolio is up 1.2% today.')));
  const onboarding =
    extension.context.pages().find((page) => page.url().endsWith('/onboarding.html')) ??
    (await extension.context.waitForEvent('page', { predicate: (page) => page.url().endsWith('/onboarding.html'), timeout: 10_000 }));
  await expect(onboarding.getByRole('heading', { name: 'Welcome to Clera' })).toBeVisible();
  await expect(onboarding.getByText('Not investment advice.')).toBeVisible();
  await onboarding.getByRole('button', { name: 'Next' }).click();

  await onboarding.getByLabel('Anthropic API key').fill(ANTHROPIC_KEY);
  await onboarding.getByRole('textbox', { name: 'Alpaca API key ID' }).fill(ALPACA_KEY_ID);
  await onboarding.getByLabel('Alpaca secret key').fill(ALPACA_SECRET);
  await onboarding.getByText('Advanced', { exact: true }).click();
  await onboarding.getByRole('textbox', { name: 'Anthropic base URL' }).fill(anthropic.url);
  await onboarding.getByRole('textbox', { name: 'Alpaca trading base URL' }).fill(alpaca.tradingUrl);
  await onboarding.getByRole('textbox', { name: 'Alpaca market data base URL' }).fill(alpaca.dataUrl);
  await onboarding.getByRole('button', { name: 'Save' }).click();
  await expect(onboarding.getByText('Saved.')).toBeVisible();
  await onboarding.getByRole('button', { name: 'Next' }).click();

  await onboarding.getByRole('button', { name: 'Test connection' }).click();
  const results = onboarding.getByRole('list', { name: 'Connection results' });
  await expect(results.getByRole('listitem')).toHaveCount(3);
  await expect(results).not.toContainText('✗');
  await onboarding.getByRole('button', { name: 'Next' }).click();

  await expect(onboarding.getByRole('button', { name: 'Allow page detection' })).toBeVisible();
  await onboarding.getByRole('button', { name: 'Next' }).click();

  await expect(onboarding.getByRole('button', { name: 'Next' })).toHaveCount(0);
  await onboarding.getByRole('radio', { name: 'How is my portfolio doing today?' }).check();
  await onboarding.getByRole('button', { name: 'Open Clera' }).click();
  await expect(onboarding.getByRole('status').filter({ hasText: 'Asked.' })).toBeVisible();

  const panel = await extension.openPage('sidepanel.html');
  const log = panel.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText('How is my portfolio doing today?');
  await expect(log).toContainText('Your portfolio is up 1.2% today.');
});

test('Skip leaves onboarding at any step, and Settings reopens it', async ({ extension }) => {
  const onboarding = await extension.openPage('onboarding.html');
  await onboarding.getByRole('button', { name: 'Next' }).click();
  await onboarding.getByRole('button', { name: 'Skip' }).click();
  await expect(onboarding.getByRole('status')).toContainText('reopen it any time from Settings');
  const settings = await extension.openPage('options.html');
  const link = settings.getByRole('link', { name: 'Open the welcome tour' });
  await expect(link).toHaveAttribute('href', /onboarding\.html$/);
  // The panel works without onboarding: it asks for a key instead of blocking.
  const panel = await extension.openPage('sidepanel.html');
  await expect(panel.getByRole('button', { name: 'Open settings' })).toBeVisible();
});
