/** Test support for memory tests. */
import { clockFrom } from '../../src/platform/clock';
import { openVault } from '../../src/platform/vault';
import type { MemoryView } from '../../src/protocol/memory';
import { openDatabase } from '../../src/store/db';
import { createKeyRepository } from '../../src/store/key-repository';
import { createMemoryRepository } from '../../src/store/memory-repository';
import { createProfileRepository } from '../../src/store/profile-repository';
import { createMemoryService } from '../../src/memory/memory-service';

/** A fresh database and vault with the memory service over them; a clock that ticks a second per reading. */
export async function createTestMemory(options: { cap?: number } = {}) {
  const db = openDatabase(`test-memory-${crypto.randomUUID()}`);
  const vault = await openVault(createKeyRepository(db));
  let tick = 0;
  const clock = clockFrom(() => new Date(Date.UTC(2026, 2, 10, 15, 0, tick++)));
  let next = 0;
  const ids = { next: (prefix?: string) => `${prefix ?? 'id'}_${String(++next)}` };
  const memories = createMemoryRepository(db, vault);
  const profiles = createProfileRepository(db, vault, clock);
  const events: { type: 'upsert' | 'remove'; memory: MemoryView }[] = [];
  const service = createMemoryService({
    memories,
    profiles,
    clock,
    ids,
    cap: () => Promise.resolve(options.cap ?? 100),
    onUpsert: (memory) => events.push({ type: 'upsert', memory }),
    onRemove: (memory) => events.push({ type: 'remove', memory }),
  });
  return { db, vault, memories, profiles, service, events };
}

export const source = { conversationId: 'conv_1', messageId: 'msg_1', answerId: 'msg_2', untrusted: () => false };
