/**
 * The agent loop inside the real service worker, in Debian's Chromium: the same question types and scripts as the
 * Node benchmark (bench/questions.ts), asked through the extension's own port from an extension page, with the
 * worker's `fetch` wrapped (through CDP) to time every upstream request until its body ends. Overhead is the turn's
 * wall time (the page's clock, from `chat-send` to `run-end`) minus the time some request was in flight; both clocks
 * are aligned on `performance.timeOrigin`. The port hop to the page is included (a fraction of a millisecond).
 *
 * Then the worker's heap: after 20 and after 200 turns (each a new conversation), both after two forced garbage
 * collections (CDP `HeapProfiler.collectGarbage`, `Runtime.getHeapUsage`).
 */
import type { Page } from '@playwright/test';
import { launchWithExtension, type BenchBrowser } from './browser';
import { ALPACA_KEY_ID, ALPACA_SECRET, ANTHROPIC_KEY, configure, ensureBuild, type BuildInfo } from './panel-tti';
import { questionTypes, seedPortfolio } from './questions';
import { attachServiceWorker, type WorkerSession } from './sw-cdp';
import { startAnthropicSimulator, type AnthropicSimulator } from '../tests/simulators/anthropic';
import { startAlpacaSimulator } from '../tests/simulators/alpaca';
import { summarize, unionLength, type Summary } from './stats';

export interface WorkerLoopType {
  id: string;
  label: string;
  wall: Summary;
  waiting: Summary;
  overhead: Summary;
  modelCalls: number;
  failures: number;
}

export interface WorkerResult {
  build: BuildInfo;
  iterations: number;
  types: WorkerLoopType[];
  heap: { after20Mb: number; after200Mb: number; growthMb: number; turns: number; failures: number } | null;
}

/** Wraps the worker's fetch once per worker life: start, headers and end of body of every request. */
const fetchTimingProbe = `(() => {
  if (self.__benchTimings) return 'already';
  const timings = [];
  self.__benchTimings = timings;
  const inner = self.fetch.bind(self);
  const now = () => performance.timeOrigin + performance.now();
  self.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init && init.method) || (typeof input === 'object' && !(input instanceof URL) ? input.method : 'GET');
    const entry = { url, method: String(method).toUpperCase(), start: now(), headersAt: NaN, end: NaN };
    timings.push(entry);
    let response;
    try { response = await inner(input, init); } catch (error) { entry.headersAt = entry.end = now(); throw error; }
    entry.headersAt = now();
    if (!response.body) { entry.end = entry.headersAt; return response; }
    const reader = response.body.getReader();
    const body = new ReadableStream({
      start(controller) {
        (async () => {
          try {
            for (;;) { const { done, value } = await reader.read(); if (done) break; controller.enqueue(value); }
            entry.end = now();
            controller.close();
          } catch (error) { entry.end = now(); controller.error(error); }
        })();
      },
      cancel(reason) { entry.end = now(); return reader.cancel(reason); },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return 'installed';
})()`;

/** A raw port to the worker from an extension page, asking one question and resolving at its `run-end`. */
const turnDriver = `(() => {
  if (window.__benchTurn) return;
  const ended = new Map();
  const waiting = new Map();
  const responses = new Map();
  let port;
  const connect = () => {
    port = chrome.runtime.connect({ name: 'clera' });
    port.onMessage.addListener((event) => {
      if (event.type === 'response') { const r = responses.get(event.requestId); if (r) { responses.delete(event.requestId); r(event); } return; }
      if (event.type === 'run-end') {
        const at = performance.timeOrigin + performance.now();
        const w = waiting.get(event.messageId);
        if (w) { waiting.delete(event.messageId); w(at); } else ended.set(event.messageId, at);
      }
    });
    port.onDisconnect.addListener(() => { port = undefined; });
  };
  window.__benchTurn = (text, conversationId) => new Promise((resolve, reject) => {
    if (!port) connect();
    const id = crypto.randomUUID();
    const t0 = performance.timeOrigin + performance.now();
    responses.set(id, (event) => {
      if (!event.ok) { reject(new Error(JSON.stringify(event.error))); return; }
      const { messageId, conversationId: conv } = event.data;
      const done = (t1) => resolve({ t0, t1, conversationId: conv, messageId });
      const seen = ended.get(messageId);
      if (seen !== undefined) { ended.delete(messageId); done(seen); } else waiting.set(messageId, done);
    });
    port.postMessage(conversationId ? { type: 'chat-send', text, conversationId, id } : { type: 'chat-send', text, id });
  });
})()`;

