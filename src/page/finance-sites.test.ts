import { describe, expect, it } from 'vitest';
import { financeOrigins, financeSites, symbolFromUrl } from './finance-sites';
import { pageAnalyzeText } from './page-analyze-text';

/** The site table: sample URLs of each listed site and the ticker they name (null: the URL names none). */
const table: readonly { site: string; url: string; symbol: string | null }[] = [
  { site: 'Yahoo Finance', url: 'https://finance.yahoo.com/quote/AAPL/', symbol: 'AAPL' },
  { site: 'Yahoo Finance', url: 'https://finance.yahoo.com/quote/BRK-B/news/', symbol: 'BRK.B' },
  { site: 'Yahoo Finance', url: 'https://uk.finance.yahoo.com/quote/MSFT?p=MSFT', symbol: 'MSFT' },
  { site: 'Yahoo Finance', url: 'https://finance.yahoo.com/news/markets-rally-123.html', symbol: null },
  { site: 'Google Finance', url: 'https://www.google.com/finance/quote/AAPL:NASDAQ', symbol: 'AAPL' },
  { site: 'Google Finance', url: 'https://www.google.com/finance/quote/BRK.B:NYSE?hl=en', symbol: 'BRK.B' },
  { site: 'Google Finance', url: 'https://www.google.com/search?q=AAPL', symbol: null },
  { site: 'TradingView', url: 'https://www.tradingview.com/symbols/NASDAQ-NVDA/', symbol: 'NVDA' },
  { site: 'TradingView', url: 'https://www.tradingview.com/chart/?symbol=NYSE%3AJPM', symbol: 'JPM' },
  { site: 'Seeking Alpha', url: 'https://seekingalpha.com/symbol/TSLA', symbol: 'TSLA' },
  { site: 'Seeking Alpha', url: 'https://seekingalpha.com/symbol/AMD/earnings', symbol: 'AMD' },
  { site: 'Seeking Alpha', url: 'https://seekingalpha.com/article/4700000-some-thesis', symbol: null },
  { site: 'MarketWatch', url: 'https://www.marketwatch.com/investing/stock/aapl', symbol: 'AAPL' },
  { site: 'MarketWatch', url: 'https://www.marketwatch.com/investing/fund/spy?mod=search', symbol: 'SPY' },
  { site: 'CNBC', url: 'https://www.cnbc.com/quotes/NFLX', symbol: 'NFLX' },
  { site: 'CNBC', url: 'https://www.cnbc.com/2026/12/04/stocks-today.html', symbol: null },
  { site: 'Nasdaq', url: 'https://www.nasdaq.com/market-activity/stocks/cost', symbol: 'COST' },
  { site: 'Nasdaq', url: 'https://www.nasdaq.com/market-activity/etf/qqq/after-hours', symbol: 'QQQ' },
  { site: 'Morningstar', url: 'https://www.morningstar.com/stocks/xnas/aapl/quote', symbol: 'AAPL' },
  { site: 'Morningstar', url: 'https://www.morningstar.com/etfs/arcx/voo/quote', symbol: 'VOO' },
  { site: 'Morningstar', url: 'https://www.morningstar.com/markets', symbol: null },
  { site: 'Bloomberg', url: 'https://www.bloomberg.com/quote/AAPL:US', symbol: 'AAPL' },
  { site: 'Reuters', url: 'https://www.reuters.com/markets/companies/AAPL.O/', symbol: 'AAPL' },
  { site: 'Reuters', url: 'https://www.reuters.com/markets/companies/BRKb.N', symbol: 'BRK.B' },
  { site: 'Reuters', url: 'https://www.reuters.com/markets/us/', symbol: null },
  { site: 'Robinhood', url: 'https://robinhood.com/stocks/PLTR', symbol: 'PLTR' },
  { site: 'Finviz', url: 'https://finviz.com/quote.ashx?t=GME&p=d', symbol: 'GME' },
  { site: 'Finviz', url: 'https://finviz.com/screener.ashx?t=GME', symbol: null },
  { site: 'Investing.com', url: 'https://www.investing.com/equities/apple-computer-inc', symbol: null },
  { site: 'Stocktwits', url: 'https://stocktwits.com/symbol/META', symbol: 'META' },
  { site: 'Stocktwits', url: 'https://stocktwits.com/sentiment/most-active', symbol: null },
];

describe('symbolFromUrl', () => {
  it.each(table)('$site: $url names $symbol', ({ site, url, symbol }) => {
    const result = symbolFromUrl(url);
    expect(result?.symbol ?? null).toBe(symbol);
    if (symbol !== null) expect(result?.site).toBe(site);
  });

  it.each([
    'https://example.com/quote/AAPL',
    'https://finance.yahoo.com.evil.example/quote/AAPL',
    'javascript:alert(1)//finance.yahoo.com/quote/AAPL',
    'not a url',
    'https://finance.yahoo.com/quote/%E0%A4%A',
    'https://finance.yahoo.com/quote/TOOLONGSYMBOL',
  ])('names no ticker for %s', (url) => {
    expect(symbolFromUrl(url)).toBeNull();
  });
});

describe('finance sites', () => {
  it('cover every site the product promises, each with sample URLs in the table', () => {
    const promised = ['Yahoo Finance', 'Google Finance', 'TradingView', 'Seeking Alpha', 'MarketWatch', 'CNBC', 'Nasdaq', 'Morningstar', 'Bloomberg', 'Reuters', 'Robinhood', 'Finviz', 'Investing.com', 'Stocktwits'];
    expect(financeSites.map((site) => site.name).sort()).toEqual([...promised].sort());
    for (const name of promised) expect(table.some((row) => row.site === name)).toBe(true);
  });

  it('ask only for https origins of the listed sites', () => {
    for (const origin of financeOrigins) expect(origin).toMatch(/^https:\/\/(\*\.)?[a-z.]+\.[a-z]+\/[a-z/]*\*$/);
  });
});

describe('pageAnalyzeText', () => {
  it.each([
    { page: { title: 'Apple Inc. (AAPL) Stock Price', url: 'https://127.0.0.1:8080/q' }, text: 'Apple Inc. (AAPL) Stock Price' },
    { page: { title: 'Stock market news', url: 'https://finance.yahoo.com/quote/NVDA/' }, text: '$NVDA Stock market news' },
    { page: { url: 'https://www.cnbc.com/quotes/NFLX' }, text: '$NFLX' },
    { page: {}, text: '' },
  ])('reads $page as "$text"', ({ page, text }) => {
    expect(pageAnalyzeText(page)).toBe(text);
  });
});
