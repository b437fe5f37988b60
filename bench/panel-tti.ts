/**
 * Side panel time to interactive, in Debian's Chromium (headless) with the built extension loaded. Each sample opens
 * sidepanel.html in a new tab and measures until the Message box is in the page, visible and enabled, and until the
 * session is shown (the background answered `session-open`: the "add your key" card, or the last message of the
 * conversation). Two clocks: Node's, around Playwright (includes CDP round trips and Playwright's polling), and the
 * page's own `performance.now()` (from navigation start), recorded by a MutationObserver installed before any script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, type BenchBrowser as ExtensionBrowser } from './browser';
import { message, startAnthropicSimulator, text, type AnthropicSimulator } from '../tests/simulators/anthropic';
import { startAlpacaSimulator, type AlpacaSimulator } from '../tests/simulators/alpaca';
import { chromiumVersion } from './machine';
import { summarize, type Summary } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The benchmark's own build (WXT's outDir); the extension is in its chrome-mv3 folder. */
export const BENCH_OUT_DIR = process.env.CLERA_BENCH_OUT_DIR ?? path.join(tmpdir(), 'clera-bench-output');
export const BENCH_EXTENSION_PATH = path.join(BENCH_OUT_DIR, 'chrome-mv3');

export interface BuildInfo {
  dir: string;
  rebuilt: boolean;
  buildMs: number | null;
  reason: string;
}

export interface PanelCase {
  id: 'unconfigured' | 'configured-40';
  label: string;
  /** The first open in this browser session (for the no-key case, right after launch); not part of the percentiles. */
  first: PanelSample;
  composerNode: Summary;
  readyNode: Summary;
  composerPage: Summary;
  readyPage: Summary;
  domContentLoadedPage: Summary;
  messagesShown: number;
}

export interface PanelSample {
  composerNode: number;
  readyNode: number;
  composerPage: number;
  readyPage: number;
  domContentLoadedPage: number;
  messagesShown: number;
}

export interface PanelResult {
  build: BuildInfo;
  iterations: number;
  cases: PanelCase[];
  chromium: string;
}

async function newestMtime(target: string): Promise<number> {
  if (!existsSync(target)) return 0;
  const info = await stat(target);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target, { withFileTypes: true });
  let newest = info.mtimeMs;
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    if (/\.test\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, await newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/**
 * Builds the extension (WXT's build, the same config as `wxt build`) into the benchmark's own output directory, unless
 * that build is newer than every source file it is built from.
 */
export async function ensureBuild(options: { force: boolean; log: (line: string) => void }): Promise<BuildInfo> {
  const manifest = path.join(BENCH_EXTENSION_PATH, 'manifest.json');
  const sources = ['entrypoints', 'src', 'public', 'assets', 'wxt.config.ts', 'package.json', 'package-lock.json'].map((p) => path.join(ROOT, p));
  const newestSource = Math.max(...(await Promise.all(sources.map(newestMtime))));
  const built = existsSync(manifest) ? (await stat(manifest)).mtimeMs : 0;
  if (!options.force && built > newestSource) return { dir: BENCH_EXTENSION_PATH, rebuilt: false, buildMs: null, reason: 'the existing build is newer than every source file' };
  const reason = options.force ? '--rebuild was given' : built === 0 ? 'there was no build' : 'sources changed since the last build';
  options.log(`  building the extension (${reason})…`);
  const started = performance.now();
  const result = spawnSync('npx', ['tsx', 'bench/build-extension.ts', BENCH_OUT_DIR], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0 || !existsSync(manifest)) throw new Error(`The build failed (exit ${String(result.status)}):\n${(result.stdout + result.stderr).slice(-2000)}`);
  return { dir: BENCH_EXTENSION_PATH, rebuilt: true, buildMs: performance.now() - started, reason };
}

declare global {
  interface Window {
    __benchMarks?: { composer?: number; ready?: number };
  }
}

/**
 * Runs in the page before its scripts: notes when the composer, then the "ready" text, first appear. A string, not a
 * function: tsx compiles with esbuild's keepNames, whose `__name` helper does not exist in the page.
 */
function marksScript(readyText: string): string {
  return `(() => {
  const readyText = ${JSON.stringify(readyText)};
  const marks = {};
  window.__benchMarks = marks;
  let observer;
  const check = () => {
    if (marks.composer === undefined) {
      const box = document.getElementById('composer-input');
      if (box instanceof HTMLTextAreaElement && !box.disabled && box.offsetParent !== null) marks.composer = performance.now();
    }
    if (marks.ready === undefined && document.body && document.body.textContent.includes(readyText)) marks.ready = performance.now();
    if (marks.composer !== undefined && marks.ready !== undefined) observer.disconnect();
  };
  observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}

async function openOnce(browser: ExtensionBrowser, readyText: string): Promise<PanelSample> {
  const page: Page = await browser.context.newPage();
  try {
    await page.addInitScript({ content: marksScript(readyText) });
    const url = `chrome-extension://${browser.extensionId}/sidepanel.html`;
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.waitFor({ state: 'visible', timeout: 15_000 });
    if (!(await box.isEnabled())) await page.waitForFunction(() => !(document.getElementById('composer-input') as HTMLTextAreaElement | null)?.disabled);
    const composerNode = performance.now() - t0;
    await page.getByText(readyText).first().waitFor({ state: 'visible', timeout: 15_000 });
    const readyNode = performance.now() - t0;
    const inPage = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        marks: window.__benchMarks ?? {},
        domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
        messages: document.querySelectorAll('[role="log"] > *').length,
      };
    });
    return {
      composerNode,
      readyNode,
      composerPage: inPage.marks.composer ?? Number.NaN,
      readyPage: inPage.marks.ready ?? Number.NaN,
      domContentLoadedPage: inPage.domContentLoaded,
      messagesShown: inPage.messages,
    };
  } finally {
    await page.close();
  }
}

