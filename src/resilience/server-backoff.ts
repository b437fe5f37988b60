import type { IBackoff, IBackoffFactory, IRetryBackoffContext } from 'cockatiel';
import { serverRetryDelayMs } from './request-policy';

type RetryContext = IRetryBackoffContext<unknown>;

/**
 * A cockatiel backoff that obeys the server first: `retry-after-ms` / `retry-after` on the failed response set the
 * delay; otherwise the wrapped backoff (cockatiel's ExponentialBackoff with decorrelated jitter) does. The wrapped
 * backoff advances on every retry either way, so the computed delays keep growing.
 */
export class ServerAwareBackoff implements IBackoffFactory<RetryContext> {
  constructor(
    private readonly fallback: IBackoffFactory<RetryContext>,
    private readonly now: () => number,
  ) {}

  next(context: RetryContext): IBackoff<RetryContext> {
    return step(this.fallback.next(context), context, this.now);
  }
}

function step(computed: IBackoff<RetryContext>, context: RetryContext, now: () => number): IBackoff<RetryContext> {
  const result = context.result;
  const asked = 'value' in result && result.value instanceof Response ? serverRetryDelayMs(result.value.headers, now()) : undefined;
  return {
    duration: asked ?? computed.duration,
    next: (nextContext) => step(computed.next(nextContext), nextContext, now),
  };
}

/**
 * Hands each planned delay to `onPlanned` and tells cockatiel to wait 0 ms, so the caller does the waiting with an
 * injectable sleep that the request's abort signal can cut short (cockatiel's own wait is a bare setTimeout).
 */
export function deferDelays<T>(factory: IBackoffFactory<T>, onPlanned: (delayMs: number) => void): IBackoffFactory<T> {
  const wrap = (backoff: IBackoff<T>): IBackoff<T> => {
    onPlanned(backoff.duration);
    return { duration: 0, next: (context) => wrap(backoff.next(context)) };
  };
  return { next: (context) => wrap(factory.next(context)) };
}
