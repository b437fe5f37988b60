import { z } from 'zod';
import type { CleraDatabase } from './db';
import { parseSpans, readRollups } from './rollup-store';
import type { EvalImportRecord, FeedbackRecord, MetricsSource } from '../monitoring/metrics-source';
import type { Span } from '../monitoring/span';

const feedbackSchema = z.object({
  messageId: z.string(),
  runId: z.string(),
  conversationId: z.string(),
  rating: z.enum(['good', 'bad']),
  reason: z.string().optional(),
  handedOff: z.boolean(),
  route: z.string().optional(),
  variant: z.string().optional(),
  createdAt: z.string(),
});
const evalImportRecordSchema = z.object({
  id: z.string(),
  importedAt: z.string(),
  runAt: z.string(),
  label: z.string().optional(),
  cases: z.number().int().nonnegative(),
  routeRight: z.number().int().nonnegative(),
  routeWrong: z.number().int().nonnegative(),
  byRoute: z.record(z.string(), z.object({ right: z.number().int().nonnegative(), wrong: z.number().int().nonnegative() })).optional(),
  passed: z.number().int().nonnegative(),
  byVariant: z
    .record(
      z.string(),
      z.object({
        cases: z.number().int().nonnegative(),
        passed: z.number().int().nonnegative(),
        judged: z.number().int().nonnegative(),
        judgeSums: z.object({ accuracy: z.number().nonnegative(), actionability: z.number().nonnegative(), risk_considerations: z.number().nonnegative(), professional_tone: z.number().nonnegative() }),
      }),
    )
    .optional(),
});
const proposalFieldsSchema = z.object({ status: z.string(), createdAt: z.string() });

const valid = <T>(schema: z.ZodType<T>, values: readonly unknown[]): T[] =>
  values.flatMap((value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });

/** The metrics view's reads (over Dexie indexes) and its two writes: answer feedback and evaluation imports. */
export function createMetricsRepository(db: CleraDatabase): MetricsSource & {
  saveFeedback(record: FeedbackRecord): Promise<void>;
  saveEvalImport(record: EvalImportRecord): Promise<void>;
  /** Deletes feedback and imports older than `cutoff` (they follow the spans' retention). */
  prune(cutoff: string): Promise<number>;
} {
  const byTime = (kind: Span['kind'], from: string, to: string) => db.spans.where('[kind+startedAt]').between([kind, from], [kind, to], true, false);
  return {
    rollups: (grain, from, to) => readRollups(db.rollups, grain, from, to),
    async spans(from, to) {
      return parseSpans(await db.spans.where('startedAt').between(from, to, true, false).toArray());
    },
    async spansOfKind(kind, from, to, limit) {
      const collection = byTime(kind, from, to).reverse();
      return parseSpans(await (limit === undefined ? collection : collection.limit(limit)).toArray());
    },
    async runSpans(runId) {
      const spans = parseSpans(await db.spans.where('runId').equals(runId).toArray());
      return spans.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    },
    async proposals(from, to) {
      // Status and creation time are plain columns of the row (the proposal itself is sealed).
      const rows = await db.proposals.where('updatedAt').between(from, to, true, false).toArray();
      return valid(proposalFieldsSchema, rows.map((row) => ({ status: row.status, createdAt: row.createdAt })));
    },
    async feedback(from, to) {
      const rows = await db.feedback.where('createdAt').between(from, to, true, false).toArray();
      return valid(feedbackSchema, rows.map((row) => row.value));
    },
    async evalImports(from, to) {
      const rows = await db.evalImports.where('importedAt').between(from, to, true, false).toArray();
      return valid(evalImportRecordSchema, rows.map((row) => row.value));
    },
    async saveFeedback(record) {
      await db.feedback.put({ id: record.messageId, runId: record.runId, conversationId: record.conversationId, createdAt: record.createdAt, value: feedbackSchema.parse(record) });
    },
    async saveEvalImport(record) {
      await db.evalImports.put({ id: record.id, importedAt: record.importedAt, value: evalImportRecordSchema.parse(record) });
    },
    async prune(cutoff) {
      const feedback = await db.feedback.where('createdAt').below(cutoff).delete();
      const imports = await db.evalImports.where('importedAt').below(cutoff).delete();
      return feedback + imports;
    },
  };
}
export type MetricsRepository = ReturnType<typeof createMetricsRepository>;
