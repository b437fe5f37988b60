import { conversationSummarySchema, type ConversationSummary } from '../memory/conversation-summary';
import type { CleraDatabase } from './db';

export interface SummaryRepository {
  /** The saved summary of a conversation, or null (also for a row that no longer validates: it is summarised anew). */
  get(conversationId: string): Promise<ConversationSummary | null>;
  save(summary: ConversationSummary): Promise<void>;
  remove(conversationId: string): Promise<void>;
}

export function createSummaryRepository(db: CleraDatabase): SummaryRepository {
  return {
    async get(conversationId) {
      const parsed = conversationSummarySchema.safeParse((await db.summaries.get(conversationId))?.value);
      return parsed.success ? parsed.data : null;
    },
    async save(summary) {
      await db.summaries.put({ conversationId: summary.conversationId, value: conversationSummarySchema.parse(summary) });
    },
    async remove(conversationId) {
      await db.summaries.delete(conversationId);
    },
  };
}
