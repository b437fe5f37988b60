import { describe, expect, it } from 'vitest';
import { createBackgroundApp } from '../../src/background-app';
import { openDatabase } from '../../src/store/db';
import { createFakePortPair } from '../support/fake-port';
import { createPortClient } from '../../src/protocol/port-client';
import { systemClock, randomIds } from '../../src/platform/clock';
import type { ServerPort } from '../../src/background/port-server';

const extensionId = 'abcdefghijklmnopabcdefghijklmnop';

function start() {
  let connect: ((port: ServerPort) => void) | undefined;
  const logs: string[] = [];
  const app = createBackgroundApp({
    extensionId,
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    ids: randomIds,
    keepAlive: () => undefined,
    onConnect: (listener) => { connect = listener; },
    log: (_level, message, details) => { logs.push(`${message} ${JSON.stringify(details ?? {})}`); },
    scheduleFollowUp: () => undefined,
    database: openDatabase(`test-${crypto.randomUUID()}`),
  });
  const client = createPortClient(() => {
    const pair = createFakePortPair({ id: extensionId, url: `chrome-extension://${extensionId}/sidepanel.html` });
    connect?.(pair.server);
    return pair.client;
  }, () => crypto.randomUUID());
  return { app, client, logs };
}

describe('background app', () => {
  it('answers a settings request from its own page with defaults and no secrets', async () => {
    const { app, client, logs } = start();
    await app.ready;

    const view = await client.request({ type: 'settings-get' }).catch((e: unknown) => { console.log('LOGS', logs); throw e; });
    expect(logs).toEqual([]);
    expect(view.settings.tradingMode).toBe('paper');
    expect(view.secrets.anthropicApiKey).toEqual({ set: false, hint: '' });
  });
});
