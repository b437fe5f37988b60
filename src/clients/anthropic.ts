import { BaseAnthropic } from '@anthropic-ai/sdk/client';
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '@anthropic-ai/sdk/core/error';
import { Messages } from '@anthropic-ai/sdk/resources/messages/messages';
import { Models } from '@anthropic-ai/sdk/resources/models';
import { AppError, isAbortError, upstreamError } from '../protocol/errors';
import { assertKeyHost, keyGuardedFetch } from '../protocol/key-hosts';

export interface AnthropicOptions {
  apiKey: string;
  baseURL: string;
  fetch?: typeof fetch;
  /** The SDK's own retries for idempotent model calls (429, 5xx, connection errors); it honours retry-after. */
  maxRetries?: number;
  timeoutMs?: number;
  /** Origins the user confirmed for their key; any other host that is not official or loopback is refused. */
  confirmedOrigins?: readonly string[];
}

/**
 * The SDK's client with only the two resources Clera calls: Messages (the model calls) and Models (the connection
 * test). The SDK's full `Anthropic` class also constructs every other API (files, skills, beta, …), so a bundle that
 * imports it carries all of them: about 270 KB more in the background worker. The SDK offers `BaseAnthropic` for this.
 */
export class AnthropicClient extends BaseAnthropic {
  messages: Messages = new Messages(this);
  models: Models = new Models(this);
}

/**
 * The Anthropic SDK as the extension uses it: called directly from the worker, so the browser header is required.
 * Throws `untrusted-key-host` for a base URL the key may not go to, and checks every request again on the way out.
 */
export function createAnthropic(options: AnthropicOptions): AnthropicClient {
  const confirmed = options.confirmedOrigins ?? [];
  assertKeyHost(options.baseURL, confirmed);
  return new AnthropicClient({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    dangerouslyAllowBrowser: true,
    maxRetries: options.maxRetries ?? 2,
    timeout: options.timeoutMs ?? 120_000,
    ...(options.fetch ? { fetch: keyGuardedFetch(options.fetch, confirmed) } : {}),
  });
}

/** Turns what the SDK throws into an error grouped by who is at fault, with words a user can act on. */
export function anthropicError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Our resilient fetch throws AppErrors (circuit open, timeout); the SDK wraps them as connection errors.
  if (error instanceof APIConnectionError && error.cause instanceof AppError) return error.cause;
  if (isAbortError(error)) return new AppError({ kind: 'cancelled', code: 'cancelled', message: 'Stopped.', retryable: true });
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return new AppError({ kind: 'configuration', code: 'anthropic-auth', message: 'Anthropic rejected the API key. Check it in Settings.', cause: error });
  }
  if (error instanceof NotFoundError) {
    return new AppError({ kind: 'configuration', code: 'anthropic-model', message: 'Anthropic does not know the chosen model. Pick another in Settings.', cause: error });
  }
  if (error instanceof RateLimitError) {
    return upstreamError('anthropic-rate-limit', 'Anthropic is rate-limiting requests right now.', { retryable: true, cause: error });
  }
  if (error instanceof BadRequestError) {
    return new AppError({ kind: 'internal', code: 'anthropic-bad-request', message: `Anthropic refused the request: ${error.message}`, cause: error });
  }
  if (error instanceof APIConnectionError) {
    return upstreamError('anthropic-unreachable', 'Could not reach Anthropic. Check your connection.', { retryable: true, cause: error });
  }
  if (error instanceof APIError) {
    const overloaded = error.status === 529 || /overloaded/i.test(error.message);
    return upstreamError(overloaded ? 'anthropic-overloaded' : 'anthropic-error', overloaded ? 'Anthropic is overloaded right now.' : `Anthropic failed: ${error.message}`, {
      retryable: true,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return upstreamError('anthropic-error', `The answer stream broke off: ${message}`, { retryable: true, cause: error });
}
