import { timeout, TimeoutStrategy, type TimeoutPolicy } from 'cockatiel';
import { systemClock } from '../platform/clock';
import type { CleraDatabase } from '../store/db';
import { createBreakerStore } from './breaker-store';
import { dependencies, type Dependency, type HealthMap } from '../protocol/health';
import {
  rateLimitGroupOf,
  resolveDependencyConfig,
  resolveRateLimits,
  type DependencyConfig,
  type RateLimitConfig,
  type RateLimitGroup,
} from './config';
import { createDependencyBreaker, type BreakerChange, type DependencyBreaker } from './dependency-breaker';
import { createRateLimiter, type RateLimiter, type WaitInfo } from './rate-limiter';
import { resilientFetch, type RetryInfo } from './resilient-fetch';

export type { DependencyConfig, RateLimitConfig, RateLimitGroup } from './config';
export type { BreakerChange, CircuitName } from './dependency-breaker';
export type { WaitInfo } from './rate-limiter';
export type { RetryInfo } from './resilient-fetch';
export { resilienceErrorCodes } from './errors';
export { createBreakerStore, type BreakerStore } from './breaker-store';

export interface ResilienceOptions {
  db: CleraDatabase;
  /** Stamps events and health, and paces the rate limiter. Circuit timing follows Date.now (cockatiel's). */
  clock?: { now(): Date };
  fetch: typeof fetch;
  /** Waits between retries and in the rate-limit queue. Tests pass one that records instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  config?: Partial<Record<Dependency, Partial<DependencyConfig>>>;
  rateLimits?: Partial<Record<RateLimitGroup, Partial<RateLimitConfig>>>;
  onBreakerChange?: (change: BreakerChange) => void;
  /** A request is waiting for a rate limit ("Waiting for Alpaca's rate limit…"). */
  onWait?: (info: WaitInfo) => void;
  onRetry?: (info: RetryInfo) => void;
}

export interface Resilience {
  /** A fetch for one dependency with timeout, retries (idempotent requests only), circuit breaker and rate limit. */
  fetchFor(dependency: Dependency): typeof fetch;
  health(): HealthMap;
  /** Closes the circuit of one dependency (or all) and forgets its saved state and failures. */
  reset(dependency?: Dependency): Promise<void>;
}

/** Builds the per-dependency policies, after loading any saved circuit state so an open circuit stays open. */
export async function createResilience(options: ResilienceOptions): Promise<Resilience> {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now().getTime();
  const sleep = options.sleep ?? ((ms: number) => systemClock.sleep(ms));
  const configs = resolveDependencyConfig(options.config);
  const rateLimits = resolveRateLimits(options.rateLimits);
  const store = createBreakerStore(options.db);

  const limiters = {} as Record<RateLimitGroup, RateLimiter>;
  for (const group of Object.keys(rateLimits) as RateLimitGroup[]) {
    const limit = rateLimits[group];
    limiters[group] = createRateLimiter({ requestsPerMinute: limit.requestsPerMinute, burst: limit.burst, now, sleep, ...(options.onWait ? { onWait: options.onWait } : {}) });
  }

  const makeBreaker = async (dependency: Dependency, fresh: boolean): Promise<DependencyBreaker> =>
    createDependencyBreaker({
      dependency,
      config: configs[dependency],
      saved: fresh ? undefined : await store.load(dependency),
      store,
      now: () => clock.now(),
      ...(options.onBreakerChange ? { onBreakerChange: options.onBreakerChange } : {}),
    });
  const breakers = {} as Record<Dependency, DependencyBreaker>;
  const timeouts = {} as Record<Dependency, TimeoutPolicy>;
  for (const dependency of dependencies) {
    breakers[dependency] = await makeBreaker(dependency, false);
    timeouts[dependency] = timeout(configs[dependency].timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
  }

  return {
    fetchFor(dependency) {
      const group = rateLimitGroupOf[dependency];
      return (input, init) =>
        resilientFetch(
          {
            dependency,
            config: configs[dependency],
            breaker: breakers[dependency],
            limiter: limiters[group],
            timeout: timeouts[dependency],
            fetch: options.fetch,
            now,
            sleep,
            maxHoldMs: rateLimits[group].maxHoldMs,
            ...(options.onRetry ? { onRetry: options.onRetry } : {}),
          },
          input,
          init,
        );
    },
    health() {
      return {
        anthropic: breakers.anthropic.health(),
        'alpaca-trading': breakers['alpaca-trading'].health(),
        'alpaca-data': breakers['alpaca-data'].health(),
      };
    },
    async reset(dependency) {
      for (const target of dependency ? [dependency] : dependencies) {
        const previous = breakers[target];
        breakers[target] = await makeBreaker(target, true);
        await previous.settled();
        await store.clear(target);
      }
    },
  };
}
