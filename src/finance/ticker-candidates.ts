import { normalizeSymbol } from './symbols';

/**
 * Finds likely ticker symbols in text the user selected on a web page ("Analyze ticker" context menu).
 * The text is hostile: only its first `maxScannedCharacters` are read, invisible format characters are dropped,
 * and compatibility forms are folded (NFKC: full-width `ＡＡＰＬ` reads as `AAPL`). Candidates are only suggestions;
 * the caller checks them against the broker's asset list.
 */

/** Characters of the selection that are scanned; the rest is ignored. */
export const maxScannedCharacters = 5_000;

/** Default number of candidates returned. */
export const defaultCandidateLimit = 5;

/** How a candidate was found, strongest evidence first. */
export type CandidateSource = 'cashtag' | 'parenthetical' | 'bare';

export interface TickerCandidate {
  symbol: string;
  source: CandidateSource;
}

/**
 * Upper-case words that are common in financial prose but are (almost always) not what the reader means as a ticker.
 * Applied to parenthetical and bare matches only: an explicit cashtag (`$AI`, `$A`) is always kept.
 */
export const notTickers: ReadonlySet<string> = new Set([
  'A', 'I', 'AN', 'AS', 'AT', 'BE', 'BY', 'DO', 'GO', 'IF', 'IN', 'IS', 'IT', 'MY', 'NO', 'OF', 'OK', 'ON', 'OR', 'SO',
  'TO', 'UP', 'US', 'WE', 'AM', 'PM', 'ET', 'PT', 'TV', 'UK', 'EU', 'AI', 'PE', 'EV', 'HR', 'IR', 'PR', 'QA', 'VP',
  'THE', 'AND', 'FOR', 'BUT', 'NOT', 'ALL', 'ANY', 'ARE', 'NEW', 'NOW', 'OUT', 'TOP', 'BIG', 'YES', 'USA', 'CEO',
  'CFO', 'COO', 'CTO', 'USD', 'EUR', 'GBP', 'JPY', 'ETF', 'IPO', 'EPS', 'GDP', 'CPI', 'PPI', 'SEC', 'FED', 'IRS',
  'API', 'FAQ', 'PDF', 'LLC', 'INC', 'LTD', 'PLC', 'YOY', 'QOQ', 'YTD', 'TTM', 'ATH', 'ROI', 'ROE', 'ESG', 'IRA',
  'OTC', 'EST', 'EDT', 'PST', 'UTC', 'NYSE', 'AMEX', 'CORP', 'FOMC', 'NOTE', 'NEWS', 'EBIT', 'SPAC', 'REIT', 'ADR',
]);

/** Exchange prefixes accepted inside parentheses, compared upper-case with spaces removed: `(NASDAQ: AAPL)`. */
const exchangePrefixes: ReadonlySet<string> = new Set([
  'NASDAQ', 'NASDAQGS', 'NASDAQGM', 'NASDAQCM', 'NYSE', 'NYSEARCA', 'NYSEAMERICAN', 'NYSEMKT', 'ARCA', 'AMEX',
  'BATS', 'CBOE', 'CBOEBZX', 'OTC', 'OTCMKTS', 'OTCQX', 'OTCQB',
]);

const cashtagPattern = /(?<![\p{L}\p{N}_$])\$([A-Za-z]{1,5}(?:[./][A-Za-z])?)(?![\p{L}\p{N}_]|[./][\p{L}\p{N}])/gu;
const parentheticalPattern = /\(\s*(?:([A-Za-z][A-Za-z ]{0,19}?)\s*:\s*)?([A-Z]{1,5}(?:[./][A-Z])?)\s*\)/gu;
const barePattern = /(?<![\p{L}\p{N}_$@&./\\-])([A-Z]{1,5}(?:[./][A-Z])?)(?![\p{L}\p{N}_@&/\\:-]|[.][\p{L}\p{N}])/gu;

/** Ranked, de-duplicated ticker candidates: cashtags, then `(TICKER)` / `(NASDAQ: TICKER)`, then bare capitals. */
export function extractTickerCandidates(text: string, limit: number = defaultCandidateLimit): TickerCandidate[] {
  const cap = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : defaultCandidateLimit;
  const scanned = clean(text);
  const found = new Map<string, TickerCandidate>();
  const add = (raw: string, source: CandidateSource): void => {
    if (found.size >= cap) return;
    const normalized = normalizeSymbol(raw);
    if (!normalized.ok || found.has(normalized.symbol)) return;
    if (source !== 'cashtag' && notTickers.has(normalized.symbol)) return;
    found.set(normalized.symbol, { symbol: normalized.symbol, source });
  };

  for (const match of scanned.matchAll(cashtagPattern)) add(match[1] ?? '', 'cashtag');
  for (const match of scanned.matchAll(parentheticalPattern)) {
    const exchange = match[1];
    if (exchange !== undefined && !exchangePrefixes.has(exchange.replace(/ /g, '').toUpperCase())) continue;
    add(match[2] ?? '', 'parenthetical');
  }
  // Parentheses were read above (a foreign listing such as "(TSX: SHOP)" deliberately not), so blank them out
  // before looking for bare capitals; a word followed by ":" is a label ("NYSE:", "NOTE:"), never a ticker.
  const outsideParentheses = scanned.replace(parentheticalPattern, (span) => ' '.repeat(span.length));
  if (!isShouting(scanned)) {
    for (const match of outsideParentheses.matchAll(barePattern)) {
      const token = match[1] ?? '';
      // "U.S." and "N/A" look like class shares; a real class share has a root of two or more letters.
      if (/^[A-Z][./]/.test(token)) continue;
      add(token, 'bare');
    }
  }
  return [...found.values()];
}

function clean(text: string): string {
  return text
    .slice(0, maxScannedCharacters)
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .slice(0, maxScannedCharacters);
}

/**
 * A shouted headline ("APPLE STOCK SOARS AFTER EARNINGS") would make every word a candidate, so bare capitals are
 * skipped when at least 20 letters are present, more than 70 % of them are upper case, and some capitalised word is
 * longer than any ticker (6+ letters). A plain list of tickers ("NVDA AMD TSLA META GOOG MSFT") is still read.
 */
function isShouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 20 && upper / letters > 0.7 && /\p{Lu}{6,}/u.test(text);
}
