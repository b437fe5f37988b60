/** Deterministic hashing and pseudo-random numbers: the same inputs always give the same values. */

/** FNV-1a over the joined parts, finished with a murmur3-style mix. */
export function hash32(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  const text = parts.join('\u0001');
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A uniform number in [0, 1) derived from the parts. */
export function uniform(...parts: readonly (string | number)[]): number {
  return hash32(...parts) / 0x1_0000_0000;
}

/** A standard normal number derived from the parts (Box-Muller). */
export function normal(...parts: readonly (string | number)[]): number {
  const u1 = Math.max(uniform(...parts, 'u1'), 1e-12);
  const u2 = uniform(...parts, 'u2');
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** mulberry32: a small seeded generator for sequences (ids). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

function hex(bytes: readonly number[]): string {
  return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function uuidFromBytes(bytes: number[]): string {
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const text = hex(bytes);
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20, 32)}`;
}

/** A version-4-shaped UUID derived from the parts. */
export function uuidFrom(...parts: readonly (string | number)[]): string {
  const bytes: number[] = [];
  for (let block = 0; block < 4; block += 1) {
    const value = hash32(...parts, block);
    bytes.push(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
  }
  return uuidFromBytes(bytes);
}

/** A seeded sequence of version-4-shaped UUIDs. */
export function createUuidGenerator(seed: number): () => string {
  const random = createRandom(seed);
  return () => uuidFromBytes(Array.from({ length: 16 }, () => Math.floor(random() * 256)));
}
