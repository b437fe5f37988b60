import { describe, expect, it } from 'vitest';
import { extractTickerCandidates, maxScannedCharacters } from './ticker-candidates';

const symbols = (text: string, limit?: number): string[] => extractTickerCandidates(text, limit).map((candidate) => candidate.symbol);

describe('extractTickerCandidates', () => {
  it.each([
    ['Apple Inc. (AAPL) rose 3%', ['AAPL']],
    ['Shares of Apple (NASDAQ: AAPL) and Alphabet (NASDAQ:GOOGL) rose', ['AAPL', 'GOOGL']],
    ['Berkshire Hathaway (NYSE: BRK.B) reported', ['BRK.B']],
    ['Walmart (NYSE American: WMT)', ['WMT']], // multi-word exchange name
    ['I think $nvda is overbought', ['NVDA']], // lower-case cashtag
    ['$BRK.B and $BRK/A', ['BRK.B', 'BRK.A']],
    ['Compare NVDA with AMD today', ['NVDA', 'AMD']],
    ['NVDA AMD TSLA META GOOG MSFT', ['NVDA', 'AMD', 'TSLA', 'META', 'GOOG']], // a plain list, capped at 5
    ["IBM's results beat estimates", ['IBM']], // possessive
    ['Ｔｅｓｌａ (ＴＳＬＡ) fell', ['TSLA']], // full-width text is folded by NFKC
    ['Buy N\u200BVDA now', ['NVDA']], // an invisible zero-width space inside the word is dropped
  ])('finds the tickers in %j', (text, expected) => {
    expect(symbols(text)).toEqual(expected);
  });

  it('ranks cashtags, then parentheses, then bare capitals, whatever their order in the text', () => {
    const text = 'MSFT is up. Apple (AAPL) too. But $TSLA fell.';
    expect(extractTickerCandidates(text)).toEqual([
      { symbol: 'TSLA', source: 'cashtag' },
      { symbol: 'AAPL', source: 'parenthetical' },
      { symbol: 'MSFT', source: 'bare' },
    ]);
  });

  it('lists a ticker once, under its strongest evidence', () => {
    expect(extractTickerCandidates('AAPL beat. $AAPL up. Apple (AAPL).')).toEqual([{ symbol: 'AAPL', source: 'cashtag' }]);
  });

  it.each([
    ['The CEO said the ETF will IPO in the US and pay USD dividends', []],
    ['Artificial intelligence (AI) and the initial public offering (IPO)', []],
    ['A good year for EPS; I agree AND so does the CFO', []],
    ['Prices in the U.S. and the U.K. rose; N/A for the E.U.', []], // abbreviations are not class shares
    ['S&P 500 and COVID-19 in Q3 2024 vs 10K filings', []], // joined by &, -, digits
    ['Email INFO@ACME.COM or see https://example.com/AAPL', []], // parts of addresses
    ['NOT NOW', []],
    ['NOTE: BREAKING', []], // a label followed by a colon
    ['AND/OR', []],
  ])('ignores words that are not tickers in %j', (text, expected) => {
    expect(symbols(text)).toEqual(expected);
  });

  it('keeps a stop-listed word when it is an explicit cashtag', () => {
    expect(symbols('C3.ai trades as $AI; Agilent as $A')).toEqual(['AI', 'A']);
  });

  it('ignores parentheses with an exchange that is not a US one', () => {
    expect(symbols('Shopify (TSX: SHOP) and Vodafone (LSE: VOD)')).toEqual([]);
  });

  it('does not read every word of a shouted headline as a ticker', () => {
    expect(symbols('APPLE STOCK SOARS AFTER BLOWOUT EARNINGS')).toEqual([]);
    expect(symbols('BREAKING: APPLE (AAPL) SOARS AFTER EARNINGS, $MSFT FLAT')).toEqual(['MSFT', 'AAPL']);
  });

  it.each([
    [1, ['TSLA']],
    [2, ['TSLA', 'AAPL']],
    [0, []],
    [-1, []],
    [Number.NaN, ['TSLA', 'AAPL', 'MSFT']], // not a number: the default of 5
  ])('honours a limit of %d', (limit, expected) => {
    expect(symbols('$TSLA and Apple (AAPL) and MSFT', limit)).toEqual(expected);
  });

  it('scans only the first 5,000 characters of a long selection', () => {
    const filler = 'lorem ipsum '.repeat(Math.ceil(maxScannedCharacters / 12));
    expect(symbols(`$NVDA ${filler} $AMD`)).toEqual(['NVDA']);
  });

  it('copes with hostile text: huge input, control characters, lone surrogates, emoji, right-to-left overrides', () => {
    const hostile = `\u202E$LPAA\u202C \uD800 🚀🚀 $GME 🚀 \u0000 ${'x'.repeat(1_000_000)}`;
    const start = performance.now();
    expect(symbols(hostile)).toEqual(['LPAA', 'GME']);
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it('finds nothing in empty or lower-case text', () => {
    expect(symbols('')).toEqual([]);
    expect(symbols('apple and microsoft are up today')).toEqual([]);
  });
});
