/** The only source of time and ids for the core; tests pass fixed ones. */
export interface Clock {
  /** Wall-clock time: for stamps, market days and expiries. */
  now(): Date;
  /** Milliseconds from an arbitrary origin that never goes backwards: for durations (latency, time to first token). */
  monotonic(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A signal that aborts with a `TimeoutError` after `ms`. */
  timeout(ms: number): AbortSignal;
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A clock whose wall time comes from `now` (tests pass a fixed or advancing one) while sleeping and timeouts stay
 * real unless replaced. The monotonic reading follows `now` so durations agree with the stamps a test sees.
 */
export function clockFrom(now: () => Date, overrides: Partial<Omit<Clock, 'now'>> = {}): Clock {
  return {
    now,
    monotonic: () => now().getTime(),
    sleep: realSleep,
    timeout: (ms) => AbortSignal.timeout(ms),
    ...overrides,
  };
}

export const systemClock: Clock = {
  now: () => new Date(),
  monotonic: () => performance.now(),
  sleep: realSleep,
  timeout: (ms) => AbortSignal.timeout(ms),
};

export interface IdSource {
  /** A random, URL-safe, unique id with an optional readable prefix. */
  next(prefix?: string): string;
}
export const randomIds: IdSource = {
  next: (prefix) => (prefix ? `${prefix}_` : '') + crypto.randomUUID().replaceAll('-', ''),
};
