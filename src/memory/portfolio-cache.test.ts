import { describe, expect, it } from 'vitest';
import { clockFrom } from '../platform/clock';
import { createPortfolioCache } from './portfolio-cache';

function setup(ttlMs = 60_000) {
  let now = Date.UTC(2026, 2, 10, 15, 0, 0);
  let loads = 0;
  const inner = createPortfolioCache({ clock: clockFrom(() => new Date(now)) });
  const cache = { read: <T>(key: string, load: () => Promise<T>) => inner.read(key, ttlMs, load), invalidate: () => { inner.invalidate(); } };
  const load = () => Promise.resolve(`read ${String(++loads)}`);
  return { cache, load, advance: (ms: number) => { now += ms; }, loads: () => loads };
}

describe('portfolio cache', () => {
  it('serves a second read within the TTL from the cache, with the time of the first read', async () => {
    const { cache, load, advance } = setup();
    const first = await cache.read('acct', load);
    advance(59_999);
    const second = await cache.read('acct', load);
    expect(first).toMatchObject({ value: 'read 1', cached: false });
    expect(second).toEqual({ value: 'read 1', at: first.at, cached: true });
  });

  it('reads again once the TTL has passed', async () => {
    const { cache, load, advance } = setup();
    await cache.read('acct', load);
    advance(60_000);
    expect(await cache.read('acct', load)).toMatchObject({ value: 'read 2', cached: false });
  });

  it('reads again after an invalidation (an order event)', async () => {
    const { cache, load } = setup();
    await cache.read('acct', load);
    cache.invalidate();
    expect(await cache.read('acct', load)).toMatchObject({ value: 'read 2', cached: false });
  });

  it('does not share a read between accounts, nor cache with a TTL of 0', async () => {
    const { cache, load } = setup();
    await cache.read('acct-a', load);
    expect(await cache.read('acct-b', load)).toMatchObject({ value: 'read 2', cached: false });
    const off = setup(0);
    await off.cache.read('acct', off.load);
    await off.cache.read('acct', off.load);
    expect(off.loads()).toBe(2);
  });

  it('never serves a failed read', async () => {
    const { cache, load } = setup();
    await expect(cache.read('acct', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.read('acct', load)).toMatchObject({ value: 'read 1', cached: false });
  });
});
