/**
 * Streaming in the side panel, in Debian's Chromium with the built extension, against the Anthropic simulator:
 *
 * - **Send → first visible token**: the simulator holds every reply for a fixed time before its first byte (300 ms by
 *   default); the page's own clock notes when Enter is pressed in the Message box and when the new answer's first
 *   text is in the document (a MutationObserver installed before any script). The figure is the time over that fixed
 *   latency: the extension's own cost (panel → worker → SDK → worker → panel → React).
 * - **Long tasks while a long answer streams**: a ~2,000-token answer with two tables streams in small deltas; a
 *   `PerformanceObserver` for `longtask` entries counts main-thread tasks over 50 ms from Send until the answer is done.
 */
import type { Page } from '@playwright/test';
import { launchWithExtension, type BenchBrowser } from './browser';
import { ALPACA_KEY_ID, ALPACA_SECRET, ANTHROPIC_KEY, configure, ensureBuild, type BuildInfo } from './panel-tti';
import { message, startAnthropicSimulator, text } from '../tests/simulators/anthropic';
import { startAlpacaSimulator } from '../tests/simulators/alpaca';
import { summarize, type Summary } from './stats';

export interface StreamingResult {
  build: BuildInfo;
  firstByteMs: number;
  /**
   * Where the time to the first token goes, from the worker's clock (its `fetch` wrapped for the run) and the page's,
   * aligned on `performance.timeOrigin`: Enter → the model request leaves the worker; the request → its headers
   * (holds the simulator's first-byte delay); the headers → the first answer text in the panel.
   */
  phases: { beforeRequest: Summary; requestToHeaders: Summary; headersToVisible: Summary };
  /** Time from Enter to the first visible answer text, minus the simulator's fixed first-byte delay. */
  addedToFirstToken: Summary;
  /** The raw Enter → first visible text, for reference. */
  sendToFirstToken: Summary;
  longAnswer: {
    runs: number;
    approxTokens: number;
    characters: number;
    deltas: number;
    perChunkMs: number;
    /** Per run: the number of long tasks (over 50 ms) and the longest task, from Send to done. */
    longTaskCounts: number[];
    longestTaskMs: number[];
    streamMs: Summary;
  };
}

declare global {
  interface Window {
    __benchStream?: { sentAt?: number; firstTokenAt?: number; doneAt?: number; assistantsAtSend: number; longTasks: number[] };
  }
}

/** Runs in the page before its scripts (a string: tsx's keepNames helper does not exist in the page). */
const streamMarksScript = `(() => {
  const marks = { assistantsAtSend: 0, longTasks: [] };
  window.__benchStream = marks;
  const assistants = () => document.querySelectorAll('article.message-assistant');
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && event.target && event.target.id === 'composer-input') {
      marks.sentAt = performance.now();
      marks.firstTokenAt = undefined;
      marks.doneAt = undefined;
      marks.longTasks = [];
      marks.assistantsAtSend = assistants().length;
    }
  }, true);
  const check = () => {
    if (marks.sentAt === undefined) return;
    const list = assistants();
    if (list.length <= marks.assistantsAtSend) return;
    const last = list[list.length - 1];
    if (marks.firstTokenAt === undefined) {
      const body = last.querySelector('.markdown');
      if (body && body.textContent.trim().length > 0) marks.firstTokenAt = performance.now();
    }
    if (marks.firstTokenAt !== undefined && marks.doneAt === undefined && !last.hasAttribute('aria-busy')) marks.doneAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (marks.sentAt !== undefined && entry.startTime >= marks.sentAt && marks.doneAt === undefined) marks.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  } catch {}
})();`;

/** About 2,000 tokens (≈ 4 characters each) of Markdown with two tables. */
export function longAnswer(): string {
  const para = (n: number) =>
    `Paragraph ${String(n)}. Diversification spreads risk across holdings that do not move together, so one company's bad quarter ` +
    `weighs less on the whole. Costs matter too: a fund's expense ratio is taken every year, and over decades small differences compound.`;
  const table = (title: string, rows: number) => [
    `### ${title}`,
    '',
    '| Symbol | Weight | Return 1y | Volatility | Note |',
    '| --- | ---: | ---: | ---: | --- |',
    ...Array.from({ length: rows }, (_, i) => `| SYM${String(i)} | ${(3 + i * 1.7).toFixed(1)}% | ${(i * 2.3 - 8).toFixed(1)}% | ${(12 + i).toFixed(1)}% | row ${String(i)} of the table |`),
    '',
  ];
  const lines = ['## A long answer', ''];
  for (let i = 1; i <= 14; i += 1) lines.push(para(i), '');
  lines.push(...table('Holdings by weight', 18));
  for (let i = 15; i <= 28; i += 1) lines.push(para(i), '');
  lines.push(...table('Candidates', 18));
  lines.push('- One closing point.', '- Another closing point.');
  return lines.join('\n');
}

