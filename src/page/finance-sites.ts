import { normalizeSymbol } from '../finance/symbols';

/**
 * The finance sites whose pages Clera can read once the user opts in (optional host permissions). Each site says
 * where its quote pages keep the ticker in the URL; a site whose URLs carry a slug instead (Investing.com) has no
 * pattern and relies on the page's metadata.
 */
export interface FinanceSite {
  name: string;
  /** Host names, compared exactly or as a parent domain (`finance.yahoo.com` matches `uk.finance.yahoo.com`). */
  hosts: readonly string[];
  /** Match patterns for `optional_host_permissions` and the registered content script. */
  origins: readonly string[];
  /** The raw symbol in the URL, or null when this URL is not a quote page. */
  symbolFrom?: (url: URL) => string | null;
}

const segment = (url: URL, index: number): string | null => url.pathname.split('/').filter(Boolean)[index] ?? null;

/** The path's segment right after `marker` (`/quote/AAPL/news` → `AAPL`). */
function after(url: URL, ...markers: string[]): string | null {
  const parts = url.pathname.split('/').filter(Boolean);
  for (let index = 0; index + markers.length < parts.length; index += 1) {
    if (markers.every((marker, offset) => parts[index + offset]?.toLowerCase() === marker)) return parts[index + markers.length] ?? null;
  }
  return null;
}

/** Drops an exchange prefix or suffix: `NASDAQ-AAPL`, `NASDAQ:AAPL`, `AAPL:NASDAQ`, `AAPL:US`, `AAPL.O` (a Reuters RIC). */
function withoutExchange(raw: string, form: 'prefix' | 'suffix'): string {
  const decoded = safeDecode(raw);
  if (form === 'prefix') return decoded.split(/[-:]/).at(-1) ?? decoded;
  return decoded.split(':')[0] ?? decoded;
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const financeSites: readonly FinanceSite[] = [
  { name: 'Yahoo Finance', hosts: ['finance.yahoo.com'], origins: ['https://finance.yahoo.com/*', 'https://*.finance.yahoo.com/*'], symbolFrom: (url) => after(url, 'quote') },
  { name: 'Google Finance', hosts: ['google.com'], origins: ['https://www.google.com/finance/*'], symbolFrom: (url) => { const raw = after(url, 'finance', 'quote'); return raw ? withoutExchange(raw, 'suffix') : null; } },
  {
    name: 'TradingView',
    hosts: ['tradingview.com'],
    origins: ['https://www.tradingview.com/*', 'https://*.tradingview.com/*'],
    symbolFrom: (url) => {
      const raw = after(url, 'symbols') ?? url.searchParams.get('symbol');
      return raw ? withoutExchange(raw, 'prefix') : null;
    },
  },
  { name: 'Seeking Alpha', hosts: ['seekingalpha.com'], origins: ['https://seekingalpha.com/*'], symbolFrom: (url) => after(url, 'symbol') },
  { name: 'MarketWatch', hosts: ['marketwatch.com'], origins: ['https://www.marketwatch.com/*'], symbolFrom: (url) => after(url, 'investing', 'stock') ?? after(url, 'investing', 'fund') },
  { name: 'CNBC', hosts: ['cnbc.com'], origins: ['https://www.cnbc.com/*'], symbolFrom: (url) => after(url, 'quotes') },
  { name: 'Nasdaq', hosts: ['nasdaq.com'], origins: ['https://www.nasdaq.com/*'], symbolFrom: (url) => after(url, 'market-activity', 'stocks') ?? after(url, 'market-activity', 'etf') },
  {
    name: 'Morningstar',
    hosts: ['morningstar.com'],
    origins: ['https://www.morningstar.com/*'],
    symbolFrom: (url) => (['stocks', 'etfs', 'funds'].includes(segment(url, 0) ?? '') ? segment(url, 2) : null),
  },
  { name: 'Bloomberg', hosts: ['bloomberg.com'], origins: ['https://www.bloomberg.com/*'], symbolFrom: (url) => { const raw = after(url, 'quote'); return raw ? withoutExchange(raw, 'suffix') : null; } },
  {
    name: 'Reuters',
    hosts: ['reuters.com'],
    origins: ['https://www.reuters.com/*'],
    symbolFrom: (url) => {
      const raw = after(url, 'markets', 'companies');
      // A Reuters instrument code ends in the exchange: AAPL.O (Nasdaq), JPM.N (NYSE), BRKb.N (class B).
      if (!raw) return null;
      const match = /^([A-Za-z]{1,5}?)([a-z])?\.[A-Z]{1,2}$/.exec(safeDecode(raw));
      if (!match) return null;
      return match[2] ? `${match[1] ?? ''}.${match[2]}` : (match[1] ?? null);
    },
  },
  { name: 'Robinhood', hosts: ['robinhood.com'], origins: ['https://robinhood.com/*'], symbolFrom: (url) => after(url, 'stocks') },
  { name: 'Finviz', hosts: ['finviz.com'], origins: ['https://finviz.com/*'], symbolFrom: (url) => (url.pathname.startsWith('/quote') ? url.searchParams.get('t') : null) },
  // Investing.com's quote URLs carry a company slug (/equities/apple-computer-inc): its metadata names the ticker.
  { name: 'Investing.com', hosts: ['investing.com'], origins: ['https://www.investing.com/*'] },
  { name: 'Stocktwits', hosts: ['stocktwits.com'], origins: ['https://stocktwits.com/*'], symbolFrom: (url) => after(url, 'symbol') },
];

/** Every origin pattern of the listed sites: what the page-detection opt-in asks for. */
export const financeOrigins: readonly string[] = financeSites.flatMap((site) => site.origins);

/** The listed site a URL belongs to, or null. */
export function siteOf(url: URL): FinanceSite | null {
  const host = url.hostname.toLowerCase();
  return financeSites.find((site) => site.hosts.some((candidate) => host === candidate || host.endsWith(`.${candidate}`))) ?? null;
}

/** The ticker a finance site's URL names (normalised, e.g. `BRK-B` → `BRK.B`), or null. */
export function symbolFromUrl(href: string): { symbol: string; site: string } | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const site = siteOf(url);
  const raw = site?.symbolFrom?.(url);
  if (!site || !raw) return null;
  const normalized = normalizeSymbol(raw);
  return normalized.ok ? { symbol: normalized.symbol, site: site.name } : null;
}
