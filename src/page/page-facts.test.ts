import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { readPageFacts } from './page-facts';
import { detectTickers } from './ticker-detection';
import { extractArticle } from './article';

const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures/pages');
const load = (name: string) => parseHTML(readFileSync(path.join(fixtures, name), 'utf8')).document;

describe('reading a page and detecting its ticker', () => {
  it.each([
    { page: 'investing-quote.html', url: 'https://www.investing.com/equities/apple-computer-inc', first: { symbol: 'AAPL', source: 'json-ld', name: 'Apple Inc' } },
    { page: 'quote-title-only.html', url: 'https://www.example.com/q/nvidia', first: { symbol: 'NVDA', source: 'title' } },
    { page: 'article-cashtags.html', url: 'https://news.example/chips', first: { symbol: 'NVDA', source: 'cashtag' } },
    { page: 'investing-quote.html', url: 'https://finance.yahoo.com/quote/MSFT/', first: { symbol: 'MSFT', source: 'url' } },
  ])('$page at $url leads with $first.symbol from $first.source', ({ page, url, first }) => {
    const candidates = detectTickers(readPageFacts(load(page), url));
    expect(candidates[0]).toEqual(first);
  });

  it('reads cashtags from the text in order but none from scripts', () => {
    const facts = readPageFacts(load('article-cashtags.html'), 'https://news.example/chips');
    expect(detectTickers(facts).map((c) => c.symbol)).toEqual(['NVDA', 'AMD']);
    const quote = readPageFacts(load('quote-title-only.html'), 'https://www.example.com/q/nvidia');
    expect(quote.text).not.toContain('FAKE');
  });

  it('survives a hostile page: broken JSON-LD is skipped and instructions never become a ticker', () => {
    const facts = readPageFacts(load('hostile.html'), 'https://evil.example/');
    const symbols = detectTickers(facts).map((c) => c.symbol);
    expect(symbols[0]).toBe('TSLA');
    expect(symbols).toContain('GME');
    expect(symbols.every((s) => /^[A-Z]{1,5}(\.[A-Z])?$/.test(s))).toBe(true);
  });

  it('gives empty facts instead of throwing when the document misbehaves', () => {
    const broken = {
      get title(): string { throw new Error('boom'); },
      querySelector: () => { throw new Error('boom'); },
      querySelectorAll: () => { throw new Error('boom'); },
      body: null,
    } as unknown as Document;
    expect(readPageFacts(broken, 'https://x.example/')).toEqual({ url: 'https://x.example/', title: '', ogTitle: '', tickers: [], text: '' });
  });

  it('bounds the text it scans on a very large page', () => {
    const big = parseHTML(`<html><body>${'<p>filler words here</p>'.repeat(20_000)}<p>$LATE</p></body></html>`).document;
    const facts = readPageFacts(big, 'https://x.example/');
    expect(facts.text.length).toBeLessThanOrEqual(20_000);
    expect(detectTickers(facts)).toEqual([]);
  });
});

describe('extractArticle', () => {
  it('keeps the article body and drops navigation, asides and footers', () => {
    const article = extractArticle(load('article-cashtags.html'), 'https://news.example/chips');
    expect(article.title).toBe('Chip makers rally as data-centre orders climb');
    expect(article.text).toContain('Shares of $NVDA and $AMD rose on Thursday');
    expect(article.text).toContain('Apple (AAPL) was little changed.');
    expect(article.text).not.toContain('Most read');
    expect(article.text).not.toContain('© Example News');
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
  });

  it('leaves the page itself untouched', () => {
    const document = load('article-cashtags.html');
    const before = document.body.innerHTML;
    extractArticle(document, 'https://news.example/chips');
    expect(document.body.innerHTML).toBe(before);
  });

  it('caps the text of a very long article', () => {
    const long = parseHTML(`<html><head><title>Long</title></head><body><article>${'<p>A sentence about markets that goes on. </p>'.repeat(2_000)}</article></body></html>`).document;
    expect(extractArticle(long, 'https://x.example/').text.length).toBeLessThanOrEqual(12_000);
  });
});
