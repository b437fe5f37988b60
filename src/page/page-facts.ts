/** The message a registered detection script sends after a page load. */
export const PAGE_FACTS_MESSAGE = 'clera-page-facts';

/** Characters of page text scanned for cashtags. */
export const maxScannedText = 20_000;
const maxJsonLdChars = 50_000;
const maxJsonLdScripts = 8;

/**
 * What the detection script reads from a page: the URL, the titles, the ticker symbols named in JSON-LD, and a bounded
 * slice of visible text for cashtags. Everything is a short string, so the facts are cheap to send and to check; the
 * page is hostile and its values are only ever scanned, never obeyed.
 */
export interface PageFacts {
  url: string;
  title: string;
  ogTitle: string;
  /** `tickerSymbol` values from JSON-LD, with the `name` of the same object. */
  tickers: { symbol: string; name?: string }[];
  /** The start of the page's text, for `$CASHTAG`s. */
  text: string;
}

/** The subset of the DOM the reader uses (a real document in the page, linkedom in tests). */
export type PageDocument = Pick<Document, 'title' | 'querySelector' | 'querySelectorAll' | 'body'>;

/** Reads the page's facts. Never throws: a broken or hostile page yields empty fields. */
export function readPageFacts(document: PageDocument, url: string): PageFacts {
  return {
    url: url.slice(0, 2_000),
    title: safely(() => oneLine(document.title), ''),
    ogTitle: safely(() => oneLine(document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? ''), ''),
    tickers: safely(() => jsonLdTickers(document), []),
    text: safely(() => visibleText(document.body, maxScannedText), ''),
  };
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function jsonLdTickers(document: PageDocument): PageFacts['tickers'] {
  const found: PageFacts['tickers'] = [];
  const scripts = [...document.querySelectorAll('script[type="application/ld+json"]')].slice(0, maxJsonLdScripts);
  for (const script of scripts) {
    const source = script.textContent;
    if (!source || source.length > maxJsonLdChars) continue;
    let value: unknown;
    try {
      // The content script stays free of zod (it runs on every page load of the listed sites); the value is only
      // walked as `unknown`, and the background validates the facts with pageFactsSchema when they arrive.
      // eslint-disable-next-line no-restricted-syntax -- see above
      value = JSON.parse(source);
    } catch {
      continue;
    }
    collectTickers(value, found, 0);
    if (found.length >= 10) break;
  }
  return found.slice(0, 10);
}

function collectTickers(value: unknown, found: PageFacts['tickers'], depth: number): void {
  if (depth > 5 || found.length >= 10 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) collectTickers(item, found, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  const symbols = [record.tickerSymbol, record.tickersymbol].flat().filter((item): item is string => typeof item === 'string');
  const name = typeof record.name === 'string' ? oneLine(record.name).slice(0, 200) : undefined;
  for (const symbol of symbols.slice(0, 5)) found.push({ symbol: oneLine(symbol).slice(0, 40), ...(name ? { name } : {}) });
  for (const key of ['@graph', 'mainEntity', 'about', 'itemListElement', 'item', 'issuedBy', 'provider']) collectTickers(record[key], found, depth + 1);
}

const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME']);

/** Text of the body's text nodes in document order, up to `limit` characters, skipping scripts and styles. */
function visibleText(body: Element | null, limit: number): string {
  if (!body) return '';
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [body];
  // An explicit stack: no recursion limit for deep pages, and an early stop once enough text is read.
  while (stack.length > 0 && length < limit) {
    const node = stack.pop();
    if (!node) break;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (value.trim() !== '') {
        parts.push(value);
        length += value.length + 1;
      }
      continue;
    }
    if (node.nodeType !== 1 || skipped.has((node as Element).tagName.toUpperCase())) continue;
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child) stack.push(child);
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ').slice(0, limit);
}
