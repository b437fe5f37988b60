import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { clockFrom } from '../platform/clock';
import { openVault } from '../platform/vault';
import { openDatabase, type CleraDatabase } from './db';
import { createKeyRepository } from './key-repository';
import { createConversationRepository } from './conversation-repository';

const databases: CleraDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function setup() {
  const db = openDatabase(`conversations-${crypto.randomUUID()}`);
  databases.push(db);
  let n = 0;
  const repository = createConversationRepository(db, await openVault(createKeyRepository(db)), clockFrom(() => new Date(Date.UTC(2026, 2, 2, 12, 0, n))), {
    next: (prefix) => `${prefix}_${String(++n)}`,
  });
  return { db, repository };
}

describe('conversation repository: sealed at rest', () => {
  it('stores titles and message text, role, errors and citations only sealed; ids, order, status and times stay plain', async () => {
    const { db, repository } = await setup();
    const conversation = await repository.create('Sell my AMZN?');
    const asked = await repository.append({ conversationId: conversation.id, role: 'user', text: 'Sell 14.5 shares of AMZN from PA3X9K2L', status: 'complete' });
    const answer = await repository.append({ conversationId: conversation.id, role: 'assistant', text: '', status: 'streaming' });
    await repository.update(answer.id, { text: 'You hold $2,871.35 of AMZN.', status: 'complete', meta: { citations: [{ url: 'https://example.com/amzn', title: 'AMZN news' }] } });

    expect((await repository.messages(conversation.id)).map((m) => [m.seq, m.role, m.text, m.status])).toEqual([
      [1, 'user', asked.text, 'complete'],
      [2, 'assistant', 'You hold $2,871.35 of AMZN.', 'complete'],
    ]);
    expect((await repository.get(conversation.id))?.title).toBe('Sell my AMZN?');
    const rows = [...(await db.conversations.toArray()), ...(await db.messages.toArray())];
    expect(JSON.stringify(rows)).not.toMatch(/AMZN|14\.5|2,871|PA3X9K2L|user|assistant/);
    expect(Object.keys((await db.messages.get(answer.id)) ?? {}).sort()).toEqual(['conversationId', 'createdAt', 'id', 'sealed', 'seq', 'status', 'updatedAt']);
  });

  it('applies updates of one message in the order they were made, even when not awaited', async () => {
    const { repository } = await setup();
    const conversation = await repository.create();
    const answer = await repository.append({ conversationId: conversation.id, role: 'assistant', text: '', status: 'streaming' });
    const updates = ['a', 'ab', 'abc', 'abcd'].map((text) => repository.update(answer.id, { text }));
    await Promise.all([...updates, repository.update(answer.id, { status: 'complete' })]);
    expect(await repository.message(answer.id)).toMatchObject({ text: 'abcd', status: 'complete' });
  });

  it('skips a message whose ciphertext was moved from another message', async () => {
    const { db, repository } = await setup();
    const conversation = await repository.create();
    const first = await repository.append({ conversationId: conversation.id, role: 'user', text: 'first', status: 'complete' });
    const second = await repository.append({ conversationId: conversation.id, role: 'user', text: 'second', status: 'complete' });
    await db.messages.update(second.id, { sealed: (await db.messages.get(first.id))?.sealed });
    expect((await repository.messages(conversation.id)).map((m) => m.text)).toEqual(['first']);
  });
});
