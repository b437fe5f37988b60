import { describe, expect, it } from 'vitest';
import { base64Forms, plaintextFindings } from './plaintext-search';

describe('the storage dump’s search for secrets', () => {
  it('finds a secret base64-encoded inside a longer value at every byte offset', () => {
    const secret = 'PA3123456789';
    for (const prefix of ['', 'x', 'xy', 'xyz', 'wxyz']) {
      const blob = Buffer.from(`${prefix}${secret}tail`).toString('base64');
      expect(plaintextFindings(JSON.stringify({ ct: blob }), { account: secret })).toHaveLength(1);
    }
  });

  it('finds plaintext and JSON-escaped text, and nothing in unrelated ciphertext', () => {
    expect(plaintextFindings('{"text":"Buy GOOGL now"}', { symbol: 'GOOGL' })).toHaveLength(1);
    expect(plaintextFindings(JSON.stringify({ text: 'say "hi"' }), { quote: 'say "hi"' })).toHaveLength(1);
    const unrelated = Buffer.from('an entirely different message of some length').toString('base64');
    expect(plaintextFindings(unrelated, { symbol: 'GOOGL', amount: '737.19' })).toEqual([]);
  });

  it('gives three distinct cores, none longer than the secret’s own encoding', () => {
    const forms = base64Forms('737.19');
    expect(new Set(forms).size).toBe(3);
    for (const form of forms) expect(form.length).toBeLessThanOrEqual(Buffer.from('737.19').toString('base64').length);
  });
});
