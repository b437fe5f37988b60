import type { Dependency } from '../protocol/health';

export interface DependencyConfig {
  /** Time allowed until the response headers arrive. A streamed body may take longer and is never cut off. */
  timeoutMs: number;
  /** Retries after the first attempt, for idempotent requests only. */
  maxRetries: number;
  /** First computed backoff delay (decorrelated jitter around it), before a retry. */
  backoffInitialMs: number;
  /** Ceiling of a computed backoff delay. */
  backoffMaxMs: number;
  /** The longest `retry-after` we sit out. When the server asks for longer, the response goes back to the caller. */
  maxRetryAfterMs: number;
  /** Consecutive failed attempts (network error, timeout, 5xx) that open the circuit. */
  breakerThreshold: number;
  /** How long an open circuit fails fast before one probe request may go through. */
  halfOpenAfterMs: number;
  /** How long a failed attempt keeps the dependency 'degraded' in health() unless a success comes first. */
  degradedForMs: number;
}

const shared = {
  maxRetries: 2,
  backoffInitialMs: 500,
  backoffMaxMs: 8_000,
  maxRetryAfterMs: 20_000,
  breakerThreshold: 5,
  halfOpenAfterMs: 30_000,
  degradedForMs: 120_000,
} satisfies Partial<DependencyConfig>;

export const defaultDependencyConfig: Record<Dependency, DependencyConfig> = {
  anthropic: { ...shared, timeoutMs: 30_000 },
  'alpaca-trading': { ...shared, timeoutMs: 15_000 },
  'alpaca-data': { ...shared, timeoutMs: 15_000 },
};

/** Dependencies that share one account quota share one bucket: Alpaca's 200 requests/min covers trading and data. */
export type RateLimitGroup = 'anthropic' | 'alpaca';
export const rateLimitGroupOf: Record<Dependency, RateLimitGroup> = {
  anthropic: 'anthropic',
  'alpaca-trading': 'alpaca',
  'alpaca-data': 'alpaca',
};

export interface RateLimitConfig {
  /** Steady refill rate of the token bucket; null means no client-side bucket (server signals still hold requests). */
  requestsPerMinute: number | null;
  /** Bucket capacity: how many requests may go out at once after a quiet spell. */
  burst: number;
  /** The longest a server signal (429 retry-after, remaining 0 until reset) may hold new requests. */
  maxHoldMs: number;
}

export const defaultRateLimits: Record<RateLimitGroup, RateLimitConfig> = {
  // No fixed quota we can know (it depends on the account's tier): only 429s and the ratelimit headers hold requests.
  anthropic: { requestsPerMinute: null, burst: 0, maxHoldMs: 60_000 },
  // Alpaca allows 200 per minute. A burst of 20 plus 180 a minute never exceeds 200 in any 60-second window.
  alpaca: { requestsPerMinute: 180, burst: 20, maxHoldMs: 60_000 },
};

export function resolveDependencyConfig(overrides: Partial<Record<Dependency, Partial<DependencyConfig>>> = {}): Record<Dependency, DependencyConfig> {
  return {
    anthropic: { ...defaultDependencyConfig.anthropic, ...overrides.anthropic },
    'alpaca-trading': { ...defaultDependencyConfig['alpaca-trading'], ...overrides['alpaca-trading'] },
    'alpaca-data': { ...defaultDependencyConfig['alpaca-data'], ...overrides['alpaca-data'] },
  };
}

export function resolveRateLimits(overrides: Partial<Record<RateLimitGroup, Partial<RateLimitConfig>>> = {}): Record<RateLimitGroup, RateLimitConfig> {
  return {
    anthropic: { ...defaultRateLimits.anthropic, ...overrides.anthropic },
    alpaca: { ...defaultRateLimits.alpaca, ...overrides.alpaca },
  };
}
