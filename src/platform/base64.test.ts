import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './vault';

describe('toBase64 / fromBase64', () => {
  it('match the standard encoding for every byte value and across the 8 KiB chunk edges', () => {
    const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toBase64(everyByte)).toBe(Buffer.from(everyByte).toString('base64'));
    for (const length of [0, 1, 2, 3, 8191, 8192, 8193, 16_384, 60_001]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + 7) % 256);
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(text)).toEqual(bytes);
    }
  });
});
