/**
 * Benchmarks that run the project's own modules inside Chromium, in pages of the benchmark's build of the extension
 * (so they use the extension's origin, its IndexedDB and WebCrypto): the pages under bench/pages are bundled with
 * esbuild into the build's `bench-pages/` folder. The production build never contains them.
 *
 * - Audit append: entries per second, sealed and hash-chained, appended one after another and all at once.
 * - Metrics view over 100,000 spans: the spans are stored through the real recorder in the extension's database; the
 *   page's figures are requested from the worker for each range (the round trip the metrics page makes), and the
 *   metrics page is opened and timed until its Turns tile shows the stored data.
 */
import 'fake-indexeddb/auto';
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchBrowser } from './browser';
import { createTestAuditLog, sampleEvent } from '../tests/support/audit-log';
import { summarize, type Summary } from './stats';

const PAGES = ['audit-append', 'metrics-fill'] as const;

export async function addBenchPages(extensionDir: string): Promise<void> {
  const out = path.join(extensionDir, 'bench-pages');
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: PAGES.map((page) => path.join(import.meta.dirname, 'pages', `${page}.ts`)),
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  for (const page of PAGES) await writeFile(path.join(out, `${page}.html`), `<!doctype html><meta charset="utf-8"><title>${page}</title><script type="module" src="./${page}.js"></script>\n`);
}

interface AppendRun {
  count: number;
  perSecond: number;
  ms: number;
  verified: boolean;
}

export interface AuditAppendResult {
  /** One after another: each append waits for the one before to be committed. */
  chromium: AppendRun[];
  /** All at once: every append is called before any is committed (group commit). */
  chromiumTogether: AppendRun[];
  node: { count: number; perSecond: number; ms: number };
  nodeTogether: { count: number; perSecond: number; ms: number };
}

export async function measureAuditAppend(browser: BenchBrowser, count = 2000, rounds = 3): Promise<AuditAppendResult> {
  const page = await browser.openPage('bench-pages/audit-append.html');
  await page.waitForFunction(() => 'benchRun' in window);
  const inPage = (together: boolean) =>
    page.evaluate(([n, t]) => (window as unknown as { benchRun: (n: number, together: boolean) => Promise<AppendRun> }).benchRun(n, t), [count, together] as const);
  const chromium: AppendRun[] = [];
  const chromiumTogether: AppendRun[] = [];
  for (let round = 0; round < rounds; round += 1) {
    chromium.push(await inPage(false));
    chromiumTogether.push(await inPage(true));
  }
  await page.close();
  return { chromium, chromiumTogether, node: await appendInNode(count, false), nodeTogether: await appendInNode(count, true) };
}

async function appendInNode(count: number, together: boolean): Promise<{ count: number; perSecond: number; ms: number }> {
  const { db, audit } = await createTestAuditLog();
  for (let n = 0; n < 50; n += 1) await audit.append(sampleEvent(n));
  const started = performance.now();
  if (together) await Promise.all(Array.from({ length: count }, (_, n) => audit.append(sampleEvent(50 + n))));
  else for (let n = 50; n < 50 + count; n += 1) await audit.append(sampleEvent(n));
  const ms = performance.now() - started;
  db.close();
  return { count, ms, perSecond: (count / ms) * 1000 };
}

export interface MetricsChromiumResult {
  spans: number;
  fillSeconds: number;
  /** Range → round trip of `metrics-report` from an extension page to the worker and back (ms). */
  report: Record<string, Summary>;
  /** metrics.html: from navigation start to the Turns tile showing the stored day's turns (page clock, ms). */
  firstRender: Summary;
  turnsShown: string;
}

const portRequest = `(() => {
  if (window.__benchRequest) return;
  let port;
  const waiting = new Map();
  window.__benchRequest = (body) => new Promise((resolve, reject) => {
    if (!port) {
      port = chrome.runtime.connect({ name: 'clera' });
      port.onMessage.addListener((event) => {
        if (event.type !== 'response') return;
        const w = waiting.get(event.requestId);
        if (!w) return;
        waiting.delete(event.requestId);
        if (event.ok) w.resolve(event.data); else w.reject(new Error(JSON.stringify(event.error)));
      });
      port.onDisconnect.addListener(() => { port = undefined; });
    }
    const id = crypto.randomUUID();
    waiting.set(id, { resolve, reject });
    port.postMessage({ ...body, id });
  });
})()`;

