/**
 * Agent loop benchmark: the real background app (Dexie on fake-indexeddb, the real port protocol, the real agent
 * loop, the real Anthropic SDK and Alpaca clients) in this process, against the Anthropic and Alpaca simulators at
 * zero latency in a child process. Each question type runs a fixed number of turns; every turn is timed from
 * `chat-send` until the run's end event reaches the page side of the port, and every upstream request is timed by the
 * fetch the background is given.
 */
import 'fake-indexeddb/auto';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { RunState } from '../src/agents/run-state';
import { startBenchBackground, type BenchBackground } from './harness';
import { runsOf } from '../tests/support/stored-records';
import { questionTypes, type QuestionType } from './questions';
import type { SimCommand, SimReply, SimRequest } from './sim-process';
import { createTimingFetch, type RequestTiming } from './timing-fetch';
import { mean, summarize, unionLength, type Summary } from './stats';

export type { QuestionType } from './questions';

export interface TurnSample {
  ok: boolean;
  wallMs: number;
  waitingMs: number;
  modelWaitMs: number;
  brokerWaitMs: number;
  overheadMs: number;
  /** Overhead split by where it falls: before the first upstream request, between requests, after the last one. */
  beforeFirstMs: number;
  betweenMs: number;
  afterLastMs: number;
  /** CPU time (user + system) this process used during the turn: the extension side only, whatever else the machine runs. */
  cpuMs: number;
  modelCalls: number;
  brokerRequests: number;
  toolErrors: number;
  usage: RunState['usage'];
}

export interface TypeResult {
  type: QuestionType;
  warmups: number;
  samples: TurnSample[];
  failures: number;
  modelCalls: { mean: number; min: number; max: number };
  brokerRequests: number;
  toolErrors: number;
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number };
  wall: Summary;
  waiting: Summary;
  modelWait: Summary;
  brokerWait: Summary;
  overhead: Summary;
  beforeFirst: Summary;
  between: Summary;
  afterLast: Summary;
  cpu: Summary;
}

export interface AgentLoopResult {
  iterations: number;
  warmups: number;
  results: TypeResult[];
  totalTurns: number;
  durationMs: number;
}

