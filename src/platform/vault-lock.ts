import { AppError, lockedError, isLockedError, userInputError } from '../protocol/errors';
import type { Clock } from './clock';
import { createKeys, fromBase64, toBase64, type DataKeySource, type StoredVaultKeys } from './vault';

/**
 * The optional passphrase lock (see DESIGN-NOTES "Keys at rest" and README "Passphrase").
 *
 * Without a passphrase the data key (DEK) is wrapped by a non-extractable key-encryption key (KEK) kept in IndexedDB,
 * so anyone with a copy of the profile has both. With a passphrase the KEK is a random 256-bit key that is stored only
 * encrypted under a key derived from the passphrase (PBKDF2-SHA256, 600,000 iterations, random salt). Unlocking
 * derives that key, opens the KEK and keeps it in memory and in the browser's session storage (memory only, gone when
 * the browser closes), so a stopped service worker comes back unlocked while the browser runs.
 *
 * Rows are never re-encrypted: setting the passphrase re-wraps the one DEK under the new KEK; changing it re-wraps the
 * KEK; removing it stores the KEK again as a non-extractable key. The DEK, and so every sealed row, stays the same.
 */
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSPHRASE_LENGTH = 8;
export const DEFAULT_IDLE_MINUTES = 15;
export const IDLE_MINUTES_CHOICES = [1, 5, 15, 30, 60, 240] as const;

/** The KEK encrypted under the passphrase-derived key. */
export interface PassphraseWrap {
  wrappedKek: ArrayBuffer;
  iv: Uint8Array<ArrayBuffer>;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  idleMinutes: number;
}

export type VaultKeyState =
  | { kind: 'plain'; keys: StoredVaultKeys }
  | { kind: 'passphrase'; lock: PassphraseWrap; wrappedDek: ArrayBuffer; wrapIv: Uint8Array<ArrayBuffer> };

/** Where the key records live (src/store/key-repository.ts: the `keys` table). Each write is one transaction. */
export interface VaultKeyRecords {
  /** The stored state; creates the plain pair with `create` when nothing is stored (first writer wins). */
  load(create: () => Promise<StoredVaultKeys>): Promise<VaultKeyState>;
  /** Stores the passphrase wrap (and, when given, the DEK re-wrapped under the new KEK) and drops any plain KEK. */
  writePassphrase(lock: PassphraseWrap, dek?: { wrapped: ArrayBuffer; iv: Uint8Array<ArrayBuffer> }): Promise<void>;
  /** Stores the KEK as a plain non-extractable key and drops the passphrase wrap; the wrapped DEK is left as it is. */
  writePlain(kek: CryptoKey): Promise<void>;
  /** Drops every key record (a vault reset; the caller deletes the sealed rows). */
  clear(): Promise<void>;
}

/** The browser's session storage (chrome.storage.session): kept in memory while the browser runs, never on disk. */
export interface SessionStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export function memorySessionStore(): SessionStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: (key) => Promise.resolve(values.get(key)),
    set: (key, value) => { values.set(key, structuredClone(value)); return Promise.resolve(); },
    remove: (key) => { values.delete(key); return Promise.resolve(); },
  };
}

export interface LockStatus {
  passphrase: boolean;
  locked: boolean;
  idleMinutes: number;
}

export interface VaultLock {
  /** The data key for the vault: throws the typed `locked` error while locked (and locks first when idle too long). */
  dataKey: DataKeySource;
  status(): Promise<LockStatus>;
  /** Resolves once the data key is available (at once without a passphrase). */
  whenUnlocked(): Promise<void>;
  /** A wrong passphrase throws `wrong-passphrase` and changes nothing. */
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  /** Sets the passphrase, or changes it (needs the vault unlocked). */
  setPassphrase(passphrase: string, idleMinutes?: number): Promise<void>;
  removePassphrase(): Promise<void>;
  setIdleMinutes(minutes: number): Promise<void>;
  /** The user did something (a request from a page): restarts the idle time. */
  touch(): void;
  /** Locks when idle past the setting; returns whether the vault is locked now. */
  checkIdle(): Promise<boolean>;
  /** Forgets every key: the sealed rows can no longer be opened (the caller deletes them) and a new vault starts. */
  reset(): Promise<void>;
}

const SESSION_KEY = 'clera-vault-unlocked';
const KEK_CONTEXT = new TextEncoder().encode('clera/vault-kek');
/** How often, at most, the time of the last activity is written to session storage. */
const PERSIST_ACTIVITY_MS = 10_000;

