/** Requests per minute per API key, in fixed one-minute windows of real time, with Alpaca's X-RateLimit-* headers. */

export const defaultRateLimit = 200;

export interface RateDecision {
  readonly allowed: boolean;
  readonly headers: Record<string, string>;
}

export class RateLimiter {
  #limit = defaultRateLimit;
  readonly #windows = new Map<string, { startMs: number; count: number }>();

  get limit(): number {
    return this.#limit;
  }

  /** Sets the limit and starts every key's window afresh. */
  setLimit(requestsPerMinute: number): void {
    if (!Number.isInteger(requestsPerMinute) || requestsPerMinute < 0) throw new RangeError('The rate limit is a whole number of requests per minute');
    this.#limit = requestsPerMinute;
    this.#windows.clear();
  }

  /** Counts a request for the key. */
  hit(key: string, nowMs = Date.now()): RateDecision {
    let window = this.#windows.get(key);
    if (!window || nowMs - window.startMs >= 60_000) {
      window = { startMs: nowMs, count: 0 };
      this.#windows.set(key, window);
    }
    const allowed = window.count < this.#limit;
    if (allowed) window.count += 1;
    return { allowed, headers: this.#headers(window) };
  }

  /** The headers for the key without counting a request. */
  peek(key: string, nowMs = Date.now()): Record<string, string> {
    const window = this.#windows.get(key);
    return this.#headers(window && nowMs - window.startMs < 60_000 ? window : { startMs: nowMs, count: 0 });
  }

  #headers(window: { startMs: number; count: number }): Record<string, string> {
    return {
      'X-RateLimit-Limit': String(this.#limit),
      'X-RateLimit-Remaining': String(Math.max(this.#limit - window.count, 0)),
      'X-RateLimit-Reset': String(Math.ceil((window.startMs + 60_000) / 1000)),
    };
  }
}
