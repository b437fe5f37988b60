import { test as base, expect, type Page } from '@playwright/test';
import { launchExtension, type ExtensionBrowser } from './browser';
import { startAnthropicSimulator, type AnthropicSimulator } from '../../simulators/anthropic';
import { startAlpacaSimulator, type AlpacaSimulator } from '../../simulators/alpaca';

export const ANTHROPIC_KEY = 'sk-ant-e2e-7f3a9c1d2b4e6f80';
export const ALPACA_KEY_ID = 'PKE2E4Q9ZL1M3N5P7R2T';
export const ALPACA_SECRET = 'e2eSecretK9x8w7v6u5t4s3r2q1p0o9n8m7l6k';

interface Fixtures {
  extension: ExtensionBrowser;
  anthropic: AnthropicSimulator;
  alpaca: AlpacaSimulator;
}

export const test = base.extend<Fixtures>({
  anthropic: async ({}, use) => {
    const sim = await startAnthropicSimulator({ apiKey: ANTHROPIC_KEY });
    await use(sim);
    await sim.close();
  },
  alpaca: async ({}, use) => {
    const sim = await startAlpacaSimulator({ keyId: ALPACA_KEY_ID, secret: ALPACA_SECRET });
    await use(sim);
    await sim.close();
  },
  extension: async ({}, use) => {
    const browser = await launchExtension();
    await use(browser);
    await browser.close();
  },
});
export { expect };

/** Configures the extension through its options page, as a user would: keys, advanced base URLs, Save. */
export async function configureThroughOptions(
  extension: ExtensionBrowser,
  sims: { anthropic: AnthropicSimulator; alpaca: AlpacaSimulator },
  overrides: { alpacaSecret?: string } = {},
): Promise<Page> {
  const page = await extension.openPage('options.html');
  await page.getByLabel('Anthropic API key').fill(ANTHROPIC_KEY);
  await page.getByRole('textbox', { name: 'Alpaca API key ID' }).fill(ALPACA_KEY_ID);
  await page.getByLabel('Alpaca secret key').fill(overrides.alpacaSecret ?? ALPACA_SECRET);
  await page.getByText('Advanced', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Anthropic base URL' }).fill(sims.anthropic.url);
  await page.getByRole('textbox', { name: 'Alpaca trading base URL' }).fill(sims.alpaca.tradingUrl);
  await page.getByRole('textbox', { name: 'Alpaca market data base URL' }).fill(sims.alpaca.dataUrl);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  return page;
}