/** Wraps the worker's fetch (again after a restart) to note when each model request leaves and its headers arrive. */
const workerFetchProbe = `(() => {
  if (self.__benchFetch) return;
  const calls = [];
  self.__benchFetch = calls;
  const inner = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const entry = { url, start: performance.timeOrigin + performance.now(), headersAt: NaN };
    calls.push(entry);
    const response = await inner(input, init);
    entry.headersAt = performance.timeOrigin + performance.now();
    return response;
  };
})()`;

async function workerCalls(browser: BenchBrowser): Promise<{ url: string; start: number; headersAt: number }[]> {
  const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  await worker.evaluate(workerFetchProbe);
  return worker.evaluate('self.__benchFetch.splice(0)');
}

async function sendAndWait(page: Page, question: string): Promise<{ sentAt: number; firstTokenAt: number; doneAt: number; longTasks: number[]; timeOrigin: number }> {
  await page.getByRole('button', { name: 'New chat' }).click();
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(question);
  await box.press('Enter');
  await page.waitForFunction(() => window.__benchStream?.doneAt !== undefined, undefined, { timeout: 60_000 });
  // Let the last long-task entries be delivered.
  await page.waitForTimeout(100);
  const { marks, timeOrigin } = await page.evaluate(() => ({ marks: window.__benchStream, timeOrigin: performance.timeOrigin }));
  if (marks?.sentAt === undefined || marks.firstTokenAt === undefined || marks.doneAt === undefined) throw new Error('The page did not record the answer');
  return { sentAt: marks.sentAt, firstTokenAt: marks.firstTokenAt, doneAt: marks.doneAt, longTasks: marks.longTasks, timeOrigin };
}

export async function measureStreaming(options: { iterations: number; longRuns: number; firstByteMs?: number; perChunkMs?: number; rebuild?: boolean; log: (line: string) => void }): Promise<StreamingResult> {
  const firstByteMs = options.firstByteMs ?? 300;
  const perChunkMs = options.perChunkMs ?? 2;
  const build = await ensureBuild({ force: options.rebuild ?? false, log: options.log });
  const anthropic = await startAnthropicSimulator({ apiKey: ANTHROPIC_KEY });
  const alpaca = await startAlpacaSimulator({ keyId: ALPACA_KEY_ID, secret: ALPACA_SECRET });
  let browser: BenchBrowser | undefined;
  try {
    browser = await launchWithExtension(build.dir);
    await configure(browser, anthropic, alpaca);
    const page = await browser.context.newPage();
    await page.addInitScript({ content: streamMarksScript });
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await page.getByRole('textbox', { name: 'Message' }).waitFor({ state: 'visible' });

    const short = 'An index fund holds every stock of an index, so one purchase spreads your money widely.';
    anthropic.setScript(() => ({ ...message(text(short)), latency: { firstByteMs } }));
    const added: number[] = [];
    const raw: number[] = [];
    const beforeRequest: number[] = [];
    const requestToHeaders: number[] = [];
    const headersToVisible: number[] = [];
    // Two warm-up turns (first use of the SDK, first Markdown chunk load), then the measured ones.
    for (let i = 0; i < options.iterations + 2; i += 1) {
      await workerCalls(browser);
      const marks = await sendAndWait(page, `What is an index fund? (${String(i)})`);
      const calls = await workerCalls(browser);
      if (process.env.BENCH_DEBUG) options.log(`    calls: ${calls.map((c) => `${new URL(c.url).pathname} +${(c.start - marks.timeOrigin - marks.sentAt).toFixed(1)}..${(c.headersAt - marks.timeOrigin - marks.sentAt).toFixed(1)}`).join(', ')}`);
      const model = calls.find((call) => call.url.startsWith(anthropic.url) && new URL(call.url).pathname === '/v1/messages');
      if (i < 2) continue;
      raw.push(marks.firstTokenAt - marks.sentAt);
      added.push(marks.firstTokenAt - marks.sentAt - firstByteMs);
      if (model) {
        const sent = marks.timeOrigin + marks.sentAt;
        beforeRequest.push(model.start - sent);
        requestToHeaders.push(model.headersAt - model.start);
        headersToVisible.push(marks.timeOrigin + marks.firstTokenAt - model.headersAt);
      }
    }
    options.log(`  first visible token: +${summarize(added).p50.toFixed(1)} ms p50 over the ${String(firstByteMs)} ms first byte`);

    const answer = longAnswer();
    anthropic.setScript(() => ({ ...message(text(answer)), latency: { firstByteMs: 0, perChunkMs } }));
    const counts: number[] = [];
    const longest: number[] = [];
    const streamMs: number[] = [];
    for (let i = 0; i < options.longRuns; i += 1) {
      const marks = await sendAndWait(page, `Explain diversification at length (${String(i)})`);
      counts.push(marks.longTasks.length);
      longest.push(marks.longTasks.length ? Math.max(...marks.longTasks) : 0);
      streamMs.push(marks.doneAt - marks.firstTokenAt);
    }
    options.log(`  long answer: long tasks per run ${counts.join(', ')}; longest ${longest.map((v) => v.toFixed(0)).join(', ')} ms`);
    await page.close();
    return {
      build,
      firstByteMs,
      addedToFirstToken: summarize(added),
      phases: { beforeRequest: summarize(beforeRequest), requestToHeaders: summarize(requestToHeaders), headersToVisible: summarize(headersToVisible) },
      sendToFirstToken: summarize(raw),
      longAnswer: {
        runs: options.longRuns,
        approxTokens: Math.round(answer.length / 4),
        characters: answer.length,
        // The simulator splits text into pieces of at most 12 characters.
        deltas: Math.ceil(answer.length / 6.5),
        perChunkMs,
        longTaskCounts: counts,
        longestTaskMs: longest,
        streamMs: summarize(streamMs),
      },
    };
  } finally {
    await browser?.close();
    await Promise.all([anthropic.close(), alpaca.close()]);
  }
}

