import { z } from 'zod';

/**
 * Envelope encryption for secrets at rest (see DESIGN-NOTES "Keys at rest").
 * One random AES-GCM data key (DEK) per install encrypts records; it is stored only wrapped by a key-encryption key
 * (KEK), a non-extractable WebCrypto key kept in IndexedDB. Each record has its own IV, and what identifies the record
 * (table and id) is bound as additional authenticated data, so a ciphertext moved to another record fails to open.
 */
export const sealedSchema = z.object({ v: z.literal(1), iv: z.string(), ct: z.string() });
export type Sealed = z.infer<typeof sealedSchema>;

export interface VaultKeyStore {
  /** Returns the stored key pair, creating it atomically with `create` when absent. */
  getOrCreate(create: () => Promise<StoredVaultKeys>): Promise<StoredVaultKeys>;
}
export interface StoredVaultKeys {
  kek: CryptoKey;
  wrappedDek: ArrayBuffer;
  wrapIv: Uint8Array<ArrayBuffer>;
}

export interface Vault {
  seal(plaintext: string, context: string): Promise<Sealed>;
  open(sealed: Sealed, context: string): Promise<string>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function toBase64(bytes: Uint8Array): string {
  // In chunks: one string per byte costs about ten times as much on a sealed run state of tens of kilobytes.
  const parts: string[] = [];
  // `apply` with a typed array, not a spread: V8 spreads a typed array element by element (slower than the loop).
  for (let i = 0; i < bytes.length; i += 8192) parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]));
  return btoa(parts.join(''));
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function createKeys(subtle: SubtleCrypto = crypto.subtle): Promise<StoredVaultKeys> {
  const kek = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
  const dek = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const wrapIv = crypto.getRandomValues(new Uint8Array(12));
  const wrappedDek = await subtle.wrapKey('raw', dek, kek, { name: 'AES-GCM', iv: wrapIv });
  return { kek, wrappedDek, wrapIv };
}

/**
 * Where the vault's data key comes from. Every seal and open asks this one function, so a lock (a passphrase that
 * wraps the key) can hook in here: while locked it throws, and nothing is read or written in plaintext meanwhile.
 */
export type DataKeySource = () => Promise<CryptoKey>;

/** The data key unwrapped once from the stored pair (the key source of an install without a passphrase). */
export function storedDataKey(store: VaultKeyStore, subtle: SubtleCrypto = crypto.subtle): DataKeySource {
  let key: Promise<CryptoKey> | undefined;
  return () => {
    key ??= store.getOrCreate(() => createKeys(subtle)).then((keys) =>
      subtle.unwrapKey('raw', keys.wrappedDek, keys.kek, { name: 'AES-GCM', iv: keys.wrapIv }, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    );
    key.catch(() => { key = undefined; });
    return key;
  };
}

/** A vault over a data key source: AES-GCM, a fresh 96-bit IV per seal, `context` bound as additional data. */
export function createVault(dataKey: DataKeySource, subtle: SubtleCrypto = crypto.subtle): Vault {
  return {
    async seal(plaintext, context) {
      const dek = await dataKey();
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, dek, encoder.encode(plaintext));
      return { v: 1, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
    },
    async open(sealed, context) {
      const dek = await dataKey();
      const plain = await subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: encoder.encode(context) },
        dek,
        fromBase64(sealed.ct),
      );
      return decoder.decode(plain);
    },
  };
}

/** The vault of an install without a passphrase: the data key is unwrapped once, up front (a bad key fails here). */
export async function openVault(store: VaultKeyStore, subtle: SubtleCrypto = crypto.subtle): Promise<Vault> {
  const dataKey = storedDataKey(store, subtle);
  await dataKey();
  return createVault(dataKey, subtle);
}
