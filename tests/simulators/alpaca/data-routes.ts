/** The Market Data API routes the simulator serves: stock bars, latest trades/quotes/bars, snapshots, news. */
import type { AssetProfile } from './assets.ts';
import { barSeries, parseTimeframe } from './bars.ts';
import { dataError, ok } from './http.ts';
import type { Reply, Route, RouteRequest } from './http.ts';
import { dividendFactor } from './dividends.ts';
import { newsOfDay } from './news.ts';
import type { NewsItem } from './news.ts';
import { firstPriceDate, roundPrice } from './prices.ts';
import type { BarValues } from './prices.ts';
import { barWire, latestMinuteBar, latestQuote, latestTrade, snapshot } from './quotes.ts';
import type { AlpacaSimulatorState } from './state.ts';
import { addDays, minuteMs, newYorkDate, newYorkInstant, parseQueryTime } from './time.ts';
import type { Bar, NewsArticle, Quote, Snapshot, Trade } from './wire.ts';

const symbolPattern = /^[A-Z][A-Z0-9]{0,9}([./][A-Z0-9]{1,4})?$/;

type Symbols = { ok: true; symbols: string[] } | { ok: false; reply: Reply };

/** Upper-cases and checks symbols; malformed ones give 400 "Invalid symbol(s)". */
function readSymbols(raw: string | null | undefined): Symbols {
  if (raw === null || raw === undefined || raw.trim() === '') return { ok: false, reply: dataError(400, 'missing symbols') };
  const symbols = [...new Set(raw.split(',').map((symbol) => symbol.trim().toUpperCase().replace('/', '.')))].sort();
  const malformed = symbols.filter((symbol) => !symbolPattern.test(symbol));
  if (malformed.length > 0) return { ok: false, reply: dataError(400, `Invalid symbol(s): ${malformed.join(',')}`) };
  return { ok: true, symbols };
}

const feeds = ['sip', 'iex', 'otc', 'boats', 'delayed_sip', 'overnight'];

function badFeed(query: URLSearchParams): Reply | undefined {
  const feed = query.get('feed');
  return feed === null || feeds.includes(feed) ? undefined : dataError(400, `invalid feed: ${feed}`);
}

/** What the keys' plan refuses for SIP (see SimulatorState.setSipAccess), as the live service answers it. */
function refusedSip(state: AlpacaSimulatorState, query: URLSearchParams, endMs: number): Reply | undefined {
  if (query.get('feed') !== 'sip' || state.sipAccess === 'all') return undefined;
  if (state.sipAccess === 'none') return dataError(403, 'subscription does not permit querying SIP data');
  return endMs > state.nowMs - 15 * minuteMs ? dataError(403, 'subscription does not permit querying recent SIP data') : undefined;
}

const adjustments = new Set(['raw', 'split', 'dividend', 'spin-off', 'all']);

/** `adjustment`: raw (default), split, dividend, spin-off or all, comma-combinable; true when dividends are adjusted for. */
function readAdjustment(query: URLSearchParams): { ok: true; dividends: boolean } | { ok: false; reply: Reply } {
  const parts = (query.get('adjustment') ?? 'raw').split(',').map((part) => part.trim());
  const unknown = parts.find((part) => !adjustments.has(part));
  if (unknown !== undefined) return { ok: false, reply: dataError(400, `invalid adjustment: ${unknown}`) };
  return { ok: true, dividends: parts.includes('dividend') || parts.includes('all') };
}

/** A bar scaled for the dividends paid after it (prices only; volume is not adjusted for dividends). */
function dividendAdjusted(state: AlpacaSimulatorState, profile: AssetProfile, bar: BarValues): BarValues {
  const factor = dividendFactor(profile, newYorkDate(bar.t), newYorkDate(state.nowMs));
  if (factor === 1) return bar;
  const scale = (price: number) => roundPrice(price * factor);
  return { ...bar, o: scale(bar.o), h: scale(bar.h), l: scale(bar.l), c: scale(bar.c), vw: scale(bar.vw) };
}

