import type { z } from 'zod';
import { AppError, upstreamError } from '../../protocol/errors';
import type { AlpacaClients } from './alpaca';

/**
 * What every Alpaca reader needs: the configured clients and the signal that ends the request. A tool's context
 * satisfies it as it is; trading passes `{ alpaca, signal }`.
 */
export interface AlpacaCall {
  alpaca: AlpacaClients;
  signal: AbortSignal;
}

/**
 * Validates the part of an Alpaca response Clera uses. Responses are untrusted: a shape we cannot read is the
 * broker's (or our mapping's) fault, reported as an upstream error that names what was wrong, never a crash.
 */
export function readResponse<S extends z.ZodType>(schema: S, data: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return fail(what, issues);
}

function fail(what: string, issues: string[]): never {
  throw upstreamError('alpaca-bad-response', `Alpaca sent ${what} that Clera could not read.`, { details: { issues } });
}

/** True for the error `unwrap` raises on a 404: the broker has no such record. */
export function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.code === 'alpaca-not-found';
}

/** Runs a read whose 404 means "none": null then; every other failure passes through unchanged. */
export async function nullWhenNotFound<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
