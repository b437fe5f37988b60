import { describe, expect, it, vi } from 'vitest';
import { clockFrom } from '../platform/clock';
import { createAssetCache } from './asset-cache';

function setup(list: () => Promise<{ symbol: string; name: string | null }[] | null>) {
  let now = Date.UTC(2026, 11, 4, 15);
  const clock = clockFrom(() => new Date(now));
  const loader = vi.fn(list);
  const cache = createAssetCache({ list: loader, clock });
  return { cache, loader, advance: (ms: number) => { now += ms; } };
}

describe('createAssetCache', () => {
  it('loads the list once for many checks, including concurrent ones', async () => {
    const { cache, loader } = setup(() => Promise.resolve([{ symbol: 'AAPL', name: 'Apple Inc.' }]));
    const results = await Promise.all([cache.check('AAPL'), cache.check('NOPE'), cache.check('AAPL')]);
    expect(results).toEqual([{ symbol: 'AAPL', name: 'Apple Inc.' }, null, { symbol: 'AAPL', name: 'Apple Inc.' }]);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('reloads after a day', async () => {
    const { cache, loader, advance } = setup(() => Promise.resolve([{ symbol: 'AAPL', name: null }]));
    await cache.check('AAPL');
    advance(23 * 3600_000);
    await cache.check('AAPL');
    expect(loader).toHaveBeenCalledTimes(1);
    advance(2 * 3600_000);
    await cache.check('AAPL');
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('shows nothing unchecked when the list fails, and retries only after a minute', async () => {
    let fail = true;
    const { cache, loader, advance } = setup(() => (fail ? Promise.reject(new Error('503')) : Promise.resolve([{ symbol: 'MSFT', name: null }])));
    expect(await cache.check('MSFT')).toBeNull();
    fail = false;
    expect(await cache.check('MSFT')).toBeNull();
    expect(loader).toHaveBeenCalledTimes(1);
    advance(61_000);
    expect(await cache.check('MSFT')).toEqual({ symbol: 'MSFT', name: null });
  });
});

describe('createAssetCache before a broker is configured', () => {
  it('asks again on the next check instead of backing off', async () => {
    let configured = false;
    const { cache, loader } = setup(() => Promise.resolve(configured ? [{ symbol: 'AAPL', name: null }] : null));
    expect(await cache.check('AAPL')).toBeNull();
    configured = true;
    expect(await cache.check('AAPL')).toEqual({ symbol: 'AAPL', name: null });
    expect(loader).toHaveBeenCalledTimes(2);
  });
});
