import { createBackgroundApp, type BackgroundPlatform } from '../../src/background-app';
import { openDatabase, type CleraDatabase } from '../../src/store/db';
import { createPortClient, type PortClient } from '../../src/protocol/port-client';
import { systemClock, randomIds } from '../../src/platform/clock';
import type { ServerPort } from '../../src/background/port-server';
import type { PushEvent } from '../../src/protocol/messages';
import { defaultSettings, type Settings } from '../../src/protocol/settings';
import { createFakePortPair } from './fake-port';

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

/** Runs the real background app in Node (fake-indexeddb, real fetch) with a page-side client, for integration tests. */
export function startBackground(options: { database?: CleraDatabase; platform?: Partial<BackgroundPlatform> } = {}) {
  let connect: ((port: ServerPort) => void) | undefined;
  const logs: string[] = [];
  const followUps: number[] = [];
  const pending = new Set<Promise<unknown>>();
  const database = options.database ?? openDatabase(`test-${crypto.randomUUID()}`);
  const app = createBackgroundApp({
    extensionId: EXTENSION_ID,
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    ids: randomIds,
    keepAlive: (work) => {
      pending.add(work);
      void work.finally(() => pending.delete(work)).catch(() => undefined);
    },
    onConnect: (listener) => { connect = listener; },
    log: (_level, message, details) => { logs.push(`${message} ${JSON.stringify(details ?? {})}`); },
    scheduleFollowUp: (delayMinutes) => { followUps.push(delayMinutes); },
    database,
    orderLookupDelaysMs: [0, 100, 300],
    ...options.platform,
  });
  const events: PushEvent[] = [];
  const client: PortClient = createPortClient(() => {
    const pair = createFakePortPair({ id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` });
    connect?.(pair.server);
    return pair.client;
  }, () => crypto.randomUUID());
  client.subscribe((event) => { if (event.type !== 'reconnected') events.push(event); });

  return {
    app,
    client,
    events,
    logs,
    followUps,
    database,
    /** Waits until every background task (streamed answers) has settled. */
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async configure(patch: { anthropicUrl: string; alpacaTradingUrl?: string; alpacaDataUrl?: string; apiKey?: string; alpacaKeyId?: string; alpacaSecret?: string; settings?: Partial<Settings> }) {
      const settings = { ...defaultSettings(), ...patch.settings };
      settings.baseUrls = { anthropic: patch.anthropicUrl, alpacaTrading: patch.alpacaTradingUrl ?? '', alpacaData: patch.alpacaDataUrl ?? '' };
      await client.request({
        type: 'settings-save',
        settings,
        secrets: { anthropicApiKey: patch.apiKey ?? 'sk-ant-test', alpacaKeyId: patch.alpacaKeyId ?? 'sim-key-id', alpacaSecretKey: patch.alpacaSecret ?? 'sim-secret-key' },
      });
    },
  };
}