/** The simulator child process and the one thing the benchmark asks of it: which script answers next. */
async function startSimulators() {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'sim-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let seq = 0;
  const waiting = new Map<number, { resolve: (reply: SimReply) => void; reject: (error: Error) => void }>();
  let ready: (reply: SimReply) => void = () => undefined;
  const started = new Promise<SimReply>((resolve, reject) => {
    ready = resolve;
    child.once('exit', (code) => { reject(new Error(`The simulator process exited (code ${String(code)}) before it was ready`)); });
  });
  child.on('message', (reply: SimReply) => {
    if (reply.kind === 'ready') {
      ready(reply);
      return;
    }
    const pending = waiting.get(reply.seq);
    waiting.delete(reply.seq);
    if (reply.kind === 'error') pending?.reject(new Error(reply.message));
    else pending?.resolve(reply);
  });
  const request = (command: SimRequest): Promise<SimReply> => {
    seq += 1;
    const id = seq;
    return new Promise<SimReply>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      const message: SimCommand = { ...command, seq: id };
      child.send(message);
    });
  };
  const first = await started;
  if (first.kind !== 'ready') throw new Error('The simulator process did not start');
  return {
    urls: first,
    async setScript(id: string, step: 'previous' | 'main'): Promise<void> {
      const reply = await request({ cmd: 'script', id, step });
      if (reply.kind === 'ack' && reply.scriptErrors.length > 0) throw new Error(`The Anthropic simulator's script failed: ${reply.scriptErrors[0] ?? ''}`);
    },
    async close(): Promise<void> {
      const exited = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
      await request({ cmd: 'close' }).catch(() => undefined);
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

type Simulators = Awaited<ReturnType<typeof startSimulators>>;

interface Env {
  sims: Simulators;
  bg: BenchBackground;
  timings: RequestTiming[];
}

async function runState(bg: BenchBackground, conversationId: string, messageId: string): Promise<RunState | undefined> {
  return (await runsOf(bg.database, conversationId)).find((run) => run.state.assistantMessageId === messageId)?.state;
}

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function turn(env: Env, type: QuestionType, step: 'previous' | 'main', conversationId?: string): Promise<TurnSample & { conversationId: string }> {
  const { bg, sims, timings } = env;
  const text = step === 'previous' ? (type.previous?.question ?? '') : type.question;
  await sims.setScript(type.id, step);
  const firstTiming = timings.length;
  const cpu0 = cpuNow();
  const t0 = performance.now();
  const sent = await bg.client.request({ type: 'chat-send', text, ...(conversationId ? { conversationId } : {}) });
  const end = await bg.runEnded(sent.messageId);
  const t1 = performance.now();
  const cpuMs = cpuNow() - cpu0;
  await bg.idle();

  const requests = timings.slice(firstTiming).filter((t) => t.start <= t1);
  const interval = (t: RequestTiming) => [t.start, Number.isNaN(t.end) ? t1 : t.end] as const;
  const isModel = (t: RequestTiming) => t.url.startsWith(sims.urls.anthropicUrl);
  const isBroker = (t: RequestTiming) => t.url.startsWith(sims.urls.tradingUrl) || t.url.startsWith(sims.urls.dataUrl);
  const waitingMs = unionLength(requests.map(interval), t0, t1);
  const wallMs = t1 - t0;
  const firstStart = requests.length ? Math.min(...requests.map((t) => t.start)) : t1;
  const lastEnd = requests.length ? Math.max(...requests.map((t) => interval(t)[1])) : t1;
  const beforeFirstMs = firstStart - t0;
  const afterLastMs = Math.max(0, t1 - lastEnd);
  const state = await runState(bg, sent.conversationId, sent.messageId);
  const saved = (await bg.client.request({ type: 'conversation-open', conversationId: sent.conversationId })).messages.find((m) => m.id === sent.messageId);
  return {
    conversationId: sent.conversationId,
    ok: end.type === 'run-end' && saved?.status === 'complete',
    wallMs,
    waitingMs,
    modelWaitMs: unionLength(requests.filter(isModel).map(interval), t0, t1),
    brokerWaitMs: unionLength(requests.filter(isBroker).map(interval), t0, t1),
    overheadMs: wallMs - waitingMs,
    beforeFirstMs,
    betweenMs: wallMs - waitingMs - beforeFirstMs - afterLastMs,
    afterLastMs,
    cpuMs,
    modelCalls: requests.filter((t) => isModel(t) && t.method === 'POST' && new URL(t.url).pathname === '/v1/messages').length,
    brokerRequests: requests.filter(isBroker).length,
    toolErrors: Object.values(state?.toolResults ?? {}).filter((r) => !r.ok).length,
    usage: state?.usage ?? { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
  };
}

async function iteration(env: Env, type: QuestionType): Promise<TurnSample> {
  let conversationId: string | undefined;
  if (type.previous) conversationId = (await turn(env, type, 'previous')).conversationId;
  return turn(env, type, 'main', conversationId);
}

async function measureType(env: Env, type: QuestionType, warmups: number, iterations: number): Promise<TypeResult> {
  const samples: TurnSample[] = [];
  for (let i = 0; i < warmups + iterations; i += 1) {
    const sample = await iteration(env, type);
    if (i >= warmups) samples.push(sample);
  }
  const good = samples.filter((s) => s.ok);
  const pick = (f: (s: TurnSample) => number) => good.map(f);
  const calls = pick((s) => s.modelCalls);
  return {
    type,
    warmups,
    samples,
    failures: samples.length - good.length,
    modelCalls: { mean: mean(calls), min: Math.min(...calls), max: Math.max(...calls) },
    brokerRequests: mean(pick((s) => s.brokerRequests)),
    toolErrors: mean(pick((s) => s.toolErrors)),
    tokens: {
      input: mean(pick((s) => s.usage.input)),
      output: mean(pick((s) => s.usage.output)),
      cacheRead: mean(pick((s) => s.usage.cacheRead)),
      cacheWrite: mean(pick((s) => s.usage.cacheWrite)),
    },
    wall: summarize(pick((s) => s.wallMs)),
    waiting: summarize(pick((s) => s.waitingMs)),
    modelWait: summarize(pick((s) => s.modelWaitMs)),
    brokerWait: summarize(pick((s) => s.brokerWaitMs)),
    overhead: summarize(pick((s) => s.overheadMs)),
    beforeFirst: summarize(pick((s) => s.beforeFirstMs)),
    between: summarize(pick((s) => s.betweenMs)),
    afterLast: summarize(pick((s) => s.afterLastMs)),
    cpu: summarize(pick((s) => s.cpuMs)),
  };
}

export async function runAgentLoopBench(options: { iterations: number; warmups: number; only?: string[]; log?: (line: string) => void }): Promise<AgentLoopResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const sims = await startSimulators();
  const timing = createTimingFetch(globalThis.fetch);
  const bg = startBenchBackground({ fetch: timing.fetch });
  try {
    await bg.app.ready;
    await bg.configure({ anthropicUrl: sims.urls.anthropicUrl, alpacaTradingUrl: sims.urls.tradingUrl, alpacaDataUrl: sims.urls.dataUrl });
    const env: Env = { sims, bg, timings: timing.timings };
    const results: TypeResult[] = [];
    const types = questionTypes().filter((t) => !options.only || options.only.includes(t.id));
    // A first round through every type, untimed, so the code paths all types share are compiled before any is measured.
    for (const type of types) await iteration(env, type);
    for (const type of types) {
      const result = await measureType(env, type, options.warmups, options.iterations);
      log(
        `  ${type.id.padEnd(14)} calls ${result.modelCalls.mean.toFixed(2)}  wall p50 ${result.wall.p50.toFixed(1)} ms  ` +
          `overhead p50 ${result.overhead.p50.toFixed(1)} / p95 ${result.overhead.p95.toFixed(1)} ms  cpu p50 ${result.cpu.p50.toFixed(1)} ms  failures ${result.failures}`,
      );
      results.push(result);
    }
    const turnsPerIteration = (type: QuestionType) => (type.previous ? 2 : 1);
    return {
      iterations: options.iterations,
      warmups: options.warmups,
      results,
      totalTurns: results.reduce((sum, r) => sum + (1 + r.warmups + r.samples.length) * turnsPerIteration(r.type), 0),
      durationMs: performance.now() - started,
    };
  } finally {
    await bg.idle();
    bg.client.close();
    bg.database.close();
    await sims.close();
  }
}
