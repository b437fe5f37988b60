import { describe, expect, it } from 'vitest';
import { createRateLimiter, type WaitInfo } from './rate-limiter';
import { createTestResilience, fakeClock, recordingSleep, respond } from '../../tests/support/resilience';

const dataUrl = 'https://data.alpaca.markets/v2/stocks/AAPL/trades/latest';
const accountUrl = 'https://paper-api.alpaca.markets/v2/account';

function limiter(requestsPerMinute: number | null, burst: number) {
  const clock = fakeClock();
  const { sleep, sleeps } = recordingSleep(clock);
  const waits: WaitInfo[] = [];
  const bucket = createRateLimiter({ requestsPerMinute, burst, now: () => clock.now().getTime(), sleep, onWait: (info) => waits.push(info) });
  return { bucket, clock, sleeps, waits };
}

describe('rate limiter', () => {
  it('queues 5 requests first in, first out, and refuses none', async () => {
    const { bucket, clock, waits, sleeps } = limiter(60, 1);
    const order: { n: number; at: number }[] = [];
    await Promise.all([1, 2, 3, 4, 5].map((n) => bucket.acquire('alpaca-data').then(() => order.push({ n, at: clock.now().getTime() }))));
    expect(order.map((entry) => entry.n)).toEqual([1, 2, 3, 4, 5]);
    const start = order[0]!.at;
    expect(order.map((entry) => entry.at - start)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(waits).toEqual([1, 2, 3, 4].map(() => ({ dependency: 'alpaca-data', waitMs: 1000 })));
    expect(sleeps).toEqual([1000, 1000, 1000, 1000]);
  });

  it('lets a burst through at once, then paces', async () => {
    const { bucket, waits } = limiter(180, 20);
    for (let n = 0; n < 20; n++) await bucket.acquire('alpaca-data');
    expect(waits).toEqual([]);
    await bucket.acquire('alpaca-trading');
    expect(waits).toEqual([{ dependency: 'alpaca-trading', waitMs: 334 }]);
  });

  it('holds every request until a given time', async () => {
    const { bucket, clock, sleeps } = limiter(null, 0);
    const start = clock.now().getTime();
    bucket.holdUntil(start + 2500);
    await bucket.acquire('anthropic');
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(start + 2500);
    expect(sleeps).toEqual([2500]);
    await bucket.acquire('anthropic');
    expect(sleeps).toEqual([2500]);
  });

  it('has no bucket when there is no fixed quota', async () => {
    const { bucket, waits } = limiter(null, 0);
    for (let n = 0; n < 500; n++) await bucket.acquire('anthropic');
    expect(waits).toEqual([]);
  });

  it('drops an aborted request from the queue and serves the next one', async () => {
    const clock = fakeClock();
    const sleeps: (() => void)[] = [];
    const bucket = createRateLimiter({
      requestsPerMinute: 60,
      burst: 1,
      now: () => clock.now().getTime(),
      sleep: (ms) =>
        new Promise((resolve) => {
          sleeps.push(() => {
            clock.advance(ms);
            resolve();
          });
        }),
    });
    await bucket.acquire('alpaca-data');
    const controller = new AbortController();
    const cancelled = bucket.acquire('alpaca-data', controller.signal);
    const next = bucket.acquire('alpaca-data');
    controller.abort(new DOMException('Stopped', 'AbortError'));
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    sleeps.shift()!();
    await next;
    expect(sleeps).toHaveLength(0);
  });
});

describe('rate limits through fetchFor', () => {
  it('waits for the reset when Alpaca says nothing remains, and does not send before it', async () => {
    const { resilience, sent, events, clock } = await createTestResilience([
      () => new Response('{}', { headers: { 'X-RateLimit-Limit': '200', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Math.floor(clock.now().getTime() / 1000) + 7) } }),
      respond(200),
    ]);
    const resetAt = Math.floor(clock.now().getTime() / 1000) * 1000 + 7000;
    await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(events.waits).toEqual([]);
    const response = await resilience.fetchFor('alpaca-trading')(accountUrl);
    expect(response.status).toBe(200);
    expect(events.waits).toEqual([{ dependency: 'alpaca-trading', waitMs: resetAt - sent[0]!.at }]);
    expect(sent[1]!.at).toBeGreaterThanOrEqual(resetAt);
  });

  it('shares one bucket between Alpaca trading and market data', async () => {
    const { resilience, events } = await createTestResilience([respond(200)], { rateLimits: { alpaca: { requestsPerMinute: 60, burst: 2 } } });
    await resilience.fetchFor('alpaca-data')(dataUrl);
    await resilience.fetchFor('alpaca-trading')(accountUrl);
    expect(events.waits).toEqual([]);
    await resilience.fetchFor('alpaca-data')(dataUrl);
    expect(events.waits).toEqual([{ dependency: 'alpaca-data', waitMs: 1000 }]);
    await resilience.fetchFor('anthropic')('https://api.anthropic.com/v1/models');
    expect(events.waits).toHaveLength(1);
  });

  it('queues 5 concurrent Alpaca requests FIFO without failing', async () => {
    const { resilience, sent } = await createTestResilience([(request) => new Response(request.url)], { rateLimits: { alpaca: { requestsPerMinute: 60, burst: 1 } } });
    const urls = [1, 2, 3, 4, 5].map((n) => `${dataUrl}?n=${String(n)}`);
    const responses = await Promise.all(urls.map((url) => resilience.fetchFor('alpaca-data')(url)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(sent.map((request) => request.url)).toEqual(urls);
    expect(sent.map((request) => request.at - sent[0]!.at)).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('holds new Anthropic requests after a 429 with retry-after', async () => {
    const modelsUrl = 'https://api.anthropic.com/v1/models';
    const { resilience, sent, events } = await createTestResilience([respond(429, { 'retry-after': '30' }), respond(200)]);
    const first = await resilience.fetchFor('anthropic')(modelsUrl);
    // 30 s is beyond the 20 s retry cap: the 429 goes back to the caller, but the next request waits it out.
    expect(first.status).toBe(429);
    expect((await resilience.fetchFor('anthropic')(modelsUrl)).status).toBe(200);
    expect(events.waits).toEqual([{ dependency: 'anthropic', waitMs: 30_000 }]);
    expect(sent[1]!.at - sent[0]!.at).toBe(30_000);
  });

  it('holds after Anthropic says no requests remain until the reset', async () => {
    const modelsUrl = 'https://api.anthropic.com/v1/models';
    const { resilience, sent, clock } = await createTestResilience([
      () => new Response('{}', { headers: { 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': new Date(clock.now().getTime() + 5000).toISOString() } }),
      respond(200),
    ]);
    await resilience.fetchFor('anthropic')(modelsUrl);
    await resilience.fetchFor('anthropic')(modelsUrl);
    expect(sent[1]!.at - sent[0]!.at).toBe(5000);
  });
});
