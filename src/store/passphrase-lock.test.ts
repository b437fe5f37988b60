import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { clockFrom, randomIds } from '../platform/clock';
import { createVault } from '../platform/vault';
import { createVaultLock, memorySessionStore, PBKDF2_ITERATIONS, type VaultLock } from '../platform/vault-lock';
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

/** A fake clock the test moves by hand. */
function manualClock(start = Date.UTC(2026, 11, 5, 8, 0, 0)) {
  let now = start;
  return { clock: clockFrom(() => new Date(now)), advance: (ms: number) => { now += ms; } };
}

/** Fewer PBKDF2 rounds keep the suite fast; the default count is checked by its own test. */
const FAST = 1_000;

function setup(options: { iterations?: number } = {}) {
  const db = openDatabase(`passphrase-${crypto.randomUUID()}`);
  databases.push(db);
  const time = manualClock();
  const session = memorySessionStore();
  const records = createKeyRepository(db);
  const makeLock = () => createVaultLock({ records, session, clock: time.clock, iterations: options.iterations ?? FAST });
  const lock = makeLock();
  const conversations = (current: VaultLock) => createConversationRepository(db, createVault(current.dataKey), time.clock, randomIds);
  return { db, time, session, lock, makeLock, conversations };
}

const sealedRows = async (db: CleraDatabase) => JSON.stringify([...(await db.conversations.toArray()), ...(await db.messages.toArray())]);
const keyRow = async (db: CleraDatabase, id: string) => db.keys.get(id);

async function withConversation(repo: ReturnType<ReturnType<typeof setup>['conversations']>) {
  const conversation = await repo.create('My AMZN position');
  await repo.append({ conversationId: conversation.id, role: 'user', text: 'Sell 14.5 shares of AMZN from PA3X9K2L', status: 'complete' });
  return conversation.id;
}

const texts = async (repo: ReturnType<ReturnType<typeof setup>['conversations']>, id: string) => (await repo.messages(id)).map((m) => m.text);

