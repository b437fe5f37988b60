import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBackground } from '../support/background-harness';
import { startAnthropicSimulator, message, text, type AnthropicSimulator } from '../simulators/anthropic';
import { defaultSettings } from '../../src/protocol/settings';

/**
 * Issue 9, item 8: the user's keys go only to the official hosts, to this computer, or to an origin the user confirmed
 * once in Settings. The background's fetch is replaced by one that records every request that would leave the
 * computer (and answers it with a network failure), so a request carrying a key to any other host is seen here.
 */

const GATEWAY = 'https://gateway.example.com';
const LOOKALIKE = 'https://api.alpaca.markets.evil.com';

interface Sent { url: string; keyHeaders: string[] }

function recordingFetch(sent: Sent[]): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const { hostname } = new URL(request.url);
    if (hostname === '127.0.0.1' || hostname === 'localhost') return fetch(request);
    const keyHeaders = ['x-api-key', 'authorization', 'apca-api-key-id', 'apca-api-secret-key'].filter((name) => request.headers.has(name));
    sent.push({ url: request.url, keyHeaders });
    return Promise.reject(new TypeError('fetch failed (the test network has no route off this computer)'));
  };
}

let anthropic: AnthropicSimulator | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await anthropic?.close();
  anthropic = undefined;
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A loopback HTTP server that records the headers of every request and answers with `respond`. */
async function localServer(respond: (path: string) => { status: number; headers?: Record<string, string> }): Promise<{ url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    seen.push(request.headers);
    const { status, headers } = respond(request.url ?? '/');
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end('{}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`, seen };
}

async function start(baseUrls: { anthropic: string; alpacaTrading: string; alpacaData: string }) {
  const sent: Sent[] = [];
  const bg = startBackground({ platform: { fetch: recordingFetch(sent) } });
  await bg.app.ready;
  const settings = { ...defaultSettings(), baseUrls };
  await bg.client.request({ type: 'settings-save', settings, secrets: { anthropicApiKey: 'sk-ant-secret', alpacaKeyId: 'key-id', alpacaSecretKey: 'alpaca-secret' } });
  return { bg, sent };
}

describe('keys go only to official hosts, loopback, or an origin the user confirmed', () => {
  it('an unconfirmed gateway and a look-alike of Alpaca get no request; the checks name the host', async () => {
    const { bg, sent } = await start({ anthropic: `${GATEWAY}/anthropic`, alpacaTrading: LOOKALIKE, alpacaData: `${LOOKALIKE}/data` });

    const { checks } = await bg.client.request({ type: 'connection-test' });
    expect(checks.find((c) => c.service === 'anthropic')).toMatchObject({ ok: false, detail: expect.stringContaining('gateway.example.com') as string });
    expect(checks.find((c) => c.service === 'alpaca-trading')).toMatchObject({ ok: false, detail: expect.stringContaining('api.alpaca.markets.evil.com') as string });
    expect(checks.find((c) => c.service === 'alpaca-data')).toMatchObject({ ok: false, detail: expect.stringContaining('api.alpaca.markets.evil.com') as string });

    const chat = await bg.client.request({ type: 'chat-send', text: 'What is my buying power?' }).catch((error: unknown) => error);
    await bg.idle();
    expect(JSON.stringify(chat)).toContain('gateway.example.com');

    expect(sent).toEqual([]);
  });

  it('a confirmation in Settings lets the keys go to that exact origin, and revoking it stops them again', async () => {
    const { bg, sent } = await start({ anthropic: `${GATEWAY}/anthropic`, alpacaTrading: '', alpacaData: '' });
    // Saving settings cannot slip a trusted origin in: only the explicit confirmation adds one.
    const sneaky = { ...defaultSettings(), baseUrls: { anthropic: `${GATEWAY}/anthropic`, alpacaTrading: '', alpacaData: '' }, trustedKeyOrigins: [{ origin: GATEWAY, confirmedAt: '2026-01-01T00:00:00Z' }] };
    const saved = await bg.client.request({ type: 'settings-save', settings: sneaky, secrets: {} });
    expect(saved.settings.trustedKeyOrigins).toEqual([]);
    await bg.client.request({ type: 'connection-test' });
    expect(sent.filter((s) => s.url.startsWith(GATEWAY))).toEqual([]);

    const trusted = await bg.client.request({ type: 'key-origin-trust', origin: GATEWAY });
    expect(trusted.settings.trustedKeyOrigins.map((t) => t.origin)).toEqual([GATEWAY]);
    await bg.client.request({ type: 'connection-test' });
    const toGateway = sent.filter((s) => s.url.startsWith(`${GATEWAY}/`));
    expect(toGateway.length).toBeGreaterThan(0);
    expect(toGateway[0]?.keyHeaders.length).toBeGreaterThan(0); // the key went with it

    const revoked = await bg.client.request({ type: 'key-origin-revoke', origin: GATEWAY });
    expect(revoked.settings.trustedKeyOrigins).toEqual([]);
    const before = sent.length;
    const { checks } = await bg.client.request({ type: 'connection-test' });
    expect(checks.find((c) => c.service === 'anthropic')?.detail).toContain('gateway.example.com');
    expect(sent.slice(before).filter((s) => s.url.startsWith(GATEWAY))).toEqual([]);
  });

  it('refuses to trust what needs no trust or cannot have it: loopback, official hosts, http, user-info', async () => {
    const { bg } = await start({ anthropic: '', alpacaTrading: '', alpacaData: '' });
    for (const origin of ['http://127.0.0.1:8787', 'https://api.anthropic.com', 'http://gateway.example.com', 'https://a@gateway.example.com', `${GATEWAY}/path`]) {
      await expect(bg.client.request({ type: 'key-origin-trust', origin })).rejects.toMatchObject({ code: 'key-origin-invalid' });
    }
    expect((await bg.client.request({ type: 'settings-get' })).settings.trustedKeyOrigins).toEqual([]);
  });

  it('loopback keeps working: a local gateway gets the chat and its key', async () => {
    anthropic = await startAnthropicSimulator();
    anthropic.setScript(() => message(text('Hello from the local gateway.')));
    const { bg, sent } = await start({ anthropic: anthropic.url, alpacaTrading: '', alpacaData: '' });
    await bg.client.request({ type: 'chat-send', text: 'Hi' });
    await bg.idle();
    expect(anthropic.requests.some((r) => r.path === '/v1/messages')).toBe(true);
    expect(sent).toEqual([]);
  });

  it('a redirect from a trusted host is not followed: the keys never reach where it points, and the error says so', async () => {
    // Both servers are on loopback, so the key-host check alone would let the keys follow the redirect.
    const elsewhere = await localServer(() => ({ status: 200 }));
    const gateway = await localServer((path) => ({ status: 307, headers: { location: `${elsewhere.url}${path}` } }));
    const { bg, sent } = await start({ anthropic: gateway.url, alpacaTrading: gateway.url, alpacaData: gateway.url });

    const { checks } = await bg.client.request({ type: 'connection-test' });
    for (const service of ['anthropic', 'alpaca-trading', 'alpaca-data'] as const) {
      expect(checks.find((c) => c.service === service), service).toMatchObject({ ok: false, detail: expect.stringContaining('redirect') as string });
    }
    await bg.client.request({ type: 'chat-send', text: 'What is my buying power?' });
    await bg.idle();
    // The answer fails with the reason (the model call was redirected) rather than with a network error.
    expect(JSON.stringify(bg.events.filter((event) => event.type === 'message-upsert').at(-1))).toContain('answered with a redirect');

    expect(gateway.seen.length).toBeGreaterThan(0);
    expect(elsewhere.seen).toEqual([]);
    expect(sent).toEqual([]);
  });
});

