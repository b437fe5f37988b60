import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { clockFrom } from '../platform/clock';
import { openVault, type Vault } from '../platform/vault';
import { openDatabase, SEAL_MIGRATION_ID, type CleraDatabase } from './db';
import { createKeyRepository } from './key-repository';
import { createConversationRepository } from './conversation-repository';
import { createRunRepository } from './run-repository';
import { createProposalRepository } from './proposal-repository';
import { createSummaryRepository } from './summary-repository';
import { sealExistingRows } from './seal-migration';
import { V6_SECRET_TEXT, V6_SUMMARY_TEXT, writeV6Database } from '../../tests/support/v6-database';

const clock = clockFrom(() => new Date('2026-03-03T09:00:00.000Z'));
const ids = { next: (prefix: string) => `${prefix}_${crypto.randomUUID()}` };
const names: string[] = [];
const open: CleraDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function reopen(name: string): CleraDatabase {
  const db = openDatabase(name);
  open.push(db);
  return db;
}

async function v6Database(messageCount?: number) {
  const name = `seal-${crypto.randomUUID()}`;
  names.push(name);
  await writeV6Database(name, messageCount);
  return name;
}

/** What the app reads through its repositories: the same before, during and after the migration. */
async function readEverything(db: CleraDatabase, vault: Vault) {
  const conversations = createConversationRepository(db, vault, clock, ids);
  const runs = createRunRepository(db, vault, clock, ids);
  const proposals = createProposalRepository(db, vault, clock);
  return {
    conversation: await conversations.get('conv_old'),
    messages: await conversations.messages('conv_old'),
    runs: [await runs.get('run_old_1'), await runs.get('run_old_2')],
    proposals: await proposals.forConversation('conv_old'),
    summary: await createSummaryRepository(db, vault).get('conv_old'),
  };
}

const SEALED_TABLES = ['conversations', 'messages', 'runs', 'proposals', 'summaries'] as const;
async function rawRows(db: CleraDatabase) {
  return (await Promise.all(SEALED_TABLES.map((table) => db.table(table).toArray()))).flat() as Record<string, unknown>[];
}

/** A vault that stops working after `seals` seals, as a worker stopped in the middle of the migration would. */
function stoppingAfter(vault: Vault, seals: number): Vault {
  let left = seals;
  return {
    seal: (plaintext, context) => (left-- > 0 ? vault.seal(plaintext, context) : Promise.reject(new Error('worker stopped'))),
    open: (sealed, context) => vault.open(sealed, context),
  };
}

describe('sealing rows written before v11', () => {
  it('seals every row of a v6 database in place, and the app reads the same content before and after', async () => {
    const name = await v6Database();
    const db = reopen(name);
    const vault = await openVault(createKeyRepository(db));
    const before = await readEverything(db, vault);
    expect(before.messages).toHaveLength(6);
    expect(before.messages[0]?.text).toContain(V6_SECRET_TEXT);
    expect(before.runs.every(Boolean)).toBe(true);
    expect(before.proposals.map((p) => p.draft.symbol)).toEqual(['NVDA', 'NVDA']);
    expect(before.summary?.summary).toBe(V6_SUMMARY_TEXT);
    expect((await db.migrations.get(SEAL_MIGRATION_ID))?.state).toBe('pending');

    expect(await sealExistingRows(db, vault, clock)).toEqual({ sealed: 6 + 1 + 2 + 2 + 1, done: true });

    expect(await readEverything(db, vault)).toEqual(before);
    const rows = await rawRows(db);
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row.sealed).toMatchObject({ v: 1 });
      expect(Object.keys(row)).not.toEqual(expect.arrayContaining(['text']));
      expect(row).not.toHaveProperty('title');
      expect(row).not.toHaveProperty('state');
      expect(row).not.toHaveProperty('value');
    }
    expect(JSON.stringify(rows)).not.toMatch(/NVDA|TSLA|12345\.67|777\.77|PA3X9K2L|Should I sell/);
    expect((await db.migrations.get(SEAL_MIGRATION_ID))?.state).toBe('done');
    expect(await sealExistingRows(db, vault, clock)).toEqual({ sealed: 0, done: true });
  });

  it('loses nothing when the worker stops midway, and finishes on the next start', async () => {
    const name = await v6Database(120);
    const first = reopen(name);
    const vault = await openVault(createKeyRepository(first));
    const before = await readEverything(first, vault);
    expect(before.messages).toHaveLength(120);

    // Stopped after 70 seals: the conversation and one batch of 50 messages landed, the second batch never did.
    await expect(sealExistingRows(first, stoppingAfter(vault, 70), clock, { batchSize: 50 })).rejects.toThrow('worker stopped');
    const sealedSoFar = (await first.messages.toArray()).filter((row) => row.sealed !== undefined).length;
    expect(sealedSoFar).toBe(50);
    expect(await readEverything(first, vault)).toEqual(before);
    expect((await first.migrations.get(SEAL_MIGRATION_ID))?.state).toBe('pending');
    first.close();

    const second = reopen(name);
    const vaultAgain = await openVault(createKeyRepository(second));
    expect(await sealExistingRows(second, vaultAgain, clock, { batchSize: 50 })).toEqual({ sealed: 70 + 2 + 2 + 1, done: true });
    expect(await readEverything(second, vaultAgain)).toEqual(before);
    expect((await rawRows(second)).every((row) => row.sealed !== undefined)).toBe(true);
  });

  it('keeps what the app wrote to a row while the migration was sealing it', async () => {
    const name = await v6Database(2);
    const db = reopen(name);
    const vault = await openVault(createKeyRepository(db));
    const conversations = createConversationRepository(db, vault, clock, ids);
    let edited = false;
    const racing: Vault = {
      seal: async (plaintext, context) => {
        if (context === 'messages/msg_old_002' && !edited) {
          edited = true;
          await conversations.update('msg_old_002', { text: 'Rewritten by the app meanwhile' });
        }
        return vault.seal(plaintext, context);
      },
      open: (sealed, context) => vault.open(sealed, context),
    };
    expect(await sealExistingRows(db, racing, clock)).toMatchObject({ done: true });
    expect((await conversations.message('msg_old_002'))?.text).toBe('Rewritten by the app meanwhile');
  });

  it('has nothing to do on a database created at v11', async () => {
    const name = `seal-${crypto.randomUUID()}`;
    names.push(name);
    const db = reopen(name);
    const vault = await openVault(createKeyRepository(db));
    await createConversationRepository(db, vault, clock, ids).create('Hello');
    expect(await db.migrations.get(SEAL_MIGRATION_ID)).toBeUndefined();
    expect(await sealExistingRows(db, vault, clock)).toEqual({ sealed: 0, done: true });
  });
});
