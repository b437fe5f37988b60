import { AppError, type ErrorKind } from '../../protocol/errors';

/** The error results of src/finance (`{ok: false, error}`) as an AppError, keeping who is at fault. */
export function financeError(error: { kind: ErrorKind; code: string; message: string; details?: Record<string, unknown> }): AppError {
  return new AppError({ kind: error.kind, code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) });
}
