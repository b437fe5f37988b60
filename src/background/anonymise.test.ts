import { describe, expect, it } from 'vitest';
import { anonymiseText, anonymisedJsonl } from './anonymise';

const PII = [
  'ada.lovelace@example.com',
  'sk-ant-api03-7f3a9c1d2b4e6f80abcdef',
  'PKE2E4Q9ZL1M3N5P7R2T',
  'e2eSecretK9x8w7v6u5t4s3r2q1p0o9n8m7l6k',
  '904ab1c2-3d4e-4f5a-8b6c-7d8e9f0a1b2c',
  'clera-prop_81f2a',
  'prop_81f2a9',
  '123456789',
  'Ada',
  'Lovelace',
  'Grace',
];
const conversation = {
  title: 'Ada Lovelace portfolio',
  messages: [
    { role: 'user', text: 'My name is Ada Lovelace, e-mail ada.lovelace@example.com, account 123456789. Buy $1,250.50 of AAPL.' },
    { role: 'assistant', text: 'Order 904ab1c2-3d4e-4f5a-8b6c-7d8e9f0a1b2c (clera-prop_81f2a, proposal prop_81f2a9) filled 12 shares of AAPL.' },
    { role: 'user', text: 'My keys: sk-ant-api03-7f3a9c1d2b4e6f80abcdef PKE2E4Q9ZL1M3N5P7R2T e2eSecretK9x8w7v6u5t4s3r2q1p0o9n8m7l6k. Ask Dr. Grace Hopper.' },
    { role: 'notice', text: 'internal notice ada.lovelace@example.com' },
  ],
};

describe('anonymised export', () => {
  it('leaves no known PII, account identifier, id or key in the output', () => {
    const out = anonymisedJsonl([conversation], { amounts: 'remove', keepSymbols: false, names: ['Ada Lovelace'] });
    for (const secret of PII) expect(out).not.toContain(secret);
    expect(out).not.toContain('1,250.50');
    expect(out).not.toContain('AAPL');
    expect(out.split('\n')).toHaveLength(1);
  });

  it.each([
    { amounts: 'bucket' as const, keepSymbols: true, contains: ['[$1k–$10k]', '[10–100] shares', 'AAPL'] },
    { amounts: 'keep' as const, keepSymbols: true, contains: ['$1,250.50', '12 shares'] },
    { amounts: 'remove' as const, keepSymbols: false, contains: ['[amount]', '[quantity] shares', '[symbol]'] },
  ])('amounts $amounts, symbols kept: $keepSymbols', ({ amounts, keepSymbols, contains }) => {
    const out = conversation.messages.slice(0, 2).map((m) => anonymiseText(m.text, { amounts, keepSymbols })).join(' ');
    for (const part of contains) expect(out).toContain(part);
    expect(out).not.toContain('123456789');
    expect(out).not.toContain('ada.lovelace@example.com');
  });
});