describe('passphrase lock: wrapping the key-encryption key', () => {
  it('setting a passphrase stores the KEK only wrapped (PBKDF2-SHA256, 600,000 iterations by default, random salt) and keeps every sealed row as it was', async () => {
    const { db, lock, conversations, time, session } = setup({ iterations: PBKDF2_ITERATIONS });
    const repo = conversations(lock);
    const id = await withConversation(repo);
    const before = await sealedRows(db);
    const wrappedDekBefore = new Uint8Array((await keyRow(db, 'vault-dek'))?.wrapped ?? new ArrayBuffer(0));

    await lock.setPassphrase('correct horse battery');

    const row = await keyRow(db, 'vault-lock');
    expect(row?.iterations).toBe(600_000);
    expect(row?.salt?.byteLength).toBe(16);
    expect(row?.key).toBeUndefined();
    // No usable key-encryption key is left in the database: only its passphrase wrap.
    expect(await keyRow(db, 'vault-kek')).toBeUndefined();
    // The data key itself is re-wrapped (under the new KEK), never replaced: the rows are byte for byte the same.
    expect(new Uint8Array((await keyRow(db, 'vault-dek'))?.wrapped ?? new ArrayBuffer(0))).not.toEqual(wrappedDekBefore);
    expect(await sealedRows(db)).toBe(before);
    expect(await texts(repo, id)).toEqual(['Sell 14.5 shares of AMZN from PA3X9K2L']);
    expect(await lock.status()).toEqual({ passphrase: true, locked: false, idleMinutes: 15 });

    // A new worker (memory gone, session kept) unlocks from the session store without the passphrase.
    time.advance(60_000);
    expect(session.values.size).toBe(1);
    const fresh = createVaultLock({ records: createKeyRepository(db), session, clock: time.clock });
    expect(await texts(conversations(fresh), id)).toEqual(['Sell 14.5 shares of AMZN from PA3X9K2L']);
  });

  it('locked: reading sealed data fails with the typed locked error; the right passphrase unlocks and the old rows read again', async () => {
    const { db, lock, conversations } = setup();
    const repo = conversations(lock);
    const id = await withConversation(repo);
    await lock.setPassphrase('correct horse battery');
    await lock.lock();

    expect(await lock.status()).toMatchObject({ passphrase: true, locked: true });
    await expect(repo.messages(id)).rejects.toMatchObject({ kind: 'locked', code: 'vault-locked' });
    await expect(repo.create('new while locked')).rejects.toMatchObject({ kind: 'locked' });
    expect(await db.conversations.count()).toBe(1);

    await lock.unlock('correct horse battery');
    expect(await texts(repo, id)).toEqual(['Sell 14.5 shares of AMZN from PA3X9K2L']);
  });

  it('a wrong passphrase gets a clear error, changes nothing stored and leaves the vault locked; the right one still works', async () => {
    const { db, lock, conversations, session } = setup();
    const repo = conversations(lock);
    const id = await withConversation(repo);
    await lock.setPassphrase('correct horse battery');
    await lock.lock();
    const keysBefore = JSON.stringify(await db.keys.toArray(), (_k, v: unknown) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Array.from(new Uint8Array(v instanceof ArrayBuffer ? v : v.buffer)) : v));
    const rowsBefore = await sealedRows(db);

    const wrong: unknown = await lock.unlock('Correct horse battery').then(() => undefined, (error: unknown) => error);
    expect(wrong).toMatchObject({ kind: 'user-input', code: 'wrong-passphrase' });
    expect(String(wrong)).toMatch(/not the right one\. Nothing was changed/);

    expect(JSON.stringify(await db.keys.toArray(), (_k, v: unknown) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Array.from(new Uint8Array(v instanceof ArrayBuffer ? v : v.buffer)) : v))).toBe(keysBefore);
    expect(await sealedRows(db)).toBe(rowsBefore);
    expect(session.values.size).toBe(0);
    expect((await lock.status()).locked).toBe(true);
    await lock.unlock('correct horse battery');
    expect(await texts(repo, id)).toEqual(['Sell 14.5 shares of AMZN from PA3X9K2L']);
  });

  it('changing the passphrase re-wraps the KEK only: the data key and the sealed rows are unchanged, the old passphrase stops working', async () => {
    const { db, lock, conversations } = setup();
    const repo = conversations(lock);
    const id = await withConversation(repo);
    await lock.setPassphrase('correct horse battery');
    const rows = await sealedRows(db);
    const dek = new Uint8Array((await keyRow(db, 'vault-dek'))?.wrapped ?? new ArrayBuffer(0));
    const wrap = new Uint8Array((await keyRow(db, 'vault-lock'))?.wrapped ?? new ArrayBuffer(0));

    await lock.setPassphrase('a different one entirely');

    expect(new Uint8Array((await keyRow(db, 'vault-dek'))?.wrapped ?? new ArrayBuffer(0))).toEqual(dek);
    expect(new Uint8Array((await keyRow(db, 'vault-lock'))?.wrapped ?? new ArrayBuffer(0))).not.toEqual(wrap);
    expect(await sealedRows(db)).toBe(rows);
    await lock.lock();
    await expect(lock.unlock('correct horse battery')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await lock.unlock('a different one entirely');
    expect(await texts(repo, id)).toEqual(['Sell 14.5 shares of AMZN from PA3X9K2L']);
  });

  it('removing the passphrase stores the KEK plain again with the same wrapped data key; rows unchanged and readable after a restart', async () => {
    const { db, lock, conversations, session, makeLock } = setup();
    const repo = conversations(lock);
    const id = await withConversation(repo);
    await lock.setPassphrase('correct horse battery');
    const rows = await sealedRows(db);
    const dek = new Uint8Array((await keyRow(db, 'vault-dek'))?.wrapped ?? new ArrayBuffer(0));

    await lock.removePassphrase();

    expect(await keyRow(db, 'vault-lock')).toBeUndefined();
    expect((await keyRow(db, 'vault-kek'))?.key).toBeDefined();
    expect(new Uint8Array((await keyRow(db, 'vault-dek'))?.wrapped ?? new ArrayBuffer(0))).toEqual(dek);
    expect(await sealedRows(db)).toBe(rows);
    expect(session.values.size).toBe(0);
    // Without a passphrase there is nothing to lock: Lock now does nothing, and a new worker opens the key by itself.
    await lock.lock();
    expect(await lock.status()).toEqual({ passphrase: false, locked: false, idleMinutes: 15 });
    expect(await texts(conversations(makeLock()), id)).toEqual(['Sell 14.5 shares of AMZN from PA3X9K2L']);
  });

  it('changing or removing the passphrase needs the vault unlocked; a short passphrase is refused', async () => {
    const { lock } = setup();
    await expect(lock.setPassphrase('short')).rejects.toMatchObject({ code: 'passphrase-too-short' });
    await lock.setPassphrase('correct horse battery');
    await lock.lock();
    await expect(lock.setPassphrase('another passphrase')).rejects.toMatchObject({ kind: 'locked' });
    await expect(lock.removePassphrase()).rejects.toMatchObject({ kind: 'locked' });
    await lock.unlock('correct horse battery');
    await lock.lock();
    await expect(lock.unlock('another passphrase')).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });
});