async function measureCase(browser: ExtensionBrowser, id: PanelCase['id'], label: string, readyText: string, iterations: number): Promise<PanelCase> {
  const first = await openOnce(browser, readyText);
  const samples: PanelSample[] = [];
  for (let i = 0; i < iterations; i += 1) samples.push(await openOnce(browser, readyText));
  const of = (f: (s: PanelSample) => number) => summarize(samples.map(f).filter((v) => Number.isFinite(v)));
  return {
    id,
    label,
    first,
    composerNode: of((s) => s.composerNode),
    readyNode: of((s) => s.readyNode),
    composerPage: of((s) => s.composerPage),
    readyPage: of((s) => s.readyPage),
    domContentLoadedPage: of((s) => s.domContentLoadedPage),
    messagesShown: samples.at(-1)?.messagesShown ?? 0,
  };
}

export const ANTHROPIC_KEY = 'sk-ant-bench-7f3a9c1d2b4e6f80';
export const ALPACA_KEY_ID = 'PKBENCH4Q9ZL1M3N5P7R';
export const ALPACA_SECRET = 'benchSecretK9x8w7v6u5t4s3r2q1p0o9n8m7l6';

/** Saves keys and simulator URLs through the options page, as a user would (like tests/e2e configureThroughOptions). */
export async function configure(browser: ExtensionBrowser, anthropic: AnthropicSimulator, alpaca: AlpacaSimulator): Promise<void> {
  const page = await browser.openPage('options.html');
  await page.getByLabel('Anthropic API key').fill(ANTHROPIC_KEY);
  await page.getByRole('textbox', { name: 'Alpaca API key ID' }).fill(ALPACA_KEY_ID);
  await page.getByLabel('Alpaca secret key').fill(ALPACA_SECRET);
  await page.getByText('Advanced', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Anthropic base URL' }).fill(anthropic.url);
  await page.getByRole('textbox', { name: 'Alpaca trading base URL' }).fill(alpaca.tradingUrl);
  await page.getByRole('textbox', { name: 'Alpaca market data base URL' }).fill(alpaca.dataUrl);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor({ state: 'visible', timeout: 15_000 });
  await page.close();
}

const answerFor = (n: number) =>
  [
    `**Answer ${n}.** An index fund holds every stock in an index, so one purchase spreads your money widely.`,
    '',
    '| Fund | Type | Expense ratio |',
    '| --- | --- | --- |',
    '| VOO | S&P 500 ETF | 0.03% |',
    '| BND | Bond ETF | 0.03% |',
    '',
    '- Low costs compound in your favour over decades.',
    '- Broad funds avoid betting on single companies.',
  ].join('\n');

/** Writes `turns` question/answer pairs through the panel itself (the scripted model answers at once). */
async function seedConversation(browser: ExtensionBrowser, anthropic: AnthropicSimulator, turns: number): Promise<string> {
  let n = 0;
  anthropic.setScript(() => {
    n += 1;
    return message(text(answerFor(n)));
  });
  const page = await browser.openPage('sidepanel.html');
  const box = page.getByRole('textbox', { name: 'Message' });
  const log = page.getByRole('log', { name: 'Conversation' });
  for (let i = 1; i <= turns; i += 1) {
    await box.fill(`Question ${i}: what is an index fund, and why are its costs low?`);
    await box.press('Enter');
    await log.getByText(`Answer ${i}.`, { exact: false }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.getByRole('button', { name: 'Send' }).waitFor({ state: 'visible' });
  }
  await page.close();
  return `Answer ${turns}.`;
}

export async function measurePanelTti(options: { iterations: number; withConversation: boolean; rebuild: boolean; log: (line: string) => void }): Promise<PanelResult> {
  const build = await ensureBuild({ force: options.rebuild, log: options.log });
  const cases: PanelCase[] = [];
  const chromium = chromiumVersion();
  {
    const browser = await launchWithExtension(build.dir);
    try {
      cases.push(await measureCase(browser, 'unconfigured', 'No key saved (first run: the "Add your Anthropic API key" card)', 'Add your Anthropic API key', options.iterations));
      options.log(`  unconfigured    composer p50 ${cases[0]?.composerPage.p50.toFixed(1) ?? '?'} ms (page clock)`);
    } finally {
      await browser.close();
    }
  }
  if (options.withConversation) {
    const anthropic = await startAnthropicSimulator({ apiKey: ANTHROPIC_KEY });
    const alpaca = await startAlpacaSimulator({ keyId: ALPACA_KEY_ID, secret: ALPACA_SECRET });
    const browser = await launchWithExtension(build.dir);
    try {
      await configure(browser, anthropic, alpaca);
      const last = await seedConversation(browser, anthropic, 20);
      const measured = await measureCase(browser, 'configured-40', 'Key saved, latest conversation of 40 messages (20 turns with tables)', last, options.iterations);
      cases.push(measured);
      options.log(`  configured-40   composer p50 ${measured.composerPage.p50.toFixed(1)} ms, ready p50 ${measured.readyPage.p50.toFixed(1)} ms (page clock)`);
    } finally {
      await browser.close();
      await Promise.all([anthropic.close(), alpaca.close()]);
    }
  }
  return { build, iterations: options.iterations, cases, chromium };
}
