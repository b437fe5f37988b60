/** A figure written in an answer: where it is, what kind, its value and the half-unit of the rounding it shows. */
export interface AnswerFigure {
  kind: 'money' | 'percent' | 'shares' | 'date';
  text: string;
  start: number;
  end: number;
  /** Absolute value (signs are compared loosely: "down 3.2%" and a tool's -3.2 are the same figure). */
  value: number;
  /** Half of the last unit shown: `$231.4` → 0.05, `$1.2 million` → 50,000. */
  tolerance: number;
  /** ISO date (YYYY-MM-DD), for kind 'date'. */
  isoDate?: string;
}

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?`;
const SCALES: Record<string, number> = {
  k: 1e3, K: 1e3, thousand: 1e3,
  M: 1e6, mn: 1e6, million: 1e6,
  B: 1e9, bn: 1e9, billion: 1e9,
  T: 1e12, trillion: 1e12,
};
const MONEY = new RegExp(String.raw`(?<![\w.])(?:US)?\$\s?${NUMBER}(?:\s?(k|K|thousand|M|mn|million|B|bn|billion|T|trillion)\b)?`, 'g');
const PERCENT = new RegExp(String.raw`(?<![\w.$,])${NUMBER}\s?(%|percent\b|per cent\b)`, 'g');
const SHARES = new RegExp(String.raw`(?<![\w.$,])${NUMBER}\s?(shares?\b|sh\b)`, 'gi');
const ISO_DATE = /(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED_DATE = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/g;

function numberParts(integer: string, fraction: string | undefined): { value: number; decimals: number } {
  const decimals = fraction ? fraction.length - 1 : 0;
  return { value: Number(`${integer.replaceAll(',', '')}${fraction ?? ''}`), decimals };
}

const halfUnit = (decimals: number, scale = 1) => 0.5 * 10 ** -decimals * scale;
const pad = (n: number) => String(n).padStart(2, '0');

/** Every money amount, percentage, share count and dated price reference in an answer, in order of position. */
export function extractAnswerFigures(answer: string): AnswerFigure[] {
  const figures: AnswerFigure[] = [];
  for (const match of answer.matchAll(MONEY)) {
    const { value, decimals } = numberParts(match[1] ?? '0', match[2]);
    const scale = match[3] ? (SCALES[match[3]] ?? 1) : 1;
    figures.push({ kind: 'money', text: match[0], start: match.index, end: match.index + match[0].length, value: value * scale, tolerance: halfUnit(decimals, scale) });
  }
  for (const match of answer.matchAll(PERCENT)) {
    const { value, decimals } = numberParts(match[1] ?? '0', match[2]);
    figures.push({ kind: 'percent', text: match[0], start: match.index, end: match.index + match[0].length, value, tolerance: halfUnit(decimals) });
  }
  for (const match of answer.matchAll(SHARES)) {
    const { value, decimals } = numberParts(match[1] ?? '0', match[2]);
    figures.push({ kind: 'shares', text: match[0], start: match.index, end: match.index + match[0].length, value, tolerance: halfUnit(decimals) });
  }
  for (const match of answer.matchAll(ISO_DATE)) {
    figures.push({ kind: 'date', text: match[0], start: match.index, end: match.index + match[0].length, value: 0, tolerance: 0, isoDate: match[0] });
  }
  for (const match of answer.matchAll(NAMED_DATE)) {
    const month = MONTHS.indexOf((match[1] ?? '').slice(0, 3).toLowerCase()) + 1;
    const isoDate = `${match[3] ?? ''}-${pad(month)}-${pad(Number(match[2]))}`;
    figures.push({ kind: 'date', text: match[0], start: match.index, end: match.index + match[0].length, value: 0, tolerance: 0, isoDate });
  }
  return figures.sort((a, b) => a.start - b.start);
}
