import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EXTENSION_PATH = path.resolve(import.meta.dirname, '../../../.output/chrome-mv3');
/**
 * Chromium's flags for loading an unpacked extension headless on these machines: without the background-networking
 * flags Chromium keeps trying hosts this network refuses.
 */
export function chromiumArgs(extensionPath: string): string[] {
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** Opens one of the extension's pages (e.g. 'sidepanel.html') in a tab. */
  openPage(file: string): Promise<Page>;
  worker(): Promise<Worker>;
  /** Stops the service worker through CDP and waits until Chrome reports it stopped. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function launchExtension(options: { userDataDir?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_PATH}: run "npm run build" first.`);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: "apt-get install -y chromium", or set CHROMIUM_PATH.`);
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'clera-e2e-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 420, height: 760 },
    args: chromiumArgs(EXTENSION_PATH),
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(firstWorker.url()).host;
  let cdp: CDPSession | undefined;
  let stops = 0;
  const versions = new Map<string, { runningStatus: string; scriptURL: string; status: string }>();

  async function control(): Promise<CDPSession> {
    if (cdp) return cdp;
    // A page of the extension's own origin sees its service worker registration over CDP.
    const page = context.pages().find((p) => p.url().startsWith(`chrome-extension://${extensionId}/`)) ?? (await context.newPage());
    if (!page.url().startsWith(`chrome-extension://${extensionId}/`)) await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const session = await context.newCDPSession(page);
    session.on('ServiceWorker.workerVersionUpdated', (event: { versions: { versionId: string; runningStatus: string; scriptURL: string; status: string }[] }) => {
      for (const version of event.versions) {
        versions.set(version.versionId, { runningStatus: version.runningStatus, scriptURL: version.scriptURL, status: version.status });
        if (version.runningStatus === 'stopped' && version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) stops += 1;
      }
    });
    await session.send('ServiceWorker.enable');
    cdp = session;
    return session;
  }

  const ours = () => [...versions.entries()].filter(([, v]) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));

  async function waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    context,
    extensionId,
    userDataDir,
    async openPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async worker() {
      const existing = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return existing ?? context.waitForEvent('serviceworker', { timeout: 20_000 });
    },
    async stopWorker() {
      const session = await control();
      // A worker stopped before it is activated becomes redundant and never comes back: wait for activation first.
      await waitFor(() => ours().some(([, v]) => v.runningStatus === 'running' && v.status === 'activated'), 'the service worker to be running and activated');
      // Count the stops CDP reports rather than reading the latest status: a page may wake the worker right away.
      const before = stops;
      for (const [versionId, version] of ours()) {
        if (version.runningStatus === 'running' && version.status === 'activated') await session.send('ServiceWorker.stopWorker', { versionId });
      }
      await waitFor(() => stops > before, `the service worker to stop: ${JSON.stringify(ours())}`);
    },
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