function encodeToken(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function decodeToken(token: string): string[] {
  return Buffer.from(token, 'base64').toString('utf8').split('|');
}

interface BarsPage {
  readonly bars: Map<string, Bar[]>;
  readonly nextPageToken: string | null;
}

/** Bars for several symbols, sorted by symbol then time; `limit` counts across symbols. */
function barsPage(state: AlpacaSimulatorState, symbols: readonly string[], query: URLSearchParams): BarsPage | Reply {
  const timeframeText = query.get('timeframe');
  if (timeframeText === null) return dataError(400, 'timeframe is required');
  const timeframe = parseTimeframe(timeframeText);
  if (!timeframe) return dataError(400, `invalid timeframe: ${timeframeText}`);
  const startText = query.get('start');
  const endText = query.get('end');
  const startMs = startText === null ? newYorkInstant(newYorkDate(state.nowMs), 0, 0) : parseQueryTime(startText);
  const endMs = endText === null ? state.nowMs : parseQueryTime(endText, true);
  if (startMs === undefined) return dataError(400, `Invalid format for parameter start: ${startText ?? ''}`);
  if (endMs === undefined) return dataError(400, `Invalid format for parameter end: ${endText ?? ''}`);
  if (endMs < startMs) return dataError(400, 'end should not be before start');
  const limit = Number(query.get('limit') ?? 1000);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) return dataError(400, 'invalid limit: must be between 1 and 10000');
  const sort = query.get('sort') ?? 'asc';
  if (sort !== 'asc' && sort !== 'desc') return dataError(400, `invalid sort: ${sort}`);
  const feedError = badFeed(query);
  if (feedError) return feedError;
  const adjustment = readAdjustment(query);
  if (!adjustment.ok) return adjustment.reply;
  const sipError = refusedSip(state, query, endText === null ? state.nowMs : endMs);
  if (sipError) return sipError;

  let resume: { symbol: string; ms: number } | undefined;
  const token = query.get('page_token');
  if (token !== null) {
    const [symbol, ms] = decodeToken(token);
    if (symbol === undefined || !symbols.includes(symbol) || !Number.isFinite(Number(ms))) return dataError(400, 'invalid page_token');
    resume = { symbol, ms: Number(ms) };
  }

  const bars = new Map<string, Bar[]>();
  let remaining = limit;
  for (const symbol of symbols) {
    if (resume && symbol < resume.symbol) continue;
    const profile = state.assets.find(symbol);
    if (!profile) continue;
    const resuming = resume?.symbol === symbol;
    const range = {
      startMs: resuming && sort === 'asc' ? (resume?.ms ?? startMs) : startMs,
      endMs: resuming && sort === 'desc' ? (resume?.ms ?? endMs) : endMs,
      nowMs: state.nowMs,
    };
    for (const bar of barSeries(state.prices, profile, timeframe, range, sort)) {
      if (remaining === 0) return { bars, nextPageToken: encodeToken(`${symbol}|${String(bar.t)}`) };
      const list = bars.get(symbol) ?? [];
      list.push(barWire(adjustment.dividends ? dividendAdjusted(state, profile, bar) : bar));
      bars.set(symbol, list);
      remaining -= 1;
    }
  }
  return { bars, nextPageToken: null };
}

function isReply(value: BarsPage | Reply): value is Reply {
  return 'status' in value;
}

function singleBars(request: RouteRequest): Reply {
  const parsed = readSymbols(request.params.symbol);
  if (!parsed.ok) return parsed.reply;
  const symbol = parsed.symbols[0] ?? '';
  const page = barsPage(request.state, [symbol], request.query);
  if (isReply(page)) return page;
  return ok({ bars: page.bars.get(symbol) ?? [], symbol, next_page_token: page.nextPageToken });
}

function multiBars(request: RouteRequest): Reply {
  const parsed = readSymbols(request.query.get('symbols'));
  if (!parsed.ok) return parsed.reply;
  const page = barsPage(request.state, parsed.symbols, request.query);
  if (isReply(page)) return page;
  return ok({ bars: Object.fromEntries(page.bars), next_page_token: page.nextPageToken });
}

type Latest<T> = (state: AlpacaSimulatorState, profile: AssetProfile, feed: string | null) => T | undefined;

/** GET /v2/stocks/{symbol}/<kind>: 404 for a well-formed symbol the simulator does not know. */
function single<T>(field: string, build: Latest<T>) {
  return (request: RouteRequest): Reply => {
    const parsed = readSymbols(request.params.symbol);
    if (!parsed.ok) return parsed.reply;
    const feedError = badFeed(request.query);
    if (feedError) return feedError;
    const symbol = parsed.symbols[0] ?? '';
    const profile = request.state.assets.find(symbol);
    const value = profile ? build(request.state, profile, request.query.get('feed')) : undefined;
    if (value === undefined) return dataError(404, `no data found for ${symbol}`);
    return ok(field === '' ? { symbol, ...value } : { symbol, [field]: value });
  };
}

/** GET /v2/stocks/<kind>?symbols=: unknown symbols are left out of the map. */
function multi<T>(field: string | undefined, build: Latest<T>) {
  return (request: RouteRequest): Reply => {
    const parsed = readSymbols(request.query.get('symbols'));
    if (!parsed.ok) return parsed.reply;
    const feedError = badFeed(request.query);
    if (feedError) return feedError;
    const entries: [string, T][] = [];
    for (const symbol of parsed.symbols) {
      const profile = request.state.assets.find(symbol);
      const value = profile ? build(request.state, profile, request.query.get('feed')) : undefined;
      if (value !== undefined) entries.push([symbol, value]);
    }
    const map = Object.fromEntries(entries);
    return ok(field === undefined ? map : { [field]: map });
  };
}

