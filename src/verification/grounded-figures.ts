import { extractAnswerFigures, type AnswerFigure } from './answer-figures';
import { collectSourceValues, type SourceValues } from './source-values';

/** A figure in an answer that no tool result supports, with where it is and why it was flagged. */
export interface UngroundedFigure {
  text: string;
  start: number;
  end: number;
  reason: string;
}

export interface GroundingOptions {
  /** Plain text whose figures also count as grounded, e.g. the user's own words ("I have $1,000") or today's date. */
  context?: readonly string[];
}

/** Largest number of distinct source numbers combined pairwise (sum, difference, ratio); the rest match only directly. */
const MAX_PAIRED = 300;

/**
 * Within the rounding the answer shows: `$231.4` matches 231.35…231.45. Binary floating error (about 1e-12 relative)
 * is far below the smallest unit an answer shows, so plain numbers are compared with a tiny relative slack.
 */
const near = (candidate: number, figure: AnswerFigure) =>
  Math.abs(candidate - figure.value) <= figure.tolerance + 1e-9 * Math.max(1, Math.abs(figure.value));

function anyPair(numbers: readonly number[], test: (a: number, b: number) => boolean): boolean {
  const pool = numbers.length > MAX_PAIRED ? numbers.slice(0, MAX_PAIRED) : numbers;
  for (const a of pool) for (const b of pool) if (a !== b && test(a, b)) return true;
  return false;
}

/** How a figure is supported, or null when nothing supports it. */
function support(figure: AnswerFigure, values: SourceValues): string | null {
  const { numbers } = values;
  switch (figure.kind) {
    case 'date':
      return figure.isoDate !== undefined && values.dates.has(figure.isoDate) ? 'date' : null;
    case 'shares':
      return numbers.some((n) => near(n, figure)) ? 'direct' : null;
    case 'money':
      if (numbers.some((n) => near(n, figure))) return 'direct';
      if (anyPair(numbers, (a, b) => near(a + b, figure))) return 'sum';
      if (anyPair(numbers, (a, b) => near(Math.abs(a - b), figure))) return 'difference';
      return null;
    case 'percent':
      if (numbers.some((n) => near(n, figure))) return 'direct';
      if (numbers.some((n) => n <= 1 && near(n * 100, figure))) return 'fraction';
      if (anyPair(numbers, (a, b) => b !== 0 && near((a / b) * 100, figure))) return 'percentage of two results';
      if (anyPair(numbers, (a, b) => b !== 0 && near((Math.abs(a - b) / b) * 100, figure))) return 'percentage change';
      return null;
  }
}

function reasonFor(figure: AnswerFigure): string {
  switch (figure.kind) {
    case 'date':
      return `no tool result mentions the date ${figure.isoDate ?? figure.text}`;
    case 'shares':
      return `no tool result has a share count of ${figure.value} (within ±${figure.tolerance})`;
    case 'money':
      return `no tool result, sum or difference of two results equals ${figure.text} (within ±${figure.tolerance})`;
    case 'percent':
      return `no tool result, ratio or change of two results gives ${figure.text} (within ±${figure.tolerance})`;
  }
}

/**
 * The money amounts, percentages, share counts and dates in `answerText` that the turn's tool results do not support:
 * equal within the rounding shown, or one simple derivation of two results (sum or difference for money; ratio or
 * change as a percentage). `toolResultJsonStrings` are the tool results as the model received them (JSON or text).
 */
export function findUngroundedFigures(answerText: string, toolResultJsonStrings: readonly string[], options: GroundingOptions = {}): UngroundedFigure[] {
  const figures = extractAnswerFigures(answerText);
  if (figures.length === 0) return [];
  const values = collectSourceValues(toolResultJsonStrings, options.context ?? []);
  return figures
    .filter((figure) => support(figure, values) === null)
    .map((figure) => ({ text: figure.text, start: figure.start, end: figure.end, reason: reasonFor(figure) }));
}
