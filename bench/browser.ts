/**
 * Chromium with the extension loaded from a given directory. The same launch as tests/e2e/support/browser.ts
 * (`launchExtension`), which always loads .output/chrome-mv3; the benchmark loads its private build instead.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH, chromiumArgs } from '../tests/e2e/support/browser';

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  openPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchWithExtension(extensionPath: string): Promise<BenchBrowser> {
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) throw new Error(`No built extension at ${extensionPath}`);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: set CHROMIUM_PATH.`);
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'clera-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    colorScheme: 'light',
    viewport: { width: 420, height: 760 },
    args: chromiumArgs(extensionPath),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      async openPage(file) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${file}`);
        return page;
      },
      async close() {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
