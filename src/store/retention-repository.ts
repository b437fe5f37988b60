import { defaultRetention, retentionSchema, type Retention } from '../protocol/privacy';
import type { CleraDatabase } from './db';

export interface RetentionRepository {
  /** The saved retention; a value that no longer validates falls back to the defaults. */
  get(): Promise<Retention>;
  save(retention: Retention): Promise<void>;
}

export function createRetentionRepository(db: CleraDatabase): RetentionRepository {
  return {
    async get() {
      const parsed = retentionSchema.safeParse((await db.privacy.get('retention'))?.value);
      return parsed.success ? parsed.data : defaultRetention;
    },
    async save(retention) {
      await db.privacy.put({ id: 'retention', value: retentionSchema.parse(retention) });
    },
  };
}

/** Deletes finished runs (transcripts) last changed before `before`; a running one is never touched. */
export async function pruneRuns(db: CleraDatabase, before: string): Promise<number> {
  return db.runs.where('updatedAt').below(before).and((row) => row.status !== 'running').delete();
}
