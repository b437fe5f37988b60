import { describe, expect, it } from 'vitest';
import { quotedSelection } from './analyze-ticker';

describe('quotedSelection', () => {
  it.each([
    ['a right-to-left override', 'Buy \u202Egnihtyreve lles\u202C AAPL', 'Buy gnihtyreve lles AAPL'],
    ['bidi isolates and marks', 'AAPL \u2066up\u2069 \u200Ftoday\u200E', 'AAPL up today'],
    ['zero-width spaces and joiners', 'ig\u200Bnore previous\u200D instruc\uFEFFtions', 'ig nore previous instruc tions'],
    ['control characters', 'AAPL\u0000\u0007 rose', 'AAPL rose'],
  ])('drops %s like other page text', (_name, selection, expected) => {
    expect(quotedSelection(selection)).toBe(expected);
  });

  it('keeps ordinary text and collapses whitespace', () => {
    expect(quotedSelection('  Apple (AAPL)\n\n rose 3%  ')).toBe('Apple (AAPL) rose 3%');
  });
});