interface SessionRecord { kek: string; lastActivity: number }

function parseSession(value: unknown): SessionRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kek, lastActivity } = value as Record<string, unknown>;
  return typeof kek === 'string' && typeof lastActivity === 'number' ? { kek, lastActivity } : undefined;
}

export const wrongPassphraseError = () =>
  new AppError({ kind: 'user-input', code: 'wrong-passphrase', message: 'That passphrase is not the right one. Nothing was changed; try again.' });

export function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw userInputError('passphrase-too-short', `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
}

async function passphraseKey(subtle: SubtleCrypto, passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Encrypts the raw KEK under a key derived from the passphrase (fresh salt and IV each time). */
export async function wrapKek(subtle: SubtleCrypto, kekRaw: Uint8Array<ArrayBuffer>, passphrase: string, idleMinutes: number, iterations = PBKDF2_ITERATIONS): Promise<PassphraseWrap> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(subtle, passphrase, salt, iterations);
  const wrappedKek = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: KEK_CONTEXT }, key, kekRaw);
  return { wrappedKek, iv, salt, iterations, idleMinutes };
}

/** Opens the raw KEK; a wrong passphrase fails AES-GCM's tag check and throws `wrong-passphrase`. */
export async function unwrapKek(subtle: SubtleCrypto, lock: PassphraseWrap, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = await passphraseKey(subtle, passphrase, lock.salt, lock.iterations);
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: lock.iv, additionalData: KEK_CONTEXT }, key, lock.wrappedKek));
  } catch {
    throw wrongPassphraseError();
  }
}

const importKek = (subtle: SubtleCrypto, raw: Uint8Array<ArrayBuffer>, extractable = false) =>
  subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, extractable, ['wrapKey', 'unwrapKey']);

const unwrapDek = (subtle: SubtleCrypto, wrapped: ArrayBuffer, kek: CryptoKey, iv: Uint8Array<ArrayBuffer>, extractable = false) =>
  subtle.unwrapKey('raw', wrapped, kek, { name: 'AES-GCM', iv }, { name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);

export function createVaultLock(deps: {
  records: VaultKeyRecords;
  session: SessionStore;
  clock: Clock;
  subtle?: SubtleCrypto;
  /** PBKDF2 iterations for new wraps; only tests lower it (an existing wrap keeps the count it was made with). */
  iterations?: number;
}): VaultLock {
  const { records, session, clock } = deps;
  const subtle = deps.subtle ?? crypto.subtle;
  const now = () => clock.now().getTime();

  let dek: Promise<CryptoKey> | undefined;
  /** The raw KEK while unlocked with a passphrase set (what the session keeps). */
  let kekRaw: Uint8Array<ArrayBuffer> | undefined;
  let passphraseSet = false;
  let idleMinutes = DEFAULT_IDLE_MINUTES;
  let lastActivity = now();
  let persistedActivity = 0;
  let waiters: (() => void)[] = [];
  // Session writes in order, so a late activity stamp can never bring back a key that a lock removed.
  let sessionWrites: Promise<unknown> = Promise.resolve();
  const inOrder = (write: () => Promise<void>): Promise<void> => {
    const next = sessionWrites.then(write, write);
    sessionWrites = next.catch(() => undefined);
    return next;
  };

  const load = async () => {
    const state = await records.load(() => createKeys(subtle));
    passphraseSet = state.kind === 'passphrase';
    if (state.kind === 'passphrase') idleMinutes = state.lock.idleMinutes;
    return state;
  };

  const idleTooLong = () => passphraseSet && now() - lastActivity >= idleMinutes * 60_000;

  const forget = async () => {
    dek = undefined;
    kekRaw = undefined;
    await inOrder(() => session.remove(SESSION_KEY));
  };

  const remember = async (raw: Uint8Array<ArrayBuffer>) => {
    kekRaw = raw;
    lastActivity = now();
    persistedActivity = lastActivity;
    const record: SessionRecord = { kek: toBase64(raw), lastActivity };
    await inOrder(() => session.set(SESSION_KEY, record));
  };

  const notify = () => {
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };

  /** Opens the DEK from what is stored: the plain KEK, or the KEK the session kept while unlocked. */
  const openDek = async (): Promise<CryptoKey> => {
    const state = await load();
    if (state.kind === 'plain') return unwrapDek(subtle, state.keys.wrappedDek, state.keys.kek, state.keys.wrapIv);
    const kept = parseSession(await session.get(SESSION_KEY));
    if (!kept) throw lockedError();
    lastActivity = kept.lastActivity;
    persistedActivity = kept.lastActivity;
    if (idleTooLong()) {
      await forget();
      throw lockedError();
    }
    const raw = fromBase64(kept.kek);
    kekRaw = raw;
    return unwrapDek(subtle, state.wrappedDek, await importKek(subtle, raw), state.wrapIv);
  };

  const dataKey: DataKeySource = async () => {
    if (dek && idleTooLong()) {
      await forget();
      throw lockedError();
    }
    if (!dek) {
      const opening = openDek();
      dek = opening;
      opening.catch(() => { if (dek === opening) dek = undefined; });
    }
    return dek;
  };

  /** The raw KEK of an unlocked vault with a passphrase (from memory, or the session after a worker restart). */
  const unlockedKek = async (): Promise<Uint8Array<ArrayBuffer>> => {
    await dataKey();
    if (!kekRaw) throw lockedError();
    return kekRaw;
  };

  const isLocked = async (): Promise<boolean> => {
    try {
      await dataKey();
      return false;
    } catch (error) {
      if (isLockedError(error)) return true;
      throw error;
    }
  };

  return {
    dataKey,
    async status() {
      const locked = await isLocked();
      return { passphrase: passphraseSet, locked, idleMinutes };
    },
    async whenUnlocked() {
      while (await isLocked()) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    async unlock(passphrase) {
      const state = await load();
      if (state.kind === 'plain') return;
      const raw = await unwrapKek(subtle, state.lock, passphrase);
      const opened = unwrapDek(subtle, state.wrappedDek, await importKek(subtle, raw), state.wrapIv);
      await opened;
      dek = opened;
      await remember(raw);
      notify();
    },
    async lock() {
      await load();
      if (passphraseSet) await forget();
    },
    async setPassphrase(passphrase, minutes) {
      checkPassphrase(passphrase);
      const state = await load();
      const idle = minutes ?? (state.kind === 'passphrase' ? state.lock.idleMinutes : DEFAULT_IDLE_MINUTES);
      if (state.kind === 'passphrase') {
        // A change: the same KEK under a new passphrase-derived key; the wrapped DEK is untouched.
        const raw = await unlockedKek();
        await records.writePassphrase(await wrapKek(subtle, raw, passphrase, idle, deps.iterations));
        idleMinutes = idle;
        await remember(raw);
        return;
      }
      // The first passphrase: a fresh extractable KEK (the plain one cannot leave WebCrypto) re-wraps the same DEK.
      const current = await unwrapDek(subtle, state.keys.wrappedDek, state.keys.kek, state.keys.wrapIv, true);
      const raw = crypto.getRandomValues(new Uint8Array(32));
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const wrapped = await subtle.wrapKey('raw', current, await importKek(subtle, raw), { name: 'AES-GCM', iv });
      await records.writePassphrase(await wrapKek(subtle, raw, passphrase, idle, deps.iterations), { wrapped, iv });
      passphraseSet = true;
      idleMinutes = idle;
      await remember(raw);
    },
    async removePassphrase() {
      const state = await load();
      if (state.kind === 'plain') return;
      const raw = await unlockedKek();
      await records.writePlain(await importKek(subtle, raw));
      passphraseSet = false;
      kekRaw = undefined;
      await inOrder(() => session.remove(SESSION_KEY));
    },
    async setIdleMinutes(minutes) {
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) throw userInputError('bad-idle-time', 'The idle time is between 1 minute and 24 hours.');
      const state = await load();
      if (state.kind === 'plain') throw userInputError('no-passphrase', 'Set a passphrase first: without one, Clera never locks.');
      await unlockedKek();
      await records.writePassphrase({ ...state.lock, idleMinutes: minutes });
      idleMinutes = minutes;
    },
    touch() {
      if (!kekRaw) return;
      lastActivity = now();
      if (lastActivity - persistedActivity < PERSIST_ACTIVITY_MS) return;
      persistedActivity = lastActivity;
      const record: SessionRecord = { kek: toBase64(kekRaw), lastActivity };
      void inOrder(async () => { if (kekRaw) await session.set(SESSION_KEY, record); }).catch(() => undefined);
    },
    checkIdle: isLocked,
    async reset() {
      await records.clear();
      await forget();
      passphraseSet = false;
      notify();
    },
  };
}