interface Timing {
  url: string;
  method: string;
  start: number;
  headersAt: number;
  end: number;
}

interface Env {
  browser: BenchBrowser;
  page: Page;
  worker: WorkerSession;
  anthropic: AnthropicSimulator;
}

async function evaluate<T>(worker: WorkerSession, expression: string): Promise<T> {
  const reply = await worker.send<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
  if (reply.exceptionDetails) throw new Error(`Worker evaluation failed: ${reply.exceptionDetails.text}`);
  return reply.result.value;
}

/**
 * The extension keeps to Alpaca's quota (a burst of 20, then 180 requests a minute); the benchmark asks far faster than
 * a person, so after each turn it waits until the bucket has refilled what the turn spent: no request of a measured
 * turn is held by the limiter, as in use.
 */
const ALPACA_REFILL_MS = 60_000 / 180;

async function ask(env: Env, text: string, conversationId?: string): Promise<{ t0: number; t1: number; conversationId: string; timings: Timing[] }> {
  const turn = await askUnpaced(env, text, conversationId);
  const brokerRequests = turn.timings.filter((t) => !t.url.startsWith(env.anthropic.url)).length;
  if (brokerRequests > 0) await new Promise((resolve) => setTimeout(resolve, brokerRequests * ALPACA_REFILL_MS + 20));
  return turn;
}

async function askUnpaced(env: Env, text: string, conversationId?: string): Promise<{ t0: number; t1: number; conversationId: string; timings: Timing[] }> {
  await evaluate(env.worker, fetchTimingProbe);
  await evaluate(env.worker, 'self.__benchTimings.splice(0).length');
  const turn = await env.page.evaluate(
    ([question, conversation]) => (window as unknown as { __benchTurn: (t: string, c?: string) => Promise<{ t0: number; t1: number; conversationId: string }> }).__benchTurn(question, conversation ?? undefined),
    [text, conversationId ?? null] as const,
  );
  const timings = await evaluate<Timing[]>(env.worker, 'self.__benchTimings.slice()');
  return { ...turn, timings };
}

async function measureType(env: Env, type: ReturnType<typeof questionTypes>[number], warmups: number, iterations: number): Promise<WorkerLoopType> {
  const wall: number[] = [];
  const waiting: number[] = [];
  const overhead: number[] = [];
  let calls = 0;
  let failures = 0;
  for (let i = 0; i < warmups + iterations; i += 1) {
    try {
      let conversationId: string | undefined;
      if (type.previous) {
        env.anthropic.setScript(type.previous.script);
        conversationId = (await ask(env, type.previous.question)).conversationId;
      }
      env.anthropic.setScript(type.script);
      const turn = await ask(env, type.question, conversationId);
      if (i < warmups) continue;
      const inTurn = turn.timings.filter((t) => t.start <= turn.t1);
      const waitingMs = unionLength(inTurn.map((t) => [t.start, Number.isNaN(t.end) ? turn.t1 : t.end] as const), turn.t0, turn.t1);
      wall.push(turn.t1 - turn.t0);
      waiting.push(waitingMs);
      overhead.push(turn.t1 - turn.t0 - waitingMs);
      calls = Math.max(calls, inTurn.filter((t) => t.method === 'POST' && t.url.startsWith(env.anthropic.url)).length);
    } catch {
      if (i >= warmups) failures += 1;
    }
  }
  return { id: type.id, label: type.label, wall: summarize(wall), waiting: summarize(waiting), overhead: summarize(overhead), modelCalls: calls, failures };
}

async function heapMb(worker: WorkerSession): Promise<number> {
  await worker.send('HeapProfiler.collectGarbage');
  await worker.send('HeapProfiler.collectGarbage');
  const usage = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return usage.usedSize / (1024 * 1024);
}

