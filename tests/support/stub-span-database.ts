import type { CleraDatabase } from '../../src/store/db';

/**
 * A stand-in for the database in recorder tests: span writes go to `bulkPut` (which may fail), no span is stored
 * before, and the hourly buckets accept anything. Transactions just run their body.
 */
export function stubSpanDatabase(bulkPut: (rows: unknown[]) => Promise<unknown>): CleraDatabase {
  const nothingStored = (ids: unknown[]) => Promise.resolve(ids.map(() => undefined));
  return {
    transaction: (_mode: string, _a: unknown, _b: unknown, body: () => Promise<unknown>) => body(),
    spans: { bulkPut, bulkGet: nothingStored },
    rollups: { bulkGet: nothingStored, bulkPut: () => Promise.resolve() },
  } as unknown as CleraDatabase;
}
