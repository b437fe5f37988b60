import { ExponentialBackoff, handleWhen, retry, type FailureReason, type TimeoutPolicy } from 'cockatiel';
import { AppError } from '../protocol/errors';
import type { Dependency } from '../protocol/health';
import type { DependencyConfig } from './config';
import type { DependencyBreaker } from './dependency-breaker';
import { isTransportFailure, networkError, timeoutError } from './errors';
import type { RateLimiter } from './rate-limiter';
import { isIdempotent, readRateLimit, serverRetryDelayMs, shouldRetryResponse } from './request-policy';
import { deferDelays, ServerAwareBackoff } from './server-backoff';

export interface RetryInfo {
  dependency: Dependency;
  /** The retry about to happen: 1 for the second attempt. */
  attempt: number;
  delayMs: number;
  reason: string;
}

/** Everything one dependency's calls go through. */
export interface CallPipeline {
  dependency: Dependency;
  config: DependencyConfig;
  breaker: DependencyBreaker;
  limiter: RateLimiter;
  /** Cockatiel timeout to the response headers: aggressive, and it does not abort once the headers are in. */
  timeout: TimeoutPolicy;
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  maxHoldMs: number;
  onRetry?: (info: RetryInfo) => void;
}

/**
 * One call: retry (idempotent requests only) → circuit breaker → rate limiter → timeout → fetch. Every attempt sends
 * a fresh clone of the request, so a body is never read twice.
 */
export async function resilientFetch(pipeline: CallPipeline, input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const template = toRequest(input, init);
  const idempotent = isIdempotent(pipeline.dependency, template.method, new URL(template.url));
  try {
    if (!idempotent || pipeline.config.maxRetries <= 0) return await attempt(pipeline, template, idempotent);
    return await withRetries(pipeline, template);
  } finally {
    await pipeline.breaker.settled();
  }
}

async function withRetries(pipeline: CallPipeline, template: Request): Promise<Response> {
  const { config, now } = pipeline;
  let plannedDelay = 0;
  const backoff = new ServerAwareBackoff(new ExponentialBackoff({ initialDelay: config.backoffInitialMs, maxDelay: config.backoffMaxMs }), now);
  const policy = retry(
    handleWhen(isTransportFailure).orWhenResult((result) => result instanceof Response && shouldRetryResponse(result, config.maxRetryAfterMs, now())),
    { maxAttempts: config.maxRetries, backoff: deferDelays(backoff, (delay) => (plannedDelay = delay)) },
  );
  const listener = policy.onRetry((event) => {
    if ('value' in event && event.value instanceof Response) discard(event.value);
    pipeline.onRetry?.({ dependency: pipeline.dependency, attempt: event.attempt, delayMs: plannedDelay, reason: describe(event) });
  });
  try {
    return await policy.execute(async ({ attempt: retries }) => {
      if (retries > 0 && plannedDelay > 0) {
        pipeline.breaker.throwIfOpen();
        await abortableSleep(pipeline.sleep, plannedDelay, template.signal);
      }
      return attempt(pipeline, template, true);
    }, template.signal);
  } finally {
    listener.dispose();
  }
}

async function attempt(pipeline: CallPipeline, template: Request, idempotent: boolean): Promise<Response> {
  const { breaker, limiter, dependency } = pipeline;
  breaker.throwIfOpen();
  await limiter.acquire(dependency, template.signal);
  return breaker.execute(async () => {
    const response = await timedFetch(pipeline, template, idempotent);
    observe(pipeline, response);
    return response;
  });
}

async function timedFetch(pipeline: CallPipeline, template: Request, idempotent: boolean): Promise<Response> {
  // Called detached: a browser's fetch throws "Illegal invocation" when called as a method of another object.
  const send = pipeline.fetch;
  let timeoutSignal: AbortSignal | undefined;
  try {
    return await pipeline.timeout.execute(({ signal }) => {
      timeoutSignal = signal;
      return send(template.clone(), { signal: AbortSignal.any([template.signal, signal]) });
    });
  } catch (error) {
    if (template.signal.aborted) throw error;
    if (timeoutSignal?.aborted) throw timeoutError(pipeline.dependency, pipeline.config.timeoutMs, idempotent);
    if (error instanceof AppError) throw error;
    throw networkError(pipeline.dependency, error, idempotent);
  }
}

/** Feeds the server's rate-limit signals into the bucket: a 429's retry-after, and "nothing remaining until reset". */
function observe(pipeline: CallPipeline, response: Response): void {
  const { limiter, maxHoldMs } = pipeline;
  const now = pipeline.now();
  const cap = (until: number) => Math.min(until, now + maxHoldMs);
  const signal = readRateLimit(response.headers);
  if (signal.remaining !== undefined) limiter.observeRemaining(signal.remaining);
  if (signal.remaining === 0 && signal.resetAtMs !== undefined && signal.resetAtMs > now) limiter.holdUntil(cap(signal.resetAtMs));
  if (response.status === 429) {
    const asked = serverRetryDelayMs(response.headers, now);
    if (asked !== undefined) limiter.holdUntil(cap(now + asked));
  }
}

/** Accepts both call styles: the Anthropic SDK passes (url, init); openapi-fetch passes a Request. */
function toRequest(input: string | URL | Request, init: RequestInit | undefined): Request {
  if (init?.body instanceof ReadableStream) {
    // A streamed body must say so; the clone per attempt then tees it.
    const streamed: RequestInit & { duplex: 'half' } = { ...init, duplex: 'half' };
    return new Request(input, streamed);
  }
  return new Request(input, init);
}

function abortableSleep(sleep: (ms: number) => Promise<void>, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    sleep(ms)
      .finally(() => {
        signal.removeEventListener('abort', onAbort);
      })
      .then(resolve, reject);
  });
}

/** A response we are about to retry past: release its connection. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

function describe(reason: FailureReason<unknown>): string {
  if ('error' in reason) return reason.error instanceof AppError ? reason.error.code : reason.error.message;
  return reason.value instanceof Response ? `HTTP ${String(reason.value.status)}` : 'failed';
}