const buildTrade: Latest<Trade> = latestTrade;
const buildQuote: Latest<Quote> = latestQuote;
const buildBar: Latest<Bar> = (state, profile) => {
  const bar = latestMinuteBar(state, profile);
  return bar ? barWire(bar) : undefined;
};
const buildSnapshot: Latest<Snapshot> = snapshot;

function decodeNewsToken(token: string): { ms: number; id: number } | undefined {
  const [ms, id] = decodeToken(token).map(Number);
  return ms !== undefined && id !== undefined && Number.isFinite(ms) && Number.isFinite(id) ? { ms, id } : undefined;
}

function news(request: RouteRequest): Reply {
  const { query, state } = request;
  const limit = Number(query.get('limit') ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) return dataError(400, 'invalid limit: must be between 1 and 50');
  const sort = query.get('sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc') return dataError(400, `invalid sort: ${sort}`);
  const startText = query.get('start');
  const endText = query.get('end');
  const startMs = startText === null ? newYorkInstant(firstPriceDate, 0, 0) : parseQueryTime(startText);
  const endMs = endText === null ? state.nowMs : parseQueryTime(endText, true);
  if (startMs === undefined) return dataError(400, `Invalid format for parameter start: ${startText ?? ''}`);
  if (endMs === undefined) return dataError(400, `Invalid format for parameter end: ${endText ?? ''}`);
  const symbolsText = query.get('symbols');
  let symbols: string[] | undefined;
  if (symbolsText !== null && symbolsText.trim() !== '') {
    const parsed = readSymbols(symbolsText);
    if (!parsed.ok) return parsed.reply;
    symbols = parsed.symbols.filter((symbol) => state.assets.find(symbol));
    if (symbols.length === 0) return ok({ news: [], next_page_token: null });
  }
  const tokenText = query.get('page_token');
  const token = tokenText === null ? undefined : decodeNewsToken(tokenText);
  if (tokenText !== null && !token) return dataError(400, 'invalid page_token');

  const lastMs = Math.min(endMs, state.nowMs);
  const firstDate = newYorkDate(Math.max(startMs, newYorkInstant(firstPriceDate, 0, 0)));
  const lastDate = newYorkDate(lastMs);
  const after = (item: NewsItem): boolean => {
    if (!token) return true;
    const order = item.ms - token.ms || item.id - token.id;
    return sort === 'asc' ? order > 0 : order < 0;
  };
  const found: NewsItem[] = [];
  for (let date = sort === 'asc' ? firstDate : lastDate; sort === 'asc' ? date <= lastDate : date >= firstDate; date = addDays(date, sort === 'asc' ? 1 : -1)) {
    const items = newsOfDay(state, date, state.seed).filter(
      (item) => item.ms >= startMs && item.ms <= lastMs && after(item) && (!symbols || item.symbols.some((symbol) => symbols.includes(symbol))),
    );
    if (sort === 'desc') items.reverse();
    found.push(...items);
    if (found.length > limit) break;
  }
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const articles: NewsArticle[] = page.map((item) => item.article);
  return ok({ news: articles, next_page_token: found.length > limit && last ? encodeToken(`${String(last.ms)}|${String(last.id)}`) : null });
}

export const dataRoutes: readonly Route[] = [
  { server: 'data', method: 'GET', template: '/v2/stocks/bars', handler: multiBars },
  { server: 'data', method: 'GET', template: '/v2/stocks/{symbol}/bars', handler: singleBars },
  { server: 'data', method: 'GET', template: '/v2/stocks/bars/latest', handler: multi('bars', buildBar) },
  { server: 'data', method: 'GET', template: '/v2/stocks/{symbol}/bars/latest', handler: single('bar', buildBar) },
  { server: 'data', method: 'GET', template: '/v2/stocks/trades/latest', handler: multi('trades', buildTrade) },
  { server: 'data', method: 'GET', template: '/v2/stocks/{symbol}/trades/latest', handler: single('trade', buildTrade) },
  { server: 'data', method: 'GET', template: '/v2/stocks/quotes/latest', handler: multi('quotes', buildQuote) },
  { server: 'data', method: 'GET', template: '/v2/stocks/{symbol}/quotes/latest', handler: single('quote', buildQuote) },
  { server: 'data', method: 'GET', template: '/v2/stocks/snapshots', handler: multi(undefined, buildSnapshot) },
  { server: 'data', method: 'GET', template: '/v2/stocks/{symbol}/snapshot', handler: single('', buildSnapshot) },
  { server: 'data', method: 'GET', template: '/v1beta1/news', handler: news },
];