export async function measureServiceWorker(options: { iterations: number; warmups: number; only?: string[]; profile?: (profile: unknown) => void; heapTurns?: number; skipHeap?: boolean; rebuild?: boolean; log: (line: string) => void }): Promise<WorkerResult> {
  const build = await ensureBuild({ force: options.rebuild ?? false, log: options.log });
  const anthropic = await startAnthropicSimulator({ apiKey: ANTHROPIC_KEY });
  const alpaca = await startAlpacaSimulator({ keyId: ALPACA_KEY_ID, secret: ALPACA_SECRET, history: false });
  seedPortfolio(alpaca);
  let browser: BenchBrowser | undefined;
  let worker: WorkerSession | undefined;
  try {
    browser = await launchWithExtension(build.dir);
    await configure(browser, anthropic, alpaca);
    const page = await browser.openPage('audit.html');
    await page.evaluate(turnDriver);
    worker = await attachServiceWorker(browser, page);
    await worker.send('Runtime.enable');
    const env: Env = { browser, page, worker, anthropic };
    const types: WorkerLoopType[] = [];
    for (const type of questionTypes().filter((t) => !options.only || options.only.includes(t.id))) {
      if (options.profile) {
        await worker.send('Profiler.enable');
        await worker.send('Profiler.start');
      }
      const result = await measureType(env, type, options.warmups, options.iterations);
      if (options.profile) options.profile((await worker.send<{ profile: unknown }>('Profiler.stop')).profile);
      types.push(result);
      options.log(`  worker ${type.id.padEnd(14)} overhead p50 ${result.overhead.p50.toFixed(1)} / p95 ${result.overhead.p95.toFixed(1)} ms  failures ${String(result.failures)}`);
    }
    let heap: WorkerResult['heap'] = null;
    if (!options.skipHeap) {
      const total = options.heapTurns ?? 200;
      const direct = questionTypes().find((t) => t.id === 'direct') ?? questionTypes()[0];
      if (!direct) throw new Error('No question type to repeat');
      anthropic.setScript(direct.script);
      let failures = 0;
      let after20 = Number.NaN;
      for (let i = 1; i <= total; i += 1) {
        await ask(env, `${direct.question} (${String(i)})`).catch(() => { failures += 1; });
        if (i === 20) after20 = await heapMb(worker);
      }
      const after200 = await heapMb(worker);
      heap = { after20Mb: after20, after200Mb: after200, growthMb: after200 - after20, turns: total, failures };
      options.log(`  worker heap: ${after20.toFixed(2)} MB after 20 turns, ${after200.toFixed(2)} MB after ${String(total)}`);
    }
    return { build, iterations: options.iterations, types, heap };
  } finally {
    await worker?.detach();
    await browser?.close();
    await Promise.all([anthropic.close(), alpaca.close()]);
  }
}

export function renderServiceWorker(result: WorkerResult, nodeOverhead?: Map<string, Summary>): string {
  const f = (v: number) => v.toFixed(1);
  const rows = result.types.map((t) => {
    const node = nodeOverhead?.get(t.id);
    return `| ${t.label} | ${f(t.wall.p50)} / ${f(t.wall.p95)} | ${f(t.waiting.p50)} / ${f(t.waiting.p95)} | **${f(t.overhead.p50)} / ${f(t.overhead.p95)}** | ${node ? `${f(node.p50)} / ${f(node.p95)}` : '–'} | ${String(t.modelCalls)} | ${String(t.failures)} |`;
  });
  const heap = result.heap;
  return [
    '',
    '## Agent loop inside the service worker (Chromium)',
    '',
    'The question types of section 1, asked through the extension\'s own port from an extension page, against the same',
    `simulators at zero latency; the worker's fetch wrapped through CDP to time each request. ${String(result.iterations)} measured turns per type.`,
    'Unlike the Node run, the extension\'s Alpaca rate limiter is on; turns are spaced so that it never holds a request.',
    'Real IndexedDB, real WebCrypto, the built bundle. Times in ms, p50 / p95.',
    '',
    '| Question type | Wall | Waiting on simulators | **Overhead (worker)** | Overhead (Node, section 1) | Model calls | Failed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    heap
      ? `Worker heap after forced garbage collection: ${heap.after20Mb.toFixed(2)} MB after 20 turns, ${heap.after200Mb.toFixed(2)} MB after ${String(heap.turns)} (growth ${heap.growthMb.toFixed(2)} MB; target within 5 MB: ${Math.abs(heap.growthMb) <= 5 ? 'met' : 'not met'}; ${String(heap.failures)} failed turns). Each turn a new conversation with a direct answer.`
      : 'Worker heap: not measured in this run.',
    '',
  ].join('\n');
}
