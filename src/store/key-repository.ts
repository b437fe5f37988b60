import type { StoredVaultKeys, VaultKeyStore } from '../platform/vault';
import type { CleraDatabase } from './db';

/** Keeps the vault's key-encryption key (non-extractable CryptoKey) and the wrapped data key. */
export function createKeyRepository(db: CleraDatabase): VaultKeyStore {
  return {
    async getOrCreate(create) {
      const read = async (): Promise<StoredVaultKeys | undefined> => {
        const [kek, dek] = await Promise.all([db.keys.get('vault-kek'), db.keys.get('vault-dek')]);
        if (kek?.key && dek?.wrapped && dek.iv) return { kek: kek.key, wrappedDek: dek.wrapped, wrapIv: dek.iv };
        return undefined;
      };
      const existing = await read();
      if (existing) return existing;
      const fresh = await create();
      // Another context may have created keys meanwhile: the first writer wins, everyone uses its keys.
      return db.transaction('rw', db.keys, async () => {
        const again = await read();
        if (again) return again;
        await db.keys.bulkPut([
          { id: 'vault-kek', key: fresh.kek },
          { id: 'vault-dek', wrapped: fresh.wrappedDek, iv: fresh.wrapIv },
        ]);
        return fresh;
      });
    },
  };
}
