import type { Dependency } from '../protocol/health';

/**
 * Which requests may be sent again, and what the server says about waiting. Pure functions of the request or
 * response, so they are table-tested on their own.
 */

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// Model calls create nothing on the server: sending one twice costs tokens but changes no state.
const anthropicRepeatablePost = /\/v1\/messages(\/count_tokens)?$/;

/**
 * True when a request may be retried. Reads are; Anthropic model calls are; anything else that writes — above all a
 * POST/PATCH/DELETE to Alpaca trading, which places, replaces or cancels orders — gets exactly one attempt.
 */
export function isIdempotent(dependency: Dependency, method: string, url: URL): boolean {
  const verb = method.toUpperCase();
  if (safeMethods.has(verb)) return true;
  if (dependency === 'anthropic' && verb === 'POST') return anthropicRepeatablePost.test(url.pathname);
  return false;
}

/** Statuses worth another attempt, as the Anthropic SDK decides it (wire-formats A6): 408, 409, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** 5xx (incl. 529 overloaded) is the service failing. 4xx is the caller's problem, and 429 is handled by waiting. */
export function isServerFailure(status: number): boolean {
  return status >= 500;
}

/**
 * The wait the server asked for, in ms: `retry-after-ms` (float ms) first, then `retry-after` (seconds, or an HTTP
 * date). Undefined when neither is present and parseable.
 */
export function serverRetryDelayMs(headers: Headers, nowMs: number): number | undefined {
  const milliseconds = parseNumber(headers.get('retry-after-ms'));
  if (milliseconds !== undefined) return Math.max(0, milliseconds);
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = parseNumber(value);
  if (seconds !== undefined) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Whether a response should be retried: `x-should-retry: false` forbids it, a server-requested wait longer than
 * `maxRetryAfterMs` means we give the response back rather than sit it out, `x-should-retry: true` allows any status,
 * otherwise the status decides.
 */
export function shouldRetryResponse(response: Response, maxRetryAfterMs: number, nowMs: number): boolean {
  const hint = response.headers.get('x-should-retry')?.trim().toLowerCase();
  if (hint === 'false') return false;
  const asked = serverRetryDelayMs(response.headers, nowMs);
  if (asked !== undefined && asked > maxRetryAfterMs) return false;
  if (hint === 'true') return true;
  return isRetryableStatus(response.status);
}

export interface RateLimitSignal {
  /** Requests left in the server's current window. */
  remaining?: number;
  /** When the window resets, epoch ms. */
  resetAtMs?: number;
}

/**
 * The server's view of our quota. Alpaca: `X-RateLimit-Remaining` and `X-RateLimit-Reset` (unix epoch seconds).
 * Anthropic: `anthropic-ratelimit-requests-remaining` and `-reset` (RFC 3339).
 */
export function readRateLimit(headers: Headers): RateLimitSignal {
  const alpacaRemaining = parseNumber(headers.get('x-ratelimit-remaining'));
  if (alpacaRemaining !== undefined) {
    const reset = parseNumber(headers.get('x-ratelimit-reset'));
    return { remaining: alpacaRemaining, ...(reset !== undefined ? { resetAtMs: reset * 1000 } : {}) };
  }
  const anthropicRemaining = parseNumber(headers.get('anthropic-ratelimit-requests-remaining'));
  if (anthropicRemaining !== undefined) {
    const reset = Date.parse(headers.get('anthropic-ratelimit-requests-reset') ?? '');
    return { remaining: anthropicRemaining, ...(Number.isNaN(reset) ? {} : { resetAtMs: reset }) };
  }
  return {};
}

function parseNumber(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
