import { extractTickerCandidates } from '../finance/ticker-candidates';
import { normalizeSymbol } from '../finance/symbols';
import { symbolFromUrl } from './finance-sites';
import type { PageFacts } from './page-facts';

/** Where a candidate came from, strongest evidence first. */
export type DetectionSource = 'url' | 'json-ld' | 'open-graph' | 'title' | 'cashtag';

export interface DetectedTicker {
  symbol: string;
  source: DetectionSource;
  /** A name the page gives the company, if any (the chip prefers the broker's name). */
  name?: string;
}

/** At most this many candidates are checked against the asset list per page. */
export const maxDetectedCandidates = 5;

/**
 * The ticker candidates of a page, strongest first: the finance site's URL pattern, then the page's metadata
 * (JSON-LD `tickerSymbol`, the Open Graph title, the document title), then `$CASHTAG`s in its text. Titles are read
 * only for explicit forms (`$AAPL`, `(AAPL)`, `(NASDAQ: AAPL)`) and, when they lead with a ticker, `AAPL: …`/`AAPL Stock…`.
 * Candidates are suggestions: the caller checks each against the broker's asset list before showing one.
 */
export function detectTickers(facts: Pick<PageFacts, 'url' | 'title' | 'ogTitle' | 'tickers' | 'text'>): DetectedTicker[] {
  const found = new Map<string, DetectedTicker>();
  const add = (raw: string, source: DetectionSource, name?: string) => {
    if (found.size >= maxDetectedCandidates) return;
    const normalized = normalizeSymbol(raw);
    if (!normalized.ok || found.has(normalized.symbol)) return;
    found.set(normalized.symbol, { symbol: normalized.symbol, source, ...(name ? { name } : {}) });
  };

  const fromUrl = symbolFromUrl(facts.url);
  if (fromUrl) add(fromUrl.symbol, 'url');
  for (const ticker of facts.tickers) {
    const symbol = stripExchange(ticker.symbol);
    if (symbol) add(symbol, 'json-ld', ticker.name);
  }
  for (const [title, source] of [[facts.ogTitle, 'open-graph'], [facts.title, 'title']] as const) {
    for (const candidate of extractTickerCandidates(title, maxDetectedCandidates)) {
      if (candidate.source !== 'bare') add(candidate.symbol, source, nameBefore(title, candidate.symbol));
    }
    const leading = leadingTicker(title);
    if (leading) add(leading, source);
  }
  for (const candidate of extractTickerCandidates(facts.text, maxDetectedCandidates * 2)) {
    if (candidate.source === 'cashtag') add(candidate.symbol, 'cashtag');
  }
  return [...found.values()];
}

/** `AAPL`, `NASDAQ: AAPL`, `NYSE:JPM`, `XNAS AAPL` → the ticker part; anything else (a sentence) → null. */
function stripExchange(raw: string): string | null {
  const match = /^(?:[A-Za-z]{2,12}\s*[:\s]\s*)?([A-Za-z]{1,5}(?:[./-][A-Za-z])?)$/.exec(raw.trim());
  return match?.[1] ?? null;
}

/** "Apple Inc. (AAPL) Stock Price" → "Apple Inc."; undefined when the title does not read that way. */
function nameBefore(title: string, symbol: string): string | undefined {
  const index = title.indexOf(`(${symbol})`);
  if (index <= 0) return undefined;
  const name = title.slice(0, index).split(/[|:–—-]/).at(-1)?.trim();
  return name && name.length <= 80 ? name : undefined;
}

/** A title that starts with a ticker: "AAPL: Apple Inc. stock price", "NVDA Stock Price Today". */
function leadingTicker(title: string): string | null {
  const match = /^([A-Z]{1,5}(?:[.-][A-Z])?)(?::|\s+(?:stock|shares|quote|price|overview|chart)\b)/i.exec(title.trim());
  const token = match?.[1];
  // Only an upper-case token counts: "Apple Stock Price" must not yield "APPLE".
  return token && token === token.toUpperCase() ? token : null;
}
