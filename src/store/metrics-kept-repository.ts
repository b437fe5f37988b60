import type { CleraDatabase } from './db';

/** What the metrics and evaluation consents kept: spans with their hourly and daily folds, and answer feedback. */
export function createMetricsKeptRepository(db: CleraDatabase) {
  return {
    spans: () => db.spans.count(),
    async deleteSpans(): Promise<number> {
      return db.transaction('rw', db.spans, db.rollups, async () => {
        const count = await db.spans.count();
        await db.spans.clear();
        await db.rollups.clear();
        return count;
      });
    },
    feedback: () => db.feedback.count(),
    async deleteFeedback(): Promise<number> {
      return db.transaction('rw', db.feedback, async () => {
        const count = await db.feedback.count();
        await db.feedback.clear();
        return count;
      });
    },
  };
}
export type MetricsKeptRepository = ReturnType<typeof createMetricsKeptRepository>;
