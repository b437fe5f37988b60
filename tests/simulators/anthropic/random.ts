/** A small seeded generator (mulberry32), so chunk boundaries are reproducible from a seed. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `text` into pieces of 1..maxPiece characters at random points; always at least two pieces when possible. */
export function splitRandomly(text: string, random: Random, maxPiece: number): string[] {
  const characters = Array.from(text);
  if (characters.length <= 1) return [text];
  const limit = Math.max(1, Math.min(maxPiece, characters.length - 1));
  const pieces: string[] = [];
  let start = 0;
  while (start < characters.length) {
    const size = 1 + Math.floor(random() * limit);
    pieces.push(characters.slice(start, start + size).join(''));
    start += size;
  }
  return pieces;
}
