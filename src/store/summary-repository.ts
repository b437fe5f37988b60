import { conversationSummarySchema, type ConversationSummary } from '../memory/conversation-summary';
import type { Vault } from '../platform/vault';
import type { CleraDatabase, SummaryRow } from './db';
import { createRecordSealer, isSealedRow } from './sealed-record';

export interface SummaryRepository {
  /** The saved summary of a conversation, or null (also for a row that no longer validates: it is summarised anew). */
  get(conversationId: string): Promise<ConversationSummary | null>;
  save(summary: ConversationSummary): Promise<void>;
  remove(conversationId: string): Promise<void>;
}

/** Summaries of older turns hold what the user said and was told: sealed whole, keyed by the conversation. */
export function createSummaryRepository(db: CleraDatabase, vault: Vault): SummaryRepository {
  const sealer = createRecordSealer(vault);
  const read = async (row: SummaryRow | undefined): Promise<ConversationSummary | undefined> => {
    if (!row) return undefined;
    if (isSealedRow(row)) return sealer.open('summaries', row.conversationId, row.sealed, conversationSummarySchema);
    const parsed = conversationSummarySchema.safeParse(row.value);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    async get(conversationId) {
      return (await read(await db.summaries.get(conversationId))) ?? null;
    },
    async save(summary) {
      const value = conversationSummarySchema.parse(summary);
      await db.summaries.put({ conversationId: value.conversationId, sealed: await sealer.seal('summaries', value.conversationId, value) });
    },
    async remove(conversationId) {
      await db.summaries.delete(conversationId);
    },
  };
}
