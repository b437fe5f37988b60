import { z } from 'zod';
import { isLockedError } from '../protocol/errors';
import { memoryKinds, memoryScopes, memoryStatuses, memoryViewSchema, type MemoryView, type StorageProblem } from '../protocol/memory';
import { safeParseJson } from '../protocol/json';
import { sealedSchema, type Vault } from '../platform/vault';
import type { CleraDatabase, MemoryRow } from './db';

export interface MemoryRepository {
  /** Every readable memory, oldest first; rows that fail to parse or open are reported and skipped. */
  list(): Promise<{ memories: MemoryView[]; problems: StorageProblem[] }>;
  get(id: string): Promise<MemoryView | undefined>;
  put(memory: MemoryView): Promise<void>;
  remove(id: string): Promise<boolean>;
  removeAll(): Promise<number>;
  /** Marks memories as used by a prompt (the cap proposes the least recently used for removal). */
  touch(ids: readonly string[], at: string): Promise<void>;
}

/** What is sealed: everything a reader could learn about the user. Status and times stay plain for the queries. */
const sealedValueSchema = z.object({
  text: z.string().min(1).max(500),
  kind: z.enum(memoryKinds),
  scope: z.enum(memoryScopes),
  source: memoryViewSchema.shape.source,
  untrusted: z.boolean(),
  replaces: memoryViewSchema.shape.replaces,
});
const rowSchema = z.object({
  id: z.string(),
  status: z.enum(memoryStatuses),
  conversationId: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  sealed: sealedSchema,
});

const context = (id: string) => `memories/${id}`;

export function createMemoryRepository(db: CleraDatabase, vault: Vault): MemoryRepository {
  async function read(raw: MemoryRow): Promise<MemoryView | StorageProblem> {
    const row = rowSchema.safeParse(raw);
    if (!row.success) return { id: raw.id, message: 'This memory is stored in a shape Clera cannot read; it is ignored.' };
    let plain: string;
    try {
      plain = await vault.open(row.data.sealed, context(row.data.id));
    } catch (error) {
      if (isLockedError(error)) throw error;
      return { id: row.data.id, message: 'This memory could not be decrypted; it is ignored.' };
    }
    const value = safeParseJson(sealedValueSchema, plain);
    if (!value.ok) return { id: row.data.id, message: 'This memory’s content does not validate; it is ignored.' };
    const { id, status, createdAt, lastUsedAt } = row.data;
    return { id, status, createdAt, lastUsedAt, ...value.value };
  }
  const isProblem = (item: MemoryView | StorageProblem): item is StorageProblem => 'message' in item;

  return {
    async list() {
      const rows = await db.memories.orderBy('id').toArray();
      const items = await Promise.all(rows.map(read));
      const memories = items.filter((item): item is MemoryView => !isProblem(item)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      return { memories, problems: items.filter(isProblem) };
    },
    async get(id) {
      const row = await db.memories.get(id);
      if (!row) return undefined;
      const item = await read(row);
      return isProblem(item) ? undefined : item;
    },
    async put(memory) {
      const view = memoryViewSchema.parse(memory);
      const value = sealedValueSchema.parse(view);
      await db.memories.put({
        id: view.id,
        status: view.status,
        conversationId: view.source.conversationId,
        createdAt: view.createdAt,
        lastUsedAt: view.lastUsedAt,
        sealed: await vault.seal(JSON.stringify(value), context(view.id)),
      });
    },
    async remove(id) {
      const existed = (await db.memories.get(id)) !== undefined;
      await db.memories.delete(id);
      return existed;
    },
    async removeAll() {
      const count = await db.memories.count();
      await db.memories.clear();
      return count;
    },
    async touch(ids, at) {
      if (ids.length === 0) return;
      await db.memories.where('id').anyOf([...ids]).modify({ lastUsedAt: at });
    },
  };
}
