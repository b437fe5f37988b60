import type { Table } from 'dexie';
import type { Clock } from '../platform/clock';
import type { Vault } from '../platform/vault';
import { SEAL_MIGRATION_ID, type CleraDatabase } from './db';
import { createRecordSealer, isSealedRow, type SealedTable } from './sealed-record';

type PlainRow = Record<string, unknown>;

/** For each table: the primary key, the fields that stay plain (what the indexes and queries need), what is sealed. */
interface TablePlan {
  table: SealedTable;
  key: string;
  plain: readonly string[];
  content: (row: PlainRow) => unknown;
}

const plans: readonly TablePlan[] = [
  { table: 'conversations', key: 'id', plain: ['id', 'createdAt', 'updatedAt', 'incognito'], content: (row) => ({ title: row.title }) },
  {
    table: 'messages',
    key: 'id',
    plain: ['id', 'conversationId', 'seq', 'status', 'createdAt', 'updatedAt'],
    content: (row) => ({ role: row.role, text: row.text, error: row.error, meta: row.meta }),
  },
  { table: 'runs', key: 'id', plain: ['id', 'conversationId', 'status', 'version', 'createdAt', 'updatedAt'], content: (row) => ({ state: row.state }) },
  { table: 'proposals', key: 'id', plain: ['id', 'conversationId', 'runId', 'status', 'version', 'createdAt', 'updatedAt'], content: (row) => row.value },
  { table: 'summaries', key: 'conversationId', plain: ['conversationId'], content: (row) => row.value },
];

export interface SealMigrationResult {
  /** Rows sealed by this call. */
  sealed: number;
  /** Whether every table now holds only sealed rows (the marker is then set to done and later starts skip the scan). */
  done: boolean;
}

/**
 * Seals the rows written before v11, in place and resumably. Runs after the database opens (the v11 upgrade only leaves
 * a `pending` marker: WebCrypto cannot be awaited inside an upgrade transaction). Each row is sealed outside any
 * transaction, then replaced in a short one only if it is still the unsealed row that was read; a row a repository
 * rewrote meanwhile is already sealed and is left alone. Every replacement is atomic, so a worker stopped at any point
 * loses nothing: the marker stays `pending` and the next start picks up the rows still unsealed. Idempotent.
 */
export async function sealExistingRows(db: CleraDatabase, vault: Vault, clock: Clock, options: { batchSize?: number } = {}): Promise<SealMigrationResult> {
  const marker = await db.migrations.get(SEAL_MIGRATION_ID);
  if (marker?.state !== 'pending') return { sealed: 0, done: true };
  const sealer = createRecordSealer(vault);
  const batchSize = options.batchSize ?? 50;
  let sealed = 0;
  for (const plan of plans) {
    const table: Table<PlainRow, string> = db.table(plan.table);
    let after: string | undefined;
    for (;;) {
      const batch = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(batchSize).toArray();
      if (batch.length === 0) break;
      after = String(batch[batch.length - 1]?.[plan.key]);
      const legacy = batch.filter((row) => !isSealedRow(row));
      const replacements = await Promise.all(
        legacy.map(async (row) => {
          const id = String(row[plan.key]);
          const plain = Object.fromEntries(plan.plain.flatMap((field) => (row[field] === undefined ? [] : [[field, row[field]]])));
          return { id, before: JSON.stringify(row), row: { ...plain, sealed: await sealer.seal(plan.table, id, plan.content(row)) } };
        }),
      );
      sealed += await db.transaction('rw', table, async () => {
        let written = 0;
        for (const replacement of replacements) {
          const now = await table.get(replacement.id);
          if (now === undefined || JSON.stringify(now) !== replacement.before) continue;
          await table.put(replacement.row);
          written += 1;
        }
        return written;
      });
    }
  }
  const left = await Promise.all(plans.map((plan) => db.table(plan.table).filter((row) => !isSealedRow(row)).count()));
  const done = left.every((count) => count === 0);
  if (done) await db.migrations.put({ id: SEAL_MIGRATION_ID, state: 'done', updatedAt: clock.now().toISOString() });
  return { sealed, done };
}
