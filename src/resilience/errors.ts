import { AppError, upstreamError } from '../protocol/errors';
import { serviceNames, type Dependency } from '../protocol/health';

/** Codes of the upstream errors this module throws. */
export const resilienceErrorCodes = { breakerOpen: 'breaker-open', timeout: 'timeout', network: 'network-error' } as const;

/** The circuit is open: the call was not sent. Safe to try again after `retryAt`, even for an order. */
export function breakerOpenError(dependency: Dependency, retryAt: Date, nowMs: number): AppError {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - nowMs) / 1000));
  return upstreamError(resilienceErrorCodes.breakerOpen, `${serviceNames[dependency]} is unavailable right now; Clera will try again in ${seconds} s.`, {
    retryable: true,
    details: { dependency, retryAt: retryAt.toISOString() },
  });
}

/**
 * No response headers within the time allowed. For a request that writes (an order) the outcome is unknown, so it is
 * not marked retryable: the caller must look the order up by its client_order_id first.
 */
export function timeoutError(dependency: Dependency, timeoutMs: number, idempotent: boolean): AppError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  const outcome = idempotent ? '' : ' The request may or may not have gone through.';
  return upstreamError(resilienceErrorCodes.timeout, `${serviceNames[dependency]} did not answer within ${seconds} s.${outcome}`, {
    retryable: idempotent,
    details: { dependency, timeoutMs, idempotent },
  });
}

/** The connection failed (DNS, refused, reset, offline). As with a timeout, a write's outcome is unknown. */
export function networkError(dependency: Dependency, cause: unknown, idempotent: boolean): AppError {
  const outcome = idempotent ? '' : ' The request may or may not have gone through.';
  return upstreamError(resilienceErrorCodes.network, `Could not reach ${serviceNames[dependency]}. Check your connection.${outcome}`, {
    retryable: idempotent,
    details: { dependency, idempotent },
    cause,
  });
}

/** Timeouts and network errors: the failures that count against the breaker and may be retried. */
export function isTransportFailure(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === resilienceErrorCodes.timeout || error.code === resilienceErrorCodes.network);
}
