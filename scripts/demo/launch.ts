/**
 * The demo launcher behind `npm start` (and its end-to-end test): starts the Anthropic and Alpaca simulators with a
 * sample paper portfolio, builds the extension in demo mode (loopback only, a banner on every page), opens Chromium
 * with it loaded, and points it at the simulators through the Settings page, as a user would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'wxt';
import { startAnthropicSimulator, type AnthropicSimulator } from '../../tests/simulators/anthropic';
import { startAlpacaSimulator, type AlpacaSimulator } from '../../tests/simulators/alpaca';
import { demoScript } from '../../tests/simulators/demo-script';
import { CHROMIUM_PATH, chromiumArgs } from '../../tests/e2e/support/browser';

export const DEMO_KEYS = { anthropic: 'sk-ant-demo-local', alpacaKeyId: 'PKDEMOLOCAL0000000001', alpacaSecret: 'demo-local-secret-0000000000000000000' } as const;

export interface Demo {
  context: BrowserContext;
  extensionId: string;
  /** The side panel, opened in a tab (the toolbar button opens it in the side panel as usual). */
  panel: Page;
  anthropic: AnthropicSimulator;
  alpaca: AlpacaSimulator;
  close(): Promise<void>;
}

export async function launchDemo(options: { headless: boolean; outDir?: string; log?: (line: string) => void }): Promise<Demo> {
  const log = options.log ?? (() => undefined);
  const root = path.resolve(import.meta.dirname, '../..');
  const outDir = path.resolve(root, options.outDir ?? '.output/demo');
  const anthropic = await startAnthropicSimulator({ apiKey: DEMO_KEYS.anthropic, script: demoScript });
  const alpaca = await startAlpacaSimulator({ keyId: DEMO_KEYS.alpacaKeyId, secret: DEMO_KEYS.alpacaSecret });
  const stopSimulators = () => Promise.all([anthropic.close(), alpaca.close()]);
  let userDataDir: string | undefined;
  try {
    log('Building the extension in demo mode…');
    process.env.CLERA_DEMO = '1';
    try {
      await build({ root, outDir });
    } finally {
      delete process.env.CLERA_DEMO;
    }
    userDataDir = await mkdtemp(path.join(tmpdir(), 'clera-demo-'));
    log('Starting Chromium…');
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless,
      viewport: options.headless ? { width: 420, height: 760 } : null,
      args: chromiumArgs(path.join(outDir, 'chrome-mv3')),
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    const settings = await context.newPage();
    await settings.goto(`chrome-extension://${extensionId}/options.html`);
    await settings.getByLabel('Anthropic API key').fill(DEMO_KEYS.anthropic);
    await settings.getByRole('textbox', { name: 'Alpaca API key ID' }).fill(DEMO_KEYS.alpacaKeyId);
    await settings.getByLabel('Alpaca secret key').fill(DEMO_KEYS.alpacaSecret);
    await settings.getByText('Advanced', { exact: true }).click();
    await settings.getByRole('textbox', { name: 'Anthropic base URL' }).fill(anthropic.url);
    await settings.getByRole('textbox', { name: 'Alpaca trading base URL' }).fill(alpaca.tradingUrl);
    await settings.getByRole('textbox', { name: 'Alpaca market data base URL' }).fill(alpaca.dataUrl);
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Saved.').waitFor();
    await settings.close();
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const dir = userDataDir;
    return {
      context,
      extensionId,
      panel,
      anthropic,
      alpaca,
      close: async () => {
        await context.close().catch(() => undefined);
        await stopSimulators();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopSimulators();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
