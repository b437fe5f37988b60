import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import { upstreamError } from '../../protocol/errors';
import { unwrap, type AlpacaClients } from './alpaca';
import { readResponse, type AlpacaCall } from './response';

export type BarTimeframe = '1Hour' | '1Day' | '1Week';

export const barSchema = z.object({
  t: z.string(),
  o: z.number(),
  h: z.number(),
  l: z.number(),
  c: z.number(),
  v: z.number(),
});
export type Bar = z.infer<typeof barSchema>;

const barsPageSchema = z.object({
  bars: z.array(barSchema).nullish(),
  next_page_token: z.string().nullish(),
});

/** Bars Alpaca returns per request at most (its own default page size). */
export const barsPageSize = 1000;
/** A safety stop against a server that keeps answering with a next page. */
const maxPages = 50;

export interface BarsRequest {
  symbol: string;
  timeframe: BarTimeframe;
  /** RFC 3339 instants (see easternDayBounds). */
  start: string;
  end: string;
  /** The most bars wanted; when more exist, `capped` is true. */
  maxBars: number;
  /** asc: the earliest maxBars; desc: the latest maxBars (returned in ascending order either way). */
  keep: 'earliest' | 'latest';
  /** split (default): prices as traded, split-adjusted. all: also dividend-adjusted, so returns are total returns. */
  adjustment?: BarAdjustment;
}

export type BarAdjustment = 'split' | 'all';

export interface BarsResult {
  /** Ascending by time. */
  bars: Bar[];
  /** True when more bars existed than maxBars. */
  capped: boolean;
  pages: number;
  /** The feed the bars came from: sip (consolidated, official closes) or iex (one exchange's trades). */
  feed: HistoricalFeed;
  /** Why the feed is not SIP although SIP was asked for (SIP refused by the plan), or null. */
  feedNote: string | null;
  adjustment: BarAdjustment;
}

export type HistoricalFeed = 'iex' | 'sip';

/**
 * The historical feed for the user's plan: SIP (all US exchanges) when the plan has it, IEX otherwise.
 * A delayed-SIP plan may read SIP history more than 15 minutes old, so it gets SIP with the end moved back.
 */
export function historicalFeed(feed: AlpacaClients['feed']): HistoricalFeed {
  return feed === 'iex' ? 'iex' : 'sip';
}

/** SIP data younger than this is refused on the free plan; older ranges are asked for on SIP whatever the plan. */
const recentSipMs = 15 * 60_000;

/** The latest instant the user's plan may ask bars for (delayed SIP: 16 minutes ago), as RFC 3339, or null. */
function latestAllowedEnd(context: BarsCall): string | null {
  if (context.alpaca.feed !== 'delayed_sip') return null;
  return new Date(context.clock.now().getTime() - 16 * 60_000).toISOString();
}

/** Bars need the time too: a delayed-SIP plan may not ask for the last 15 minutes. */
export type BarsCall = AlpacaCall & { clock: Clock };

/**
 * `GET /v2/stocks/{symbol}/bars`, following `next_page_token` until the range is complete or `maxBars` are in.
 * Prices are split-adjusted (and dividend-adjusted with `adjustment: 'all'`), so a split does not read as a crash.
 *
 * Feed: a range that ended more than 15 minutes ago is asked for on SIP (the consolidated tape, whose closes are the
 * official ones and which has every day a thinly traded name traded; free plans may read it at that age). If SIP is
 * refused (403 or 422), the whole range is read again from IEX and `feedNote` says so. A range reaching into the last
 * 15 minutes uses the plan's own feed.
 */
export async function readBars(context: BarsCall, request: BarsRequest): Promise<BarsResult> {
  const adjustment = request.adjustment ?? 'split';
  const allowedEnd = latestAllowedEnd(context);
  const end = allowedEnd !== null && Date.parse(allowedEnd) < Date.parse(request.end) ? allowedEnd : request.end;
  const endedLongAgo = Date.parse(end) <= context.clock.now().getTime() - recentSipMs;
  const first = await readPages(context, request, endedLongAgo ? 'sip' : historicalFeed(context.alpaca.feed), end, adjustment);
  if (first.ok) return { ...first.result, feedNote: null };
  // Only SIP is ever refused here; an IEX failure (bad keys too) throws from readPages with its own error.
  const fallback = await readPages(context, request, 'iex', end, adjustment);
  if (!fallback.ok) throw upstreamError('alpaca-feed-refused', `Alpaca refused ${request.symbol}'s bars on every feed.`);
  return { ...fallback.result, feedNote: `SIP bars were refused (HTTP ${String(first.status)}); these are IEX bars (one exchange's trades) instead.` };
}

type PagesResult = { ok: true; result: Omit<BarsResult, 'feedNote'> } | { ok: false; status: number };

/** Reads every page on one feed; a SIP request the plan refuses (403 or 422 on the first page) comes back as not ok. */
async function readPages(context: BarsCall, request: BarsRequest, feed: HistoricalFeed, end: string, adjustment: BarAdjustment): Promise<PagesResult> {
  const bars: Bar[] = [];
  let token: string | undefined;
  let pages = 0;
  let capped = false;
  for (;;) {
    if (pages >= maxPages) throw upstreamError('alpaca-pagination', `Alpaca kept paging ${request.symbol}'s bars past ${maxPages} pages.`);
    const result = await context.alpaca.data.GET('/v2/stocks/{symbol}/bars', {
      params: {
        path: { symbol: request.symbol },
        query: {
          timeframe: request.timeframe,
          start: request.start,
          end,
          limit: Math.min(barsPageSize, request.maxBars - bars.length),
          adjustment,
          feed,
          sort: request.keep === 'latest' ? 'desc' : 'asc',
          ...(token === undefined ? {} : { page_token: token }),
        },
      },
      signal: context.signal,
    });
    if (feed === 'sip' && pages === 0 && (result.response.status === 403 || result.response.status === 422)) {
      return { ok: false, status: result.response.status };
    }
    pages += 1;
    const page = readResponse(barsPageSchema, unwrap('data', result), `${request.symbol}'s price bars`);
    bars.push(...(page.bars ?? []));
    const next = page.next_page_token ?? null;
    if (next === null || next === '') break;
    if (next === token) throw upstreamError('alpaca-pagination', `Alpaca repeated a page token for ${request.symbol}'s bars.`);
    if (bars.length >= request.maxBars) {
      capped = true;
      break;
    }
    token = next;
  }
  // A server may send more than the limit asked for; never return more than maxBars.
  if (bars.length > request.maxBars) capped = true;
  const kept = bars.slice(0, request.maxBars);
  const ordered = request.keep === 'latest' ? kept.reverse() : kept;
  return { ok: true, result: { bars: ordered, capped, pages, feed, adjustment } };
}
