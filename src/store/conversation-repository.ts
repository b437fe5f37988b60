import { chatMessageSchema, conversationSchema, type ChatMessage, type Conversation } from '../protocol/conversation';
import type { Clock, IdSource } from '../platform/clock';
import type { CleraDatabase } from './db';

export interface ConversationRepository {
  create(title?: string, options?: { incognito?: boolean }): Promise<Conversation>;
  get(id: string): Promise<Conversation | undefined>;
  /** Kept conversations, newest first (incognito ones are never listed). */
  list(limit?: number): Promise<Conversation[]>;
  /** Incognito conversations still stored (to delete the ones no panel shows any more). */
  incognito(): Promise<Conversation[]>;
  rename(id: string, title: string): Promise<void>;
  remove(id: string): Promise<void>;
  messages(conversationId: string): Promise<ChatMessage[]>;
  message(id: string): Promise<ChatMessage | undefined>;
  append(message: Omit<ChatMessage, 'id' | 'seq' | 'createdAt' | 'updatedAt'>): Promise<ChatMessage>;
  update(id: string, patch: Partial<Pick<ChatMessage, 'text' | 'status' | 'error' | 'meta'>>): Promise<ChatMessage | undefined>;
  /** Messages left `streaming` by a worker that was stopped: the caller decides what they become. */
  streaming(): Promise<ChatMessage[]>;
}

export function createConversationRepository(db: CleraDatabase, clock: Clock, ids: IdSource): ConversationRepository {
  const now = () => clock.now().toISOString();
  // Rows that fail validation are skipped rather than crashing the panel; they stay in the table for inspection.
  const validMessages = (rows: unknown[]) => rows.flatMap((row) => {
    const parsed = chatMessageSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });

  return {
    async create(title = 'New chat', options = {}) {
      const at = now();
      const conversation: Conversation = { id: ids.next('conv'), title, createdAt: at, updatedAt: at, ...(options.incognito ? { incognito: true } : {}) };
      await db.conversations.add(conversation);
      return conversation;
    },
    async get(id) {
      const parsed = conversationSchema.safeParse(await db.conversations.get(id));
      return parsed.success ? parsed.data : undefined;
    },
    async list(limit = 50) {
      const rows = await db.conversations.orderBy('updatedAt').reverse().filter((row) => row.incognito !== true).limit(limit).toArray();
      return rows.flatMap((row) => {
        const parsed = conversationSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async incognito() {
      const rows = await db.conversations.filter((row) => row.incognito === true).toArray();
      return rows.flatMap((row) => {
        const parsed = conversationSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async rename(id, title) {
      await db.conversations.update(id, { title, updatedAt: now() });
    },
    async remove(id) {
      await db.transaction('rw', db.conversations, db.messages, async () => {
        await db.messages.where('conversationId').equals(id).delete();
        await db.conversations.delete(id);
      });
    },
    async messages(conversationId) {
      const rows = await db.messages.where('[conversationId+seq]').between([conversationId, -Infinity], [conversationId, Infinity]).toArray();
      return validMessages(rows);
    },
    async message(id) {
      const parsed = chatMessageSchema.safeParse(await db.messages.get(id));
      return parsed.success ? parsed.data : undefined;
    },
    async append(input) {
      return db.transaction('rw', db.messages, db.conversations, async () => {
        const last = await db.messages.where('[conversationId+seq]').between([input.conversationId, -Infinity], [input.conversationId, Infinity]).last();
        const at = now();
        const message: ChatMessage = chatMessageSchema.parse({ ...input, id: ids.next('msg'), seq: (last?.seq ?? 0) + 1, createdAt: at, updatedAt: at });
        await db.messages.add(message);
        await db.conversations.update(input.conversationId, { updatedAt: at });
        return message;
      });
    },
    async update(id, patch) {
      const at = now();
      await db.messages.update(id, { ...patch, updatedAt: at });
      const parsed = chatMessageSchema.safeParse(await db.messages.get(id));
      return parsed.success ? parsed.data : undefined;
    },
    async streaming() {
      return validMessages(await db.messages.filter((row) => row.status === 'streaming').toArray());
    },
  };
}
