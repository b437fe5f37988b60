import { describe, expect, it } from 'vitest';
import { normalizeSymbol } from './symbols';

describe('normalizeSymbol', () => {
  it.each([
    ['AAPL', 'AAPL'],
    ['aapl', 'AAPL'],
    ['  msft ', 'MSFT'],
    ['F', 'F'], // one letter is a real ticker (Ford)
    ['GOOGL', 'GOOGL'], // five letters
    ['BRK.B', 'BRK.B'],
    ['brk.b', 'BRK.B'],
    ['BRK/B', 'BRK.B'],
    ['BRK-B', 'BRK.B'], // the dash form some sites use
    ['$TSLA', 'TSLA'], // a cashtag
    ['$brk/a', 'BRK.A'],
  ])('accepts %j as %s', (input, expected) => {
    expect(normalizeSymbol(input)).toEqual({ ok: true, symbol: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['$', 'empty'],
    ['AAPL; DROP', 'invalid-characters'],
    ['AAPL DROP', 'invalid-characters'],
    ['A1', 'invalid-characters'],
    ['ＡＡＰＬ', 'invalid-characters'], // full-width letters are not folded
    ['АAPL', 'invalid-characters'], // the first letter is Cyrillic А
    ['AAPL\u200B', 'invalid-characters'], // a zero-width space
    ['ABCDEFGHIJKL', 'too-long'], // 12 letters
    ['ABCDEF', 'too-long'], // 6 letters
    ['X'.repeat(10_000), 'too-long'],
    ['BRK.', 'invalid-format'],
    ['.B', 'invalid-format'],
    ['BRK.BB', 'invalid-format'], // a share class is one letter
    ['BRK..B', 'invalid-format'],
    ['$$AAPL', 'invalid-characters'],
  ])('rejects %j (%s)', (input, reason) => {
    const result = normalizeSymbol(input);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
  });

  it('never echoes hostile input in its message', () => {
    const result = normalizeSymbol('<img src=x onerror=alert(1)>');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain('<img');
  });
});