export function renderStreaming(result: StreamingResult): string {
  const f = (v: number) => v.toFixed(1);
  const a = result.addedToFirstToken;
  const long = result.longAnswer;
  const maxLongest = long.longestTaskMs.length ? Math.max(...long.longestTaskMs) : 0;
  const anyLong = long.longTaskCounts.some((c) => c > 0);
  return [
    '',
    '## Streaming in the side panel (Chromium)',
    '',
    `The Anthropic simulator holds each reply ${String(result.firstByteMs)} ms before its first byte; the panel's own clock runs from Enter in`,
    'the Message box to the first answer text in the document. Two warm-up turns, then one new chat per sample.',
    '',
    '| Figure | n | p50 | p95 | max | Target |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    `| Send → first visible token, over the first byte | ${String(a.n)} | ${f(a.p50)} ms | ${f(a.p95)} ms | ${f(a.max)} ms | < 50 ms: ${a.p95 < 50 ? 'met' : 'not met'} (p95) |`,
    `| Send → first visible token, raw | ${String(result.sendToFirstToken.n)} | ${f(result.sendToFirstToken.p50)} ms | ${f(result.sendToFirstToken.p95)} ms | ${f(result.sendToFirstToken.max)} ms | |`,
    `| of which Enter → model request leaves the worker | ${String(result.phases.beforeRequest.n)} | ${f(result.phases.beforeRequest.p50)} ms | ${f(result.phases.beforeRequest.p95)} ms | ${f(result.phases.beforeRequest.max)} ms | |`,
    `| of which request → response headers (incl. the first byte delay) | ${String(result.phases.requestToHeaders.n)} | ${f(result.phases.requestToHeaders.p50)} ms | ${f(result.phases.requestToHeaders.p95)} ms | ${f(result.phases.requestToHeaders.max)} ms | |`,
    `| of which headers → first text in the panel | ${String(result.phases.headersToVisible.n)} | ${f(result.phases.headersToVisible.p50)} ms | ${f(result.phases.headersToVisible.p95)} ms | ${f(result.phases.headersToVisible.max)} ms | |`,
    '',
    `A long answer (${long.characters.toLocaleString('en-US')} characters, about ${long.approxTokens.toLocaleString('en-US')} tokens, two 18-row tables) streamed in`,
    `deltas of at most 12 characters, ${String(long.perChunkMs)} ms apart (faster than a model writes, so rendering is stressed more than in use).`,
    `Streaming took ${f(long.streamMs.p50)} ms (p50 of ${String(long.runs)}). Main-thread tasks over 50 ms (PerformanceObserver \`longtask\`) per run:`,
    `${long.longTaskCounts.join(', ')}; the longest ${long.longestTaskMs.map((v) => `${v.toFixed(0)} ms`).join(', ')}. Target none: ${anyLong ? `not met (longest ${maxLongest.toFixed(0)} ms)` : 'met'}.`,
    '',
  ].join('\n');
}
