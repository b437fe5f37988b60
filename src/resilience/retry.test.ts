import { describe, expect, it } from 'vitest';
import { AppError } from '../protocol/errors';
import { createTestResilience, respond } from '../../tests/support/resilience';

const dataUrl = 'https://data.alpaca.markets/v2/stocks/AAPL/snapshot';
const ordersUrl = 'https://paper-api.alpaca.markets/v2/orders';
const messagesUrl = 'https://api.anthropic.com/v1/messages';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('retries', () => {
  it('retries a GET after 500, 500 and returns the 200 (3 attempts)', async () => {
    const { resilience, sent, sleeps, events } = await createTestResilience([respond(500), respond(500), respond(200, {}, '{"ok":true}')]);
    const response = await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(sent).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    for (const delay of sleeps) {
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(8000);
    }
    expect(events.retries).toEqual([
      expect.objectContaining({ dependency: 'alpaca-data', attempt: 1, reason: 'HTTP 500' }),
      expect.objectContaining({ dependency: 'alpaca-data', attempt: 2, reason: 'HTTP 500' }),
    ]);
  });

  it('gives the last response back after 3 failed attempts', async () => {
    const { resilience, sent } = await createTestResilience([respond(503)]);
    const response = await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(response.status).toBe(503);
    expect(sent).toHaveLength(3);
  });

  it('never retries an order POST to Alpaca trading after a 500', async () => {
    const { resilience, sent, events } = await createTestResilience([respond(500), respond(200)]);
    const response = await resilience.fetchFor('alpaca-trading')(ordersUrl, { method: 'POST', body: '{"symbol":"AAPL","qty":"1"}' });
    expect(response.status).toBe(500);
    expect(sent).toHaveLength(1);
    expect(events.retries).toEqual([]);
  });

  it('never retries an order POST after a network error, and says the outcome is unknown', async () => {
    const { resilience, sent } = await createTestResilience([new TypeError('fetch failed'), respond(200)]);
    const error = await rejection(resilience.fetchFor('alpaca-trading')(new Request(ordersUrl, { method: 'POST', body: '{}' })));
    expect(error).toMatchObject({ kind: 'upstream', code: 'network-error', retryable: false, details: { dependency: 'alpaca-trading', idempotent: false } });
    expect(error.message).toContain('may or may not have gone through');
    expect(sent).toHaveLength(1);
  });

  it.each(['PATCH', 'DELETE'])('never retries a %s to Alpaca trading', async (method) => {
    const { resilience, sent } = await createTestResilience([respond(503), respond(200)]);
    const response = await resilience.fetchFor('alpaca-trading')(`${ordersUrl}/abc`, { method });
    expect(response.status).toBe(503);
    expect(sent).toHaveLength(1);
  });

  it('retries a GET after a network error', async () => {
    const { resilience, sent, events } = await createTestResilience([new TypeError('fetch failed'), respond(200)]);
    const response = await resilience.fetchFor('alpaca-trading')(`${ordersUrl}?status=open`);
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(2);
    expect(events.retries).toEqual([expect.objectContaining({ reason: 'network-error' })]);
  });

  it('retries an Anthropic model call after 529 and sends the same body each time (url + init style)', async () => {
    const body = JSON.stringify({ model: 'claude-sonnet-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
    const { resilience, sent } = await createTestResilience([respond(529), respond(200)]);
    const response = await resilience.fetchFor('anthropic')(messagesUrl, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    expect(sent.map((request) => request.body)).toEqual([body, body]);
  });

  it('sends the same body on each attempt when given a Request (openapi-fetch style)', async () => {
    const body = '{"model":"m","messages":[]}';
    const { resilience, sent } = await createTestResilience([respond(500), respond(500), respond(200)]);
    const response = await resilience.fetchFor('anthropic')(new Request(messagesUrl, { method: 'POST', body }));
    expect(response.status).toBe(200);
    expect(sent.map((request) => request.body)).toEqual([body, body, body]);
  });

  it('accepts a ReadableStream body', async () => {
    const stream = new Blob(['{"a":1}']).stream();
    const { resilience, sent } = await createTestResilience([respond(500), respond(200)]);
    const init: RequestInit & { duplex: 'half' } = { method: 'POST', body: stream, duplex: 'half' };
    await resilience.fetchFor('anthropic')(messagesUrl, init);
    expect(sent.map((request) => request.body)).toEqual(['{"a":1}', '{"a":1}']);
  });
});

describe('server-requested waits', () => {
  it('waits at least the retry-after seconds of a 429', async () => {
    const { resilience, sent, sleeps } = await createTestResilience([respond(429, { 'retry-after': '1' }), respond(200)]);
    const response = await resilience.fetchFor('anthropic')(messagesUrl, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(sleeps[0]).toBe(1000);
  });

  it('prefers retry-after-ms', async () => {
    const { resilience, sleeps, events } = await createTestResilience([respond(503, { 'retry-after-ms': '250', 'retry-after': '5' }), respond(200)]);
    await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(sleeps).toEqual([250]);
    expect(events.retries).toEqual([expect.objectContaining({ delayMs: 250 })]);
  });

  it('reads an HTTP-date retry-after', async () => {
    const { resilience, sleeps, clock } = await createTestResilience([
      () => new Response(null, { status: 503, headers: { 'retry-after': new Date(clock.now().getTime() + 4000).toUTCString() } }),
      respond(200),
    ]);
    await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(sleeps).toEqual([4000]);
  });

  it('gives a 429 back at once when the server asks for a wait beyond the cap', async () => {
    const { resilience, sent } = await createTestResilience([respond(429, { 'retry-after': '60' }), respond(200)]);
    const response = await resilience.fetchFor('anthropic')(messagesUrl, { method: 'POST', body: '{}' });
    expect(response.status).toBe(429);
    expect(sent).toHaveLength(1);
  });

  it('stops when the server says x-should-retry: false', async () => {
    const { resilience, sent } = await createTestResilience([respond(503, { 'x-should-retry': 'false' }), respond(200)]);
    const response = await resilience.fetchFor('anthropic')(messagesUrl, { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(sent).toHaveLength(1);
  });

  it('retries any status when the server says x-should-retry: true', async () => {
    const { resilience, sent } = await createTestResilience([respond(400, { 'x-should-retry': 'true' }), respond(200)]);
    const response = await resilience.fetchFor('anthropic')(messagesUrl, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(2);
  });

  it('stops waiting when the caller aborts', async () => {
    const controller = new AbortController();
    const { resilience, sent } = await createTestResilience([respond(503), respond(200)], {
      sleep: () => {
        controller.abort(new DOMException('Stopped', 'AbortError'));
        return new Promise(() => undefined);
      },
    });
    await expect(resilience.fetchFor('alpaca-data')(dataUrl, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(sent).toHaveLength(1);
  });
});

describe('caller errors', () => {
  it.each([401, 403, 404, 422])('does not retry a %i nor count it against the circuit', async (status) => {
    const { resilience, sent, events } = await createTestResilience([respond(status)], { config: { 'alpaca-data': { breakerThreshold: 1 } } });
    for (let call = 0; call < 3; call++) expect((await resilience.fetchFor('alpaca-data')(dataUrl)).status).toBe(status);
    expect(sent).toHaveLength(3);
    expect(events.changes).toEqual([]);
    expect(resilience.health()['alpaca-data'].state).toBe('ok');
  });
});
