import type { CleraDatabase } from '../store/db';
import { fromHex, toHex } from './hex';

/**
 * The chain head (last seq and hash) is authenticated with HMAC-SHA-256 under a non-extractable WebCrypto key kept in
 * the `keys` table, never in the audit tables: rows and head alone cannot be rewritten into a consistent shorter log.
 */
export const HEAD_KEY_ID = 'audit-head-mac';

export interface HeadSigner {
  sign(seq: number, hash: string): Promise<string>;
  /** Constant-time check of a stored MAC (hex). */
  verify(head: { seq: number; hash: string; mac: string }): Promise<boolean>;
}

const encoder = new TextEncoder();
const message = (seq: number, hash: string) => encoder.encode(`${String(seq)}:${hash}`);

function isHeadKey(key: unknown): key is CryptoKey {
  if (typeof CryptoKey === 'undefined' || !(key instanceof CryptoKey)) return false;
  return key.algorithm.name === 'HMAC' && key.usages.includes('sign') && key.usages.includes('verify');
}

/** Loads the head key, creating it once. Two contexts racing: the first writer wins and both use its key. */
export async function loadHeadKey(db: CleraDatabase, subtle: SubtleCrypto): Promise<CryptoKey> {
  const stored = (await db.keys.get(HEAD_KEY_ID))?.key;
  if (isHeadKey(stored)) return stored;
  // Generated outside the transaction: a WebCrypto await inside it would let IndexedDB auto-commit.
  const fresh = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']);
  return db.transaction('rw', db.keys, async () => {
    const again = (await db.keys.get(HEAD_KEY_ID))?.key;
    if (isHeadKey(again)) return again;
    await db.keys.put({ id: HEAD_KEY_ID, key: fresh });
    return fresh;
  });
}

export function createHeadSigner(key: CryptoKey, subtle: SubtleCrypto): HeadSigner {
  return {
    async sign(seq, hash) {
      return toHex(await subtle.sign('HMAC', key, message(seq, hash)));
    },
    async verify(head) {
      const mac = fromHex(head.mac);
      if (mac?.length !== 32) return false;
      return subtle.verify('HMAC', key, mac, message(head.seq, head.hash));
    },
  };
}
