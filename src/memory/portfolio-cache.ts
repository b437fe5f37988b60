import type { CachedRead, TurnPortfolioCache } from '../tools/define-tool';

export type { CachedRead, TurnPortfolioCache } from '../tools/define-tool';
import type { Clock } from '../platform/clock';


export interface PortfolioCache {
  /**
   * The value for `key` if it was read less than the TTL ago, else a fresh one from `load` (concurrent callers share
   * one load). A different key (other keys or endpoint) starts afresh.
   */
  read<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<CachedRead<T>>;
  /** Drops what is cached: any order event (proposed, confirmed, placed, filled, cancelled) calls it. */
  invalidate(): void;
}

/**
 * The last portfolio read, shared by the tools of a turn and across turns for a short TTL (a setting, 60 s by
 * default), so one question that needs the portfolio three times reads the broker once. It lives in the background's
 * memory only: a restarted worker starts empty.
 */
export function createPortfolioCache(options: { clock: Clock }): PortfolioCache {
  let entry: { key: string; at: Date; value: Promise<unknown>; generation: number } | undefined;
  let generation = 0;
  return {
    async read<T>(key: string, ttl: number, load: () => Promise<T>): Promise<CachedRead<T>> {
      const now = options.clock.now();
      if (entry && entry.key === key && entry.generation === generation && ttl > 0 && now.getTime() - entry.at.getTime() < ttl) {
        const at = entry.at;
        return { value: (await entry.value) as T, at, cached: true };
      }
      const value = load();
      const mine = { key, at: now, value, generation };
      entry = mine;
      try {
        return { value: await value, at: now, cached: false };
      } catch (error) {
        if (entry === mine) entry = undefined; // a failed read is never served from the cache
        throw error;
      }
    },
    invalidate() {
      generation += 1;
      entry = undefined;
    },
  };
}

/** The cache as one turn's tools see it: bound to the account the turn uses and to the TTL setting. */

export function bindPortfolioCache(cache: PortfolioCache, key: string, ttlMs: number): TurnPortfolioCache {
  return { read: (load) => cache.read(key, ttlMs, load), invalidate: () => { cache.invalidate(); } };
}
