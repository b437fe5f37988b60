import type { z } from 'zod';
import { safeParseJson } from '../protocol/json';
import { isLockedError } from '../protocol/errors';
import { sealedSchema, type Sealed, type Vault } from '../platform/vault';

/**
 * A record's sensitive part, sealed with the vault under the record's identity (`table/id`) as additional data: a
 * ciphertext copied onto another row, or into another table, fails to open. Rows keep in the clear only what their
 * indexes and queries need (ids, times, status), never text, symbols or amounts.
 */
export type SealedTable = 'conversations' | 'messages' | 'runs' | 'proposals' | 'summaries';

export const recordContext = (table: SealedTable, id: string) => `${table}/${id}`;

export interface RecordSealer {
  seal(table: SealedTable, id: string, value: unknown): Promise<Sealed>;
  /** The value, or undefined when the row holds no valid ciphertext, it does not open, or its content does not validate. */
  open<S extends z.ZodType>(table: SealedTable, id: string, sealed: unknown, schema: S): Promise<z.infer<S> | undefined>;
}

export function createRecordSealer(vault: Vault): RecordSealer {
  return {
    async seal(table, id, value) {
      return vault.seal(JSON.stringify(value), recordContext(table, id));
    },
    async open<S extends z.ZodType>(table: SealedTable, id: string, sealed: unknown, schema: S): Promise<z.infer<S> | undefined> {
      const parsed = sealedSchema.safeParse(sealed);
      if (!parsed.success) return undefined;
      let plain: string;
      try {
        plain = await vault.open(parsed.data, recordContext(table, id));
      } catch (error) {
        // A locked vault is not an unreadable row: the caller must hear it (the page then asks for the passphrase).
        if (isLockedError(error)) throw error;
        return undefined;
      }
      const value = safeParseJson(schema, plain);
      return value.ok ? value.value : undefined;
    },
  };
}

/** Whether a stored row is already sealed (the per-row marker the migration of older rows goes by). */
export const isSealedRow = (row: unknown): boolean => typeof row === 'object' && row !== null && sealedSchema.safeParse((row as { sealed?: unknown }).sealed).success;
