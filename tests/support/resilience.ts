import { openDatabase, type CleraDatabase } from '../../src/store/db';
import { createResilience, type Resilience, type ResilienceOptions } from '../../src/resilience/index';

export interface SentRequest {
  method: string;
  url: string;
  body: string;
  /** The fake clock's time when the request went out. */
  at: number;
}

export type Step = Response | Error | ((request: Request) => Response | Promise<Response>);

/**
 * A fetch that plays `steps` in order (the last one repeats) and records what was sent. Responses are built fresh
 * per call from a factory, so pass functions when a step repeats.
 */
export function scriptedFetch(steps: Step[], clock?: FakeClock): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  let index = 0;
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const at = clock?.now().getTime() ?? 0;
    const request = new Request(input, init);
    sent.push({ method: request.method, url: request.url, body: await request.text(), at });
    const step = steps[Math.min(index++, steps.length - 1)];
    if (step === undefined) throw new Error('no scripted step');
    if (step instanceof Error) throw step;
    if (step instanceof Response) return step.clone();
    return step(request);
  };
  return { fetch: fake, sent };
}

export const respond = (status: number, headers: Record<string, string> = {}, body = '{}') => () => new Response(body, { status, headers });

export interface FakeClock {
  now(): Date;
  advance(ms: number): void;
}

export function fakeClock(start = Date.UTC(2026, 5, 1, 14, 0, 0)): FakeClock {
  let time = start;
  return {
    now: () => new Date(time),
    advance: (ms) => {
      time += ms;
    },
  };
}

/**
 * A sleep that records the delay and moves the fake clock forward by it, without really waiting. It resolves on the
 * next macrotask, so whatever the previous wake-up released runs first, as it would with a real sleep.
 */
export function recordingSleep(clock: FakeClock): { sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise((resolve) => {
        setTimeout(() => {
          clock.advance(ms);
          resolve();
        }, 0);
      });
    },
  };
}

export function testDatabase(): CleraDatabase {
  return openDatabase(`test-resilience-${crypto.randomUUID()}`);
}

/** A resilience over a fresh database, a fake clock and a recording sleep, with every callback recorded. */
export async function createTestResilience(steps: Step[], options: Partial<ResilienceOptions> = {}) {
  const clock = fakeClock();
  const { sleep, sleeps } = recordingSleep(clock);
  const { fetch, sent } = scriptedFetch(steps, clock);
  const events = { retries: [] as unknown[], waits: [] as { dependency: string; waitMs: number }[], changes: [] as { from: string; to: string }[] };
  const db = options.db ?? testDatabase();
  const resilience: Resilience = await createResilience({
    db,
    clock,
    sleep,
    fetch,
    onRetry: (info) => events.retries.push(info),
    onWait: (info) => events.waits.push(info),
    onBreakerChange: (change) => events.changes.push({ from: change.from, to: change.to }),
    ...options,
  });
  return { resilience, clock, sleeps, sent, events, db };
}
