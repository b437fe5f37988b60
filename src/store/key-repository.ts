import type { StoredVaultKeys, VaultKeyStore } from '../platform/vault';
import type { VaultKeyRecords, VaultKeyState } from '../platform/vault-lock';
import { lockedError } from '../protocol/errors';
import type { CleraDatabase } from './db';

const KEK = 'vault-kek';
const DEK = 'vault-dek';
/** Present only while a passphrase is set: the KEK encrypted under the passphrase-derived key. */
const LOCK = 'vault-lock';

/**
 * Keeps the vault's key records: the wrapped data key, and either the key-encryption key (a non-extractable CryptoKey)
 * or, with a passphrase, the KEK encrypted under the passphrase (then no usable KEK is stored at all).
 */
export function createKeyRepository(db: CleraDatabase): VaultKeyStore & VaultKeyRecords {
  const read = async (): Promise<VaultKeyState | undefined> => {
    const [kek, dek, lock] = await db.keys.bulkGet([KEK, DEK, LOCK]);
    if (!dek?.wrapped || !dek.iv) return undefined;
    if (lock?.wrapped && lock.iv && lock.salt && lock.iterations) {
      return {
        kind: 'passphrase',
        lock: { wrappedKek: lock.wrapped, iv: lock.iv, salt: lock.salt, iterations: lock.iterations, idleMinutes: lock.idleMinutes ?? 15 },
        wrappedDek: dek.wrapped,
        wrapIv: dek.iv,
      };
    }
    if (kek?.key) return { kind: 'plain', keys: { kek: kek.key, wrappedDek: dek.wrapped, wrapIv: dek.iv } };
    return undefined;
  };

  const load: VaultKeyRecords['load'] = async (create) => {
    const existing = await read();
    if (existing) return existing;
    const fresh = await create();
    // Another context may have created keys meanwhile: the first writer wins, everyone uses its keys.
    return db.transaction('rw', db.keys, async () => {
      const again = await read();
      if (again) return again;
      await db.keys.bulkPut([
        { id: KEK, key: fresh.kek },
        { id: DEK, wrapped: fresh.wrappedDek, iv: fresh.wrapIv },
      ]);
      return { kind: 'plain' as const, keys: fresh };
    });
  };

  return {
    load,
    async getOrCreate(create: () => Promise<StoredVaultKeys>) {
      const state = await load(create);
      if (state.kind === 'passphrase') throw lockedError();
      return state.keys;
    },
    async writePassphrase(lock, dek) {
      await db.transaction('rw', db.keys, async () => {
        await db.keys.put({ id: LOCK, wrapped: lock.wrappedKek, iv: lock.iv, salt: lock.salt, iterations: lock.iterations, idleMinutes: lock.idleMinutes });
        if (dek) await db.keys.put({ id: DEK, wrapped: dek.wrapped, iv: dek.iv });
        await db.keys.delete(KEK);
      });
    },
    async writePlain(kek) {
      await db.transaction('rw', db.keys, async () => {
        await db.keys.put({ id: KEK, key: kek });
        await db.keys.delete(LOCK);
      });
    },
    async clear() {
      await db.keys.bulkDelete([KEK, DEK, LOCK]);
    },
  };
}
