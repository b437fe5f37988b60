import { chatMessageSchema, conversationSchema, type ChatMessage, type Conversation } from '../protocol/conversation';
import type { Clock, IdSource } from '../platform/clock';
import type { Vault } from '../platform/vault';
import type { CleraDatabase, ConversationRow, MessageRow } from './db';
import { createRecordSealer, isSealedRow } from './sealed-record';
import { createKeyedQueue } from './keyed-queue';
import { deleteConversation } from './conversation-deletion';

export interface ConversationRepository {
  create(title?: string, options?: { incognito?: boolean }): Promise<Conversation>;
  get(id: string): Promise<Conversation | undefined>;
  /** Kept conversations, newest first (incognito ones are never listed). */
  list(limit?: number): Promise<Conversation[]>;
  /** Incognito conversations still stored (to delete the ones no panel shows any more). */
  incognito(): Promise<Conversation[]>;
  rename(id: string, title: string): Promise<void>;
  /**
   * Deletes the conversation with its messages, runs, summary, decided proposals and its spans' text, in one
   * transaction; refused (nothing deleted, see isDeleteBlocked) while one of its orders is waiting or open.
   */
  remove(id: string): Promise<void>;
  messages(conversationId: string): Promise<ChatMessage[]>;
  message(id: string): Promise<ChatMessage | undefined>;
  append(message: Omit<ChatMessage, 'id' | 'seq' | 'createdAt' | 'updatedAt'>): Promise<ChatMessage>;
  update(id: string, patch: Partial<Pick<ChatMessage, 'text' | 'status' | 'error' | 'meta'>>): Promise<ChatMessage | undefined>;
  /** Messages left `streaming` by a worker that was stopped: the caller decides what they become. */
  streaming(): Promise<ChatMessage[]>;
}

/** What is sealed: the title of a conversation; a message's role, text, error and meta (citations, figures…). */
const sealedTitleSchema = conversationSchema.pick({ title: true });
const sealedMessageSchema = chatMessageSchema.pick({ role: true, text: true, error: true, meta: true });
/** The plain fields that legacy (pre-v11) rows carry and sealed rows must not: cleared when a row is rewritten. */
const LEGACY_MESSAGE_FIELDS = { role: undefined, text: undefined, error: undefined, meta: undefined } as const;

/**
 * Conversations and their messages, sealed at rest (the vault, `conversations/<id>` and `messages/<id>` as additional
 * data): rows keep ids, order, status and times in the clear for the queries. Rows written before v11 are read as
 * they are until the migration seals them (./seal-migration.ts).
 */
export function createConversationRepository(db: CleraDatabase, vault: Vault, clock: Clock, ids: IdSource): ConversationRepository {
  const now = () => clock.now().toISOString();
  const sealer = createRecordSealer(vault);
  const serial = createKeyedQueue();

  // Rows that fail validation (or do not open) are skipped rather than crashing the panel; they stay for inspection.
  async function readConversation(row: ConversationRow | undefined): Promise<Conversation | undefined> {
    if (!row) return undefined;
    const sealed = isSealedRow(row) ? await sealer.open('conversations', row.id, row.sealed, sealedTitleSchema) : { title: row.title };
    if (!sealed) return undefined;
    const parsed = conversationSchema.safeParse({ id: row.id, createdAt: row.createdAt, updatedAt: row.updatedAt, incognito: row.incognito, ...sealed });
    return parsed.success ? parsed.data : undefined;
  }
  async function readMessage(row: MessageRow | undefined): Promise<ChatMessage | undefined> {
    if (!row) return undefined;
    const content = isSealedRow(row) ? await sealer.open('messages', row.id, row.sealed, sealedMessageSchema) : row;
    if (!content) return undefined;
    const { id, conversationId, seq, status, createdAt, updatedAt } = row;
    const parsed = chatMessageSchema.safeParse({ id, conversationId, seq, status, createdAt, updatedAt, role: content.role, text: content.text, error: content.error, meta: content.meta });
    return parsed.success ? parsed.data : undefined;
  }
  async function readAll<R, T>(rows: readonly R[], read: (row: R) => Promise<T | undefined>): Promise<T[]> {
    const items = await Promise.all(rows.map(read));
    return items.flatMap((item) => (item === undefined ? [] : [item]));
  }
  const sealMessage = (message: ChatMessage) => {
    const { role, text, error, meta } = message;
    return sealer.seal('messages', message.id, sealedMessageSchema.parse({ role, text, error, meta }));
  };

  return {
    async create(title = 'New chat', options = {}) {
      const at = now();
      const conversation: Conversation = { id: ids.next('conv'), title, createdAt: at, updatedAt: at, ...(options.incognito ? { incognito: true } : {}) };
      const sealed = await sealer.seal('conversations', conversation.id, sealedTitleSchema.parse({ title }));
      await db.conversations.add({ id: conversation.id, createdAt: at, updatedAt: at, ...(options.incognito ? { incognito: true } : {}), sealed });
      return conversation;
    },
    async get(id) {
      return readConversation(await db.conversations.get(id));
    },
    async list(limit = 50) {
      const rows = await db.conversations.orderBy('updatedAt').reverse().filter((row) => row.incognito !== true).limit(limit).toArray();
      return readAll(rows, readConversation);
    },
    async incognito() {
      return readAll(await db.conversations.filter((row) => row.incognito === true).toArray(), readConversation);
    },
    async rename(id, title) {
      const sealed = await sealer.seal('conversations', id, sealedTitleSchema.parse({ title }));
      await db.conversations.update(id, { sealed, title: undefined, updatedAt: now() });
    },
    async remove(id) {
      await deleteConversation(db, id);
    },
    async messages(conversationId) {
      const rows = await db.messages.where('[conversationId+seq]').between([conversationId, -Infinity], [conversationId, Infinity]).toArray();
      return readAll(rows, readMessage);
    },
    async message(id) {
      return readMessage(await db.messages.get(id));
    },
    async append(input) {
      const id = ids.next('msg');
      const at = now();
      // Sealed before the transaction: a WebCrypto await inside it would let IndexedDB commit it early.
      const draft = chatMessageSchema.parse({ ...input, id, seq: 0, createdAt: at, updatedAt: at });
      const sealed = await sealMessage(draft);
      return db.transaction('rw', db.messages, db.conversations, async () => {
        const last = await db.messages.where('[conversationId+seq]').between([input.conversationId, -Infinity], [input.conversationId, Infinity]).last();
        const message: ChatMessage = { ...draft, seq: (last?.seq ?? 0) + 1 };
        await db.messages.add({ id, conversationId: message.conversationId, seq: message.seq, status: message.status, createdAt: at, updatedAt: at, sealed });
        await db.conversations.update(input.conversationId, { updatedAt: at });
        return message;
      });
    },
    async update(id, patch) {
      // Read, merge, seal, write: one message's updates run one at a time so an older one never lands last.
      return serial(id, async () => {
        const current = await readMessage(await db.messages.get(id));
        if (!current) return undefined;
        const next = chatMessageSchema.parse({ ...current, ...patch, updatedAt: now() });
        const sealed = await sealMessage(next);
        const changed = await db.messages.update(id, { ...LEGACY_MESSAGE_FIELDS, status: next.status, updatedAt: next.updatedAt, sealed });
        return changed === 1 ? next : undefined;
      });
    },
    async streaming() {
      return readAll(await db.messages.filter((row) => row.status === 'streaming').toArray(), readMessage);
    },
  };
}
