import { describe, expect, it } from 'vitest';
import { AppError } from '../protocol/errors';
import { createTestResilience, respond, testDatabase } from '../../tests/support/resilience';

const dataUrl = 'https://data.alpaca.markets/v2/stocks/AAPL/bars';
const ordersUrl = 'https://paper-api.alpaca.markets/v2/orders';
const single = { maxRetries: 0 };
const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('circuit breaker', () => {
  it('opens after 5 consecutive 5xx and then fails fast, naming the service', async () => {
    const { resilience, sent, events } = await createTestResilience([respond(500)], { config: { 'alpaca-data': single } });
    const fetchData = resilience.fetchFor('alpaca-data');
    expect(resilience.health()['alpaca-data'].state).toBe('ok');
    for (let call = 0; call < 4; call++) expect((await fetchData(dataUrl)).status).toBe(500);
    expect(resilience.health()['alpaca-data'].state).toBe('degraded');
    expect(events.changes).toEqual([]);
    expect((await fetchData(dataUrl)).status).toBe(500);
    expect(events.changes).toEqual([{ from: 'closed', to: 'open' }]);

    const error = await rejection(fetchData(dataUrl));
    expect(sent).toHaveLength(5);
    expect(error).toMatchObject({ kind: 'upstream', code: 'breaker-open', retryable: true, details: { dependency: 'alpaca-data' } });
    expect(error.message).toBe('Alpaca market data is unavailable right now; Clera will try again in 30 s.');
    const retryAt = Date.parse(String(error.details?.retryAt));
    expect(retryAt - Date.now()).toBeGreaterThan(28_000);
    expect(retryAt - Date.now()).toBeLessThanOrEqual(30_000);
    expect(resilience.health()['alpaca-data']).toMatchObject({ state: 'down', detail: error.message });
  });

  it('counts every failed attempt of a retried call', async () => {
    const { resilience, sent, events } = await createTestResilience([respond(502)]);
    const fetchData = resilience.fetchFor('alpaca-data');
    expect((await fetchData(dataUrl)).status).toBe(502);
    const error = await rejection(fetchData(dataUrl));
    expect(error.code).toBe('breaker-open');
    expect(sent).toHaveLength(5);
    expect(events.changes).toEqual([{ from: 'closed', to: 'open' }]);
  });

  it('keeps each dependency on its own circuit', async () => {
    const { resilience } = await createTestResilience([respond(500)], { config: { 'alpaca-data': { ...single, breakerThreshold: 1 } } });
    await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(resilience.health()['alpaca-data'].state).toBe('down');
    expect(resilience.health()['alpaca-trading'].state).toBe('ok');
    expect(resilience.health().anthropic.state).toBe('ok');
  });

  it('fails an order fast while open, without sending it', async () => {
    const { resilience, sent } = await createTestResilience([respond(503)], { config: { 'alpaca-trading': { ...single, breakerThreshold: 1 } } });
    const fetchTrading = resilience.fetchFor('alpaca-trading');
    await fetchTrading(`${ordersUrl}?status=open`);
    const error = await rejection(fetchTrading(ordersUrl, { method: 'POST', body: '{}' }));
    expect(error.message).toBe('Alpaca trading is unavailable right now; Clera will try again in 30 s.');
    expect(sent.map((request) => request.method)).toEqual(['GET']);
  });

  it('does not count 429 against the circuit', async () => {
    const { resilience, events } = await createTestResilience([respond(429)], { config: { 'alpaca-data': { ...single, breakerThreshold: 1 } } });
    for (let call = 0; call < 3; call++) await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(events.changes).toEqual([]);
    expect(resilience.health()['alpaca-data'].state).toBe('ok');
  });

  it('counts timeouts against the circuit', async () => {
    const hang = (request: Request) =>
      new Promise<Response>((_resolve, reject) => {
        request.signal.addEventListener('abort', () => {
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    const { resilience, events } = await createTestResilience([hang], { config: { 'alpaca-data': { ...single, timeoutMs: 20, breakerThreshold: 2 } } });
    const fetchData = resilience.fetchFor('alpaca-data');
    for (let call = 0; call < 2; call++) expect((await rejection(fetchData(dataUrl))).code).toBe('timeout');
    expect(events.changes).toEqual([{ from: 'closed', to: 'open' }]);
    expect((await rejection(fetchData(dataUrl))).code).toBe('breaker-open');
  });

  it('half-opens after the interval, probes with one request and closes on success: ok → down → degraded → ok', async () => {
    let healthDuringProbe = '';
    let probes = 0;
    const steps = [
      respond(500),
      respond(500),
      async () => {
        probes++;
        if (probes === 1) healthDuringProbe = resilience.health()['alpaca-data'].state;
        await pause(20);
        return new Response('{}', { status: 200 });
      },
    ];
    const { resilience, sent, events } = await createTestResilience(steps, { config: { 'alpaca-data': { ...single, breakerThreshold: 2, halfOpenAfterMs: 50 } } });
    const fetchData = resilience.fetchFor('alpaca-data');
    expect(resilience.health()['alpaca-data'].state).toBe('ok');
    await fetchData(dataUrl);
    await fetchData(dataUrl);
    expect(resilience.health()['alpaca-data'].state).toBe('down');
    expect((await rejection(fetchData(dataUrl))).code).toBe('breaker-open');

    await pause(70);
    // Two callers at once: one probes, the other waits for the verdict instead of hitting the service too.
    const [first, second] = await Promise.all([fetchData(dataUrl), fetchData(dataUrl)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(probes).toBe(2);
    expect(sent).toHaveLength(4);
    expect(healthDuringProbe).toBe('degraded');
    expect(events.changes).toEqual([
      { from: 'closed', to: 'open' },
      { from: 'open', to: 'half-open' },
      { from: 'half-open', to: 'closed' },
    ]);
    expect(resilience.health()['alpaca-data']).toMatchObject({ state: 'ok', detail: 'Alpaca market data is working.' });
  });

  it('opens again when the probe fails', async () => {
    const { resilience, sent, events } = await createTestResilience([respond(500)], { config: { 'alpaca-data': { ...single, breakerThreshold: 1, halfOpenAfterMs: 30 } } });
    const fetchData = resilience.fetchFor('alpaca-data');
    await fetchData(dataUrl);
    await pause(50);
    expect((await fetchData(dataUrl)).status).toBe(500);
    expect((await rejection(fetchData(dataUrl))).code).toBe('breaker-open');
    expect(sent).toHaveLength(2);
    expect(events.changes.map((change) => change.to)).toEqual(['open', 'half-open', 'open']);
  });

  it('turns degraded back to ok after a success', async () => {
    const { resilience } = await createTestResilience([respond(500), respond(200)], { config: { 'alpaca-data': single } });
    await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(resilience.health()['alpaca-data']).toMatchObject({ state: 'degraded', detail: 'Recent requests to Alpaca market data failed (HTTP 500).' });
    await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(resilience.health()['alpaca-data'].state).toBe('ok');
  });

  it('lets degraded fade to ok once failures are old', async () => {
    const { resilience, clock } = await createTestResilience([respond(500)], { config: { 'alpaca-data': { ...single, degradedForMs: 60_000 } } });
    await resilience.fetchFor('alpaca-data')(dataUrl);
    const failedAt = clock.now().getTime();
    expect(resilience.health()['alpaca-data'].state).toBe('degraded');
    clock.advance(61_000);
    expect(resilience.health()['alpaca-data']).toMatchObject({ state: 'ok', since: new Date(failedAt + 60_000).toISOString() });
  });
});

describe('persisted circuit state', () => {
  it('keeps an open circuit open across a restart, on the same database', async () => {
    const db = testDatabase();
    const first = await createTestResilience([respond(500)], { db, config: { 'alpaca-data': { ...single, breakerThreshold: 1 } } });
    await first.resilience.fetchFor('alpaca-data')(dataUrl);
    expect(first.resilience.health()['alpaca-data'].state).toBe('down');
    const row = await db.breakers.get('alpaca-data');
    expect(row).toMatchObject({ id: 'alpaca-data', updatedAt: expect.any(String) as unknown });

    const second = await createTestResilience([respond(200)], { db });
    const error = await rejection(second.resilience.fetchFor('alpaca-data')(dataUrl));
    expect(error.code).toBe('breaker-open');
    expect(second.sent).toHaveLength(0);
    expect(second.resilience.health()['alpaca-data'].state).toBe('down');
    expect(second.resilience.health().anthropic.state).toBe('ok');
  });

  it('writes on state changes, not on every call', async () => {
    const db = testDatabase();
    const { resilience } = await createTestResilience([respond(200)], { db });
    for (let call = 0; call < 3; call++) await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(await db.breakers.count()).toBe(0);
  });

  it('starts closed when the saved row is not a circuit state it knows', async () => {
    const db = testDatabase();
    await db.breakers.put({ id: 'alpaca-data', state: { ownState: { value: 3, counters: 1 }, breakerState: 0 }, updatedAt: new Date().toISOString() });
    const { resilience, sent } = await createTestResilience([respond(200)], { db });
    expect((await resilience.fetchFor('alpaca-data')(dataUrl)).status).toBe(200);
    expect(sent).toHaveLength(1);
  });

  it('reset() closes the circuit and forgets the saved state', async () => {
    const db = testDatabase();
    const { resilience } = await createTestResilience([respond(500), respond(200)], { db, config: { 'alpaca-data': { ...single, breakerThreshold: 1 } } });
    await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(resilience.health()['alpaca-data'].state).toBe('down');
    await resilience.reset('alpaca-data');
    expect(resilience.health()['alpaca-data'].state).toBe('ok');
    expect(await db.breakers.get('alpaca-data')).toBeUndefined();
    expect((await resilience.fetchFor('alpaca-data')(dataUrl)).status).toBe(200);
  });
});
