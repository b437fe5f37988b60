import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../protocol/errors';
import { createResilience, type DependencyConfig, type Resilience } from './index';
import { testDatabase } from '../../tests/support/resilience';

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A real HTTP server on 127.0.0.1 (port 0) that records each request's method, path and body. */
async function serve(handler: Handler): Promise<{ base: string; received: { method: string; path: string; body: string }[] }> {
  const received: { method: string; path: string; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', path: request.url ?? '', body });
      handler(request, response, body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`, received };
}

function resilienceWith(config: Partial<DependencyConfig>): Promise<Resilience> {
  return createResilience({
    db: testDatabase(),
    fetch: globalThis.fetch,
    sleep: () => Promise.resolve(),
    config: { anthropic: config, 'alpaca-data': config, 'alpaca-trading': config },
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('timeouts against a real server', () => {
  it('fails with a retryable timeout error when the server never answers', async () => {
    const { base, received } = await serve(() => undefined);
    const resilience = await resilienceWith({ timeoutMs: 150, maxRetries: 0 });
    const started = performance.now();
    const error = await rejection(resilience.fetchFor('alpaca-data')(`${base}/v2/stocks/bars`));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: 'upstream', code: 'timeout', retryable: true, details: { dependency: 'alpaca-data', timeoutMs: 150 } });
    expect(error.message).toBe('Alpaca market data did not answer within 0.2 s.');
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(2000);
    expect(received).toHaveLength(1);
  });

  it('retries a timed-out GET, then gives up with the timeout error', async () => {
    const { base, received } = await serve(() => undefined);
    const resilience = await resilienceWith({ timeoutMs: 50 });
    const error = await rejection(resilience.fetchFor('alpaca-data')(`${base}/v2/stocks/bars`));
    expect(error.code).toBe('timeout');
    expect(received).toHaveLength(3);
  });

  it('does not retry a timed-out order and says its outcome is unknown', async () => {
    const { base, received } = await serve(() => undefined);
    const resilience = await resilienceWith({ timeoutMs: 50 });
    const error = await rejection(resilience.fetchFor('alpaca-trading')(new Request(`${base}/v2/orders`, { method: 'POST', body: '{"qty":"1"}' })));
    expect(error).toMatchObject({ code: 'timeout', retryable: false });
    expect(error.message).toContain('may or may not have gone through');
    expect(received).toEqual([{ method: 'POST', path: '/v2/orders', body: '{"qty":"1"}' }]);
  });

  it('does not cut off a streamed body that outlasts the timeout once the headers are in', async () => {
    const { base } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.flushHeaders();
      let sent = 0;
      const timer = setInterval(() => {
        response.write(`data: ${String(sent)}\n\n`);
        if (++sent === 5) {
          clearInterval(timer);
          response.end();
        }
      }, 60);
    });
    const resilience = await resilienceWith({ timeoutMs: 100 });
    const started = performance.now();
    const response = await resilience.fetchFor('anthropic')(`${base}/v1/messages`, { method: 'POST', body: '{"stream":true}' });
    const text = await response.text();
    expect(performance.now() - started).toBeGreaterThan(250);
    expect(text).toBe([0, 1, 2, 3, 4].map((n) => `data: ${String(n)}\n\n`).join(''));
  });

  it('still lets the caller cancel a stream after the headers are in', async () => {
    const { base } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: first\n\n');
    });
    const controller = new AbortController();
    const resilience = await resilienceWith({ timeoutMs: 100 });
    const response = await resilience.fetchFor('anthropic')(`${base}/v1/messages`, { method: 'POST', body: '{}', signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('treats a caller abort as a cancel, not a timeout, and does not count it against the circuit', async () => {
    const { base } = await serve(() => undefined);
    const resilience = await createResilience({
      db: testDatabase(),
      fetch: globalThis.fetch,
      config: { 'alpaca-data': { breakerThreshold: 1, timeoutMs: 5_000 } },
    });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 30);
    await expect(resilience.fetchFor('alpaca-data')(`${base}/v2/stocks/bars`, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(resilience.health()['alpaca-data'].state).toBe('ok');
  });

  it('reports a refused connection as a network error', async () => {
    const { base } = await serve(() => undefined);
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
    const resilience = await resilienceWith({ maxRetries: 0 });
    const error = await rejection(resilience.fetchFor('alpaca-data')(`${base}/v2/stocks/bars`));
    expect(error).toMatchObject({ kind: 'upstream', code: 'network-error', retryable: true });
  });

  it('resends an Anthropic request body intact after a 500 (real server)', async () => {
    let calls = 0;
    const { base, received } = await serve((_request, response) => {
      response.writeHead(++calls === 1 ? 500 : 200, { 'content-type': 'application/json' });
      response.end('{}');
    });
    const resilience = await resilienceWith({});
    const body = JSON.stringify({ model: 'claude-sonnet-5', messages: [{ role: 'user', content: 'héllo' }] });
    const response = await resilience.fetchFor('anthropic')(new Request(`${base}/v1/messages`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
    expect(response.status).toBe(200);
    expect(received.map((request) => request.body)).toEqual([body, body]);
  });
});
