import type { Dependency } from '../protocol/health';

export interface WaitInfo {
  dependency: Dependency;
  waitMs: number;
}

export interface RateLimiterOptions {
  /** Steady refill rate; null for no bucket (only holds from server signals apply). */
  requestsPerMinute: number | null;
  /** Bucket capacity. */
  burst: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  onWait?: (info: WaitInfo) => void;
}

export interface RateLimiter {
  /** Resolves when the request may go out. Requests are served first in, first out; none is refused. */
  acquire(dependency: Dependency, signal?: AbortSignal): Promise<void>;
  /** Holds every request until `untilMs` (a 429's retry-after, or a window reset with nothing remaining). */
  holdUntil(untilMs: number): void;
  /** Aligns the bucket with the server's count: never more tokens than the server says remain. */
  observeRemaining(remaining: number): void;
}

interface Waiter {
  dependency: Dependency;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * A token bucket with a FIFO queue. One pump serves the queue: it sleeps until the head may go (reporting the wait
 * through `onWait`), takes a token and lets it through. Time only moves forward: after a sleep the pump counts at
 * least the time it slept, so a clock that lags the sleep cannot stall the queue.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const ratePerMs = options.requestsPerMinute === null ? null : options.requestsPerMinute / 60_000;
  const capacity = Math.max(1, options.burst);
  let tokens = capacity;
  let refilledAt = options.now();
  let heldUntil = 0;
  let floor = refilledAt;
  const queue: Waiter[] = [];
  let pumping = false;

  const currentTime = () => (floor = Math.max(floor, options.now()));

  function refill(now: number): void {
    if (ratePerMs !== null) tokens = Math.min(capacity, tokens + (now - refilledAt) * ratePerMs);
    refilledAt = Math.max(refilledAt, now);
  }

  function waitMs(now: number): number {
    const hold = Math.max(0, heldUntil - now);
    const bucket = ratePerMs === null || tokens >= 1 ? 0 : Math.ceil((1 - tokens) / ratePerMs);
    return Math.max(hold, bucket);
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let head = queue[0]; head; head = queue[0]) {
        const now = currentTime();
        refill(now);
        const wait = waitMs(now);
        if (wait > 0) {
          options.onWait?.({ dependency: head.dependency, waitMs: wait });
          await options.sleep(wait);
          floor = Math.max(floor, now + wait);
          continue;
        }
        queue.shift();
        if (ratePerMs !== null) tokens -= 1;
        head.signal?.removeEventListener('abort', head.onAbort);
        head.resolve();
      }
    } finally {
      pumping = false;
    }
  }

  return {
    acquire(dependency, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          dependency,
          resolve,
          reject,
          signal,
          onAbort: () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            reject(signal?.reason as Error);
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        queue.push(waiter);
        pump().catch((error: unknown) => {
          // Only a broken sleep gets here; fail everyone waiting rather than leave them hanging.
          for (const stuck of queue.splice(0)) stuck.reject(error);
        });
      });
    },
    holdUntil(untilMs) {
      heldUntil = Math.max(heldUntil, untilMs);
    },
    observeRemaining(remaining) {
      refill(currentTime());
      if (ratePerMs !== null) tokens = Math.min(tokens, Math.max(0, remaining));
    },
  };
}