const firstRenderScript = (expected: string) => `(() => {
  const expected = ${JSON.stringify(expected)};
  const observer = new MutationObserver(() => {
    const region = document.querySelector('section[aria-label="Summary"]');
    if (!region) return;
    const text = region.textContent || '';
    if (text.replace(/[^0-9]/g, ' ').split(' ').includes(expected)) { window.__benchFirstRender = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** The default keeps 20,000 measurements; the benchmark raises the limit in Settings, as a user keeping more would. */
async function keepSpans(browser: BenchBrowser, count: number): Promise<void> {
  const options = await browser.openPage('options.html');
  await options.getByRole('textbox', { name: 'Keep at most (measurements)' }).fill(String(count));
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved.').waitFor({ state: 'visible', timeout: 15_000 });
  await options.close();
}

export async function measureMetricsChromium(browser: BenchBrowser, count = 100_000, rounds = 5): Promise<MetricsChromiumResult> {
  await keepSpans(browser, Math.max(count * 2, 1000));
  const page = await browser.openPage('bench-pages/metrics-fill.html');
  await page.waitForFunction(() => 'benchFill' in window);
  const filled = await page.evaluate((n) => (window as unknown as { benchFill: (n: number) => Promise<{ count: number; seconds: number; runsLastDay: number }> }).benchFill(n), count);
  await page.evaluate(portRequest);
  const report: Record<string, Summary> = {};
  for (const range of ['hour', 'day', '7d', '30d', 'all']) {
    const samples: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      samples.push(
        await page.evaluate(async (r) => {
          const request = (window as unknown as { __benchRequest: (body: unknown) => Promise<unknown> }).__benchRequest;
          const started = performance.now();
          await request({ type: 'metrics-report', range: r, agent: null });
          return performance.now() - started;
        }, range),
      );
    }
    report[range] = summarize(samples);
  }
  await page.close();
  const expected = String(filled.runsLastDay);
  const renders: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const metrics = await browser.context.newPage();
    await metrics.addInitScript({ content: firstRenderScript(expected) });
    await metrics.goto(`chrome-extension://${browser.extensionId}/metrics.html`);
    await metrics.waitForFunction(() => '__benchFirstRender' in window, undefined, { timeout: 180_000 });
    renders.push(await metrics.evaluate(() => (window as unknown as { __benchFirstRender: number }).__benchFirstRender));
    await metrics.close();
  }
  return { spans: filled.count, fillSeconds: filled.seconds, report, firstRender: summarize(renders), turnsShown: expected };
}

export function renderExtensionPages(audit: AuditAppendResult | null, metrics: MetricsChromiumResult | null): string {
  const f = (v: number) => v.toFixed(1);
  const lines: string[] = [];
  if (audit) {
    const worst = (runs: AppendRun[]) => Math.min(...runs.map((r) => r.perSecond));
    const verdict = (rate: number) => (rate >= 2000 ? 'met' : 'not met');
    const row = (label: string, r: AppendRun) => `| ${label} | ${r.perSecond.toFixed(0)} | ${f(r.ms)} ms | ${r.verified ? 'yes' : 'NO'} |`;
    lines.push(
      '',
      '## Audit append (Chromium and Node)',
      '',
      'The real audit log (each entry sealed with AES-GCM and hash-chained; the signed head and the anchor moved once per',
      'write), in a database of its own, after 50 warm-up entries. **One after another**: each append waits for the one',
      'before to be committed, as single trade decisions arrive, so every entry is one compare-and-set transaction.',
      '**All at once**: every append is called before any is committed, as a burst of order updates arrives; the group',
      `commit writes those waiting together (up to 256 per transaction). ${String(audit.chromium[0]?.count ?? 0)} entries per run:`,
      '',
      '| Where | Entries per second | Time | Chain verifies |',
      '| --- | ---: | ---: | --- |',
      ...audit.chromium.map((r, i) => row(`Chromium, one after another, run ${String(i + 1)}`, r)),
      ...audit.chromiumTogether.map((r, i) => row(`Chromium, all at once, run ${String(i + 1)}`, r)),
      `| Node, fake-indexeddb, one after another | ${audit.node.perSecond.toFixed(0)} | ${f(audit.node.ms)} ms | – |`,
      `| Node, fake-indexeddb, all at once | ${audit.nodeTogether.perSecond.toFixed(0)} | ${f(audit.nodeTogether.ms)} ms | – |`,
      '',
      `Target at least 2,000 entries per second (Chromium, slowest run): all at once ${verdict(worst(audit.chromiumTogether))} (${worst(audit.chromiumTogether).toFixed(0)});`,
      `one after another ${verdict(worst(audit.chromium))} (${worst(audit.chromium).toFixed(0)}).`,
      '',
    );
  }
  if (metrics) {
    lines.push(
      '',
      `## Metrics view over ${metrics.spans.toLocaleString('en-US')} spans (Chromium)`,
      '',
      `${metrics.spans.toLocaleString('en-US')} synthetic spans over the last 30 days stored through the real recorder in the extension's database`,
      `(${metrics.fillSeconds.toFixed(1)} s; the Settings limit on kept measurements raised first). The page's figures for each range, asked of the worker from an extension page:`,
      '',
      '| Range | p50 | max | < 250 ms |',
      '| --- | ---: | ---: | --- |',
      ...Object.entries(metrics.report).map(([range, s]) => `| ${range} | ${f(s.p50)} ms | ${f(s.max)} ms | ${s.max < 250 ? 'met' : 'not met'} |`),
      '',
      `The metrics page opened ${String(metrics.firstRender.n)} times: from navigation start to its Turns tile showing the stored last day's ${metrics.turnsShown} turns,`,
      `p50 ${f(metrics.firstRender.p50)} ms, max ${f(metrics.firstRender.max)} ms (page clock).`,
      '',
    );
  }
  return lines.join('\n');
}
