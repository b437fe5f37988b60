import type { z } from 'zod';
import { upstreamError } from '../../protocol/errors';

/**
 * Validates the part of an Alpaca response a tool uses. Responses are untrusted: a shape we cannot read is the
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
