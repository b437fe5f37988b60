import type { Judge, JudgeMaterial, JudgeResult } from './judge';
import type { Preference } from './verdict';

/** A 32-bit hash of a string (FNV-1a), to seed the order of one comparison. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Whether answer A is shown first for this key: a coin flip that is the same for the same seed and key. */
export function showAFirst(seed: number, key: string): boolean {
  // One step of mulberry32 on the seeded hash.
  let t = (hash(`${seed}:${key}`) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) % 2 === 0;
}

export interface PairwiseOutcome {
  key: string;
  shownFirst: 'A' | 'B';
  /** The judge's choice mapped back to the variants; null on a judge error. */
  winner: 'A' | 'B' | 'tie' | null;
  reason: string;
  result: JudgeResult<Preference>;
}

/** Compares answers A and B in a seeded random order (to cancel position bias) and maps the verdict back. */
export async function comparePair(judge: Judge, material: JudgeMaterial, answerA: string, answerB: string, seed: number, key: string): Promise<PairwiseOutcome> {
  const aFirst = showAFirst(seed, key);
  const result = await judge.prefer(material, aFirst ? answerA : answerB, aFirst ? answerB : answerA);
  if (!result.ok) return { key, shownFirst: aFirst ? 'A' : 'B', winner: null, reason: result.error, result };
  const { winner, reason } = result.value;
  const mapped = winner === 'tie' ? 'tie' : (winner === 'first') === aFirst ? 'A' : 'B';
  return { key, shownFirst: aFirst ? 'A' : 'B', winner: mapped, reason, result };
}
