import { test, expect, ANTHROPIC_KEY, ALPACA_KEY_ID, ALPACA_SECRET } from './support/fixtures';
import { message, text } from '../simulators/anthropic';

test('onboarding opens on install and walks through keys, connection test, profile, consent and a first question to a working panel, and Settings shows what it chose', async ({ extension, anthropic, alpaca }) => {
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

  // The profile: chosen from the keyboard, and kept by Next alone (no separate save click).
  const stepHeading = onboarding.locator('#step-title');
  await expect(stepHeading).toHaveText('Your investment profile');
  await expect(stepHeading).toBeFocused();
  const risk = onboarding.getByRole('combobox', { name: 'Risk tolerance' });
  await risk.focus();
  await risk.selectOption({ label: 'Aggressive' });
  await onboarding.getByRole('textbox', { name: 'Investment goals' }).fill('Retire at 60');
  await onboarding.getByRole('button', { name: 'Next' }).click();

  // Consent: each choice applies at once; the checkbox is toggled with the space bar.
  await expect(stepHeading).toHaveText('Your privacy choices');
  await expect(stepHeading).toBeFocused();
  const webSearch = onboarding.getByRole('checkbox', { name: 'Use web search' });
  await expect(webSearch).toBeChecked();
  await webSearch.focus();
  await onboarding.keyboard.press('Space');
  await expect(webSearch).not.toBeChecked();
  await expect(onboarding.getByRole('status').filter({ hasText: 'Use web search: revoked.' })).toBeVisible();
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

  // What onboarding set is what Settings shows.
  const settings = await extension.openPage('options.html');
  const profile = settings.getByRole('region', { name: 'Profile' });
  await expect(profile.getByRole('combobox', { name: 'Risk tolerance' })).toHaveValue('aggressive');
  await expect(profile.getByRole('textbox', { name: 'Investment goals' })).toHaveValue('Retire at 60');
  const privacy = settings.getByRole('region', { name: 'Privacy' });
  await expect(privacy.getByRole('checkbox', { name: 'Use web search' })).not.toBeChecked();
  await expect(privacy.getByRole('checkbox', { name: 'Keep conversation history' })).toBeChecked();
});

test('Skip leaves onboarding at any step, and Settings reopens it', async ({ extension }) => {
  const onboarding = await extension.openPage('onboarding.html');
  await onboarding.getByRole('button', { name: 'Next' }).click();
  await onboarding.getByRole('button', { name: 'Skip' }).click();
  await expect(onboarding.getByRole('status')).toContainText('reopen it any time from Settings');
  const settings = await extension.openPage('options.html');
  // Nothing was typed, so nothing was stored.
  await expect(settings.getByRole('button', { name: 'Remove Anthropic key' })).toHaveCount(0);
  const link = settings.getByRole('link', { name: 'Open the welcome tour' });
  await expect(link).toHaveAttribute('href', /onboarding\.html$/);
  // The panel works without onboarding: it asks for a key instead of blocking.
  const panel = await extension.openPage('sidepanel.html');
  await expect(panel.getByRole('button', { name: 'Open settings' })).toBeVisible();
});

test('what was typed is kept when leaving a step without its own save button: a key by Next, the profile by Skip', async ({ extension }) => {
  const onboarding = await extension.openPage('onboarding.html');
  await onboarding.getByRole('button', { name: 'Next' }).click();
  await onboarding.getByLabel('Anthropic API key').fill(ANTHROPIC_KEY);
  await onboarding.getByRole('button', { name: 'Next' }).click();
  await expect(onboarding.locator('#step-title')).toHaveText('Check the connection');
  await onboarding.getByRole('button', { name: 'Next' }).click();
  await onboarding.getByRole('combobox', { name: 'Investment horizon' }).selectOption({ label: 'Over 10 years' });
  await onboarding.getByRole('button', { name: 'Skip' }).click();
  await expect(onboarding.getByRole('status')).toContainText('reopen it any time from Settings');

  const settings = await extension.openPage('options.html');
  await expect(settings.getByRole('button', { name: 'Remove Anthropic key' })).toBeVisible();
  await expect(settings.getByRole('region', { name: 'Profile' }).getByRole('combobox', { name: 'Investment horizon' })).toHaveValue('over-10');
});
