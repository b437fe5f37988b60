import { z } from 'zod';

/**
 * Errors grouped by who is at fault. They cross the port as plain objects: class identity does not survive
 * structured cloning, so `toErrorInfo` flattens anything thrown into this shape.
 */
/** `locked`: the vault has a passphrase and is locked; the page asks for the passphrase and retries. */
export const errorKinds = ['configuration', 'user-input', 'model-contract', 'upstream', 'internal', 'cancelled', 'locked'] as const;
export type ErrorKind = (typeof errorKinds)[number];

export const errorInfoSchema = z.object({
  kind: z.enum(errorKinds),
  code: z.string(),
  message: z.string(),
  retryable: z.boolean().default(false),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(info: { kind: ErrorKind; code: string; message: string; retryable?: boolean; details?: Record<string, unknown>; cause?: unknown }) {
    super(info.message, { cause: info.cause });
    this.name = 'AppError';
    this.kind = info.kind;
    this.code = info.code;
    this.retryable = info.retryable ?? false;
    this.details = info.details;
  }

  toInfo(): ErrorInfo {
    return { kind: this.kind, code: this.code, message: this.message, retryable: this.retryable, ...(this.details ? { details: this.details } : {}) };
  }
}

export const configurationError = (code: string, message: string) => new AppError({ kind: 'configuration', code, message });
export const userInputError = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError({ kind: 'user-input', code, message, ...(details ? { details } : {}) });
export const upstreamError = (code: string, message: string, options: { retryable?: boolean; details?: Record<string, unknown>; cause?: unknown } = {}) =>
  new AppError({ kind: 'upstream', code, message, ...options });

export const VAULT_LOCKED = 'vault-locked';
/** What anything that needs the vault's key answers while it is locked. */
export const lockedError = () => new AppError({ kind: 'locked', code: VAULT_LOCKED, message: 'Clera is locked. Enter your passphrase to unlock it.' });
export const isLockedError = (error: unknown): boolean => error instanceof AppError && error.kind === 'locked';

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'APIUserAbortError');
}

/** Flattens anything thrown into an ErrorInfo; unknown errors are our own bug and say so without leaking internals. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return error.toInfo();
  if (isAbortError(error)) return { kind: 'cancelled', code: 'cancelled', message: 'Stopped.', retryable: true };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', code: 'internal', message: `Something went wrong inside Clera: ${message}`, retryable: true };
}
