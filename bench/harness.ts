/**
 * The real background app in Node (fake-indexeddb, a page-side port client), like tests/support/background-harness.ts
 * but with the `fetch` the background uses passed in, so the benchmark can time every upstream request.
 */
import { createBackgroundApp } from '../src/background-app';
import { openDatabase } from '../src/store/db';
import { createPortClient, type PortClient } from '../src/protocol/port-client';
import { systemClock, randomIds } from '../src/platform/clock';
import type { ServerPort } from '../src/background/port-server';
import type { PushEvent } from '../src/protocol/messages';
import { defaultSettings } from '../src/protocol/settings';
import { createFakePortPair } from '../tests/support/fake-port';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

export function startBenchBackground(options: { fetch: typeof fetch }) {
  let connect: ((port: ServerPort) => void) | undefined;
  const logs: string[] = [];
  const pending = new Set<Promise<unknown>>();
  const database = openDatabase(`bench-${crypto.randomUUID()}`);
  const app = createBackgroundApp({
    extensionId: EXTENSION_ID,
    fetch: options.fetch,
    clock: systemClock,
    ids: randomIds,
    keepAlive: (work) => {
      pending.add(work);
      void work.finally(() => pending.delete(work)).catch(() => undefined);
    },
    onConnect: (listener) => { connect = listener; },
    log: (_level, message, details) => { logs.push(`${message} ${JSON.stringify(details ?? {})}`); },
    scheduleFollowUp: () => undefined, // no alarms in the benchmark: no proposals or open orders to follow
    // The simulator's 200/min limit is lifted for the benchmark, so the client-side bucket is too: hundreds of turns
    // a minute would otherwise measure Alpaca's rate limit rather than the loop.
    resilience: { rateLimits: { alpaca: { requestsPerMinute: null, burst: 0 } } },
    database,
  });
  const client: PortClient = createPortClient(() => {
    const pair = createFakePortPair({ id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` });
    connect?.(pair.server);
    return pair.client;
  }, () => crypto.randomUUID());
  // Every run's end, by assistant message id, so a run that ends before its waiter is registered is not missed.
  const ended = new Map<string, PushEvent>();
  const waiters = new Map<string, (event: PushEvent) => void>();
  client.subscribe((event) => {
    if (event.type !== 'run-end' && event.type !== 'run-error') return;
    ended.set(event.messageId, event);
    waiters.get(event.messageId)?.(event);
  });

  return {
    app,
    client,
    logs,
    database,
    /** Resolves with the event that ended the run writing into `messageId` (run-end or run-error). */
    runEnded(messageId: string): Promise<PushEvent> {
      const seen = ended.get(messageId);
      if (seen) return Promise.resolve(seen);
      return new Promise<PushEvent>((resolve) => {
        waiters.set(messageId, (event) => {
          waiters.delete(messageId);
          resolve(event);
        });
      });
    },
    /** Waits until every background task (streamed answers) has settled. */
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async configure(patch: { anthropicUrl: string; alpacaTradingUrl: string; alpacaDataUrl: string }) {
      const settings = defaultSettings();
      settings.baseUrls = { anthropic: patch.anthropicUrl, alpacaTrading: patch.alpacaTradingUrl, alpacaData: patch.alpacaDataUrl };
      await client.request({ type: 'settings-save', settings, secrets: { anthropicApiKey: 'sk-ant-test', alpacaKeyId: 'sim-key-id', alpacaSecretKey: 'sim-secret-key' } });
    },
  };
}

export type BenchBackground = ReturnType<typeof startBenchBackground>;
