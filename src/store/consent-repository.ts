import { consentEntrySchema, type ConsentCategory, type ConsentEntry } from '../protocol/privacy';
import type { Clock, IdSource } from '../platform/clock';
import type { CleraDatabase } from './db';

export interface ConsentRepository {
  /** Every change, oldest first; rows that no longer validate are skipped. */
  ledger(): Promise<ConsentEntry[]>;
  /** Appends one change, stamped with the clock's time. */
  record(category: ConsentCategory, granted: boolean): Promise<ConsentEntry>;
}

/** The consent ledger: append-only, one row per change (the latest per category is the current consent). */
export function createConsentRepository(db: CleraDatabase, clock: Clock, ids: IdSource): ConsentRepository {
  return {
    async ledger() {
      const rows = await db.consents.orderBy('at').toArray();
      return rows.flatMap((row) => {
        const parsed = consentEntrySchema.safeParse(row.value);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async record(category, granted) {
      const entry = consentEntrySchema.parse({ id: ids.next('consent'), category, granted, at: clock.now().toISOString() });
      await db.consents.add({ id: entry.id, category, at: entry.at, value: entry });
      return entry;
    },
  };
}
