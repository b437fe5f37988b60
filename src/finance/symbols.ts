/**
 * US equity ticker symbols: 1–5 letters, optionally followed by a one-letter share class (`BRK.B`).
 * The canonical form is upper case with a dot, which is how Alpaca lists class shares.
 */

/** Inputs longer than this are rejected before any other check (a ticker is at most 7 characters plus a `$`). */
export const maxSymbolInputLength = 16;

const symbolPattern = /^([A-Za-z]{1,5})(?:[./-]([A-Za-z]))?$/;
const allowedCharacters = /^[A-Za-z./-]*$/;

export type SymbolRejection = 'empty' | 'too-long' | 'invalid-characters' | 'invalid-format';

export type NormalizeSymbolResult =
  | { ok: true; symbol: string }
  | { ok: false; reason: SymbolRejection; message: string };

/**
 * Normalises a user- or model-supplied ticker.
 *
 * Accepted: surrounding spaces, any letter case, one leading `$` (a cashtag), and a share-class separator written
 * `.`, `/` or `-` (`brk.b`, `BRK/B`, `BRK-B` → `BRK.B`). Only ASCII letters count: look-alike letters from other
 * scripts are refused rather than folded, so what is checked is what is sent to the broker.
 * Whether the symbol exists is not checked here (the broker's asset list decides).
 */
export function normalizeSymbol(input: string): NormalizeSymbolResult {
  if (input.length > maxSymbolInputLength * 4) return reject('too-long', 'That is far too long to be a ticker symbol.');
  const trimmed = input.trim();
  const body = trimmed.startsWith('$') ? trimmed.slice(1) : trimmed;
  if (body === '') return reject('empty', 'No ticker symbol was given.');
  if (trimmed.length > maxSymbolInputLength) return reject('too-long', 'That is too long to be a ticker symbol.');
  if (!allowedCharacters.test(body)) {
    return reject(
      'invalid-characters',
      'A ticker symbol may contain only the letters A–Z, with an optional share class such as BRK.B.',
    );
  }
  const match = symbolPattern.exec(body);
  const root = match?.[1];
  if (root === undefined) {
    const rootLength = /^[A-Za-z]*/.exec(body)?.[0].length ?? 0;
    if (rootLength > 5) return reject('too-long', 'A US ticker symbol has at most 5 letters (plus an optional share class).');
    return reject('invalid-format', 'Write a ticker as 1–5 letters with an optional one-letter share class, e.g. AAPL or BRK.B.');
  }
  const shareClass = match?.[2];
  const symbol = shareClass === undefined ? root.toUpperCase() : `${root.toUpperCase()}.${shareClass.toUpperCase()}`;
  return { ok: true, symbol };
}

function reject(reason: SymbolRejection, message: string): NormalizeSymbolResult {
  return { ok: false, reason, message };
}