describe('passphrase lock: auto-lock', () => {
  it('locks after the idle time with no activity (fake clock); activity restarts the idle time', async () => {
    const { lock, conversations, time, session } = setup();
    const repo = conversations(lock);
    const id = await withConversation(repo);
    await lock.setPassphrase('correct horse battery', 5);

    time.advance(4 * 60_000);
    expect(await lock.checkIdle()).toBe(false);
    lock.touch();
    time.advance(4 * 60_000);
    expect(await lock.checkIdle()).toBe(false);
    expect(await texts(repo, id)).toHaveLength(1);

    time.advance(60_000 + 1);
    expect(await lock.checkIdle()).toBe(true);
    expect(session.values.size).toBe(0);
    await expect(repo.messages(id)).rejects.toMatchObject({ kind: 'locked' });
  });

  it('a key use past the idle time locks too, and a new worker whose session says idle too long stays locked', async () => {
    const { lock, conversations, time, session, makeLock } = setup();
    const repo = conversations(lock);
    const id = await withConversation(repo);
    await lock.setPassphrase('correct horse battery', 1);
    time.advance(2 * 60_000);
    await expect(repo.messages(id)).rejects.toMatchObject({ kind: 'locked' });

    await lock.unlock('correct horse battery');
    time.advance(2 * 60_000);
    // The session still holds the key (no one checked yet) but its last activity is too old.
    expect(session.values.size).toBe(1);
    const restarted = makeLock();
    expect(await restarted.checkIdle()).toBe(true);
    expect(session.values.size).toBe(0);
  });

  it('on browser restart (session storage empty) the vault is locked; the idle setting is kept with the wrap', async () => {
    const { db, lock, time } = setup();
    await lock.setPassphrase('correct horse battery');
    await lock.setIdleMinutes(30);
    const afterRestart = createVaultLock({ records: createKeyRepository(db), session: memorySessionStore(), clock: time.clock });
    expect(await afterRestart.status()).toEqual({ passphrase: true, locked: true, idleMinutes: 30 });
    let unlocked = false;
    const waiting = afterRestart.whenUnlocked().then(() => { unlocked = true; });
    await afterRestart.checkIdle();
    expect(unlocked).toBe(false);
    await afterRestart.unlock('correct horse battery');
    await waiting;
    expect(unlocked).toBe(true);
  });

  it('reset forgets every key: a new vault starts, and the old rows cannot be opened with it', async () => {
    const { lock, conversations, db } = setup();
    const repo = conversations(lock);
    const id = await withConversation(repo);
    await lock.setPassphrase('correct horse battery');
    await lock.lock();
    await lock.reset();
    expect(await lock.status()).toEqual({ passphrase: false, locked: false, idleMinutes: 15 });
    // The old rows are sealed under the forgotten key: they no longer open (the reset's caller deletes them).
    expect(await repo.messages(id)).toEqual([]);
    expect(await db.messages.count()).toBe(1);
    expect(await db.keys.get('vault-lock')).toBeUndefined();
  });
});
