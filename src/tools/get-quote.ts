import Decimal from 'decimal.js';
import { z } from 'zod';
import { unwrap } from '../clients/alpaca/alpaca';
import { easternDate } from '../finance/calendar-date';
import { percentOf, toMoney, toPct } from '../finance/money';
import { AppError, userInputError } from '../protocol/errors';
import { defineTool, type ToolContext } from './define-tool';
import { readResponse } from './support/alpaca-response';
import { requireAsset } from './support/assets';
import { optionalPrice, priceText } from './support/format';
import { symbolInput } from './support/symbol-input';

const barSchema = z.object({ t: z.string(), o: z.number(), h: z.number(), l: z.number(), c: z.number(), v: z.number() });
const snapshotSchema = z.object({
  latestTrade: z.object({ t: z.string(), p: z.number() }).nullish(),
  latestQuote: z.object({ t: z.string(), bp: z.number(), bs: z.number(), ap: z.number(), as: z.number() }).nullish(),
  dailyBar: barSchema.nullish(),
  prevDailyBar: barSchema.nullish(),
});
type Snapshot = z.infer<typeof snapshotSchema>;

const input = z.object({ symbol: symbolInput });

export const getQuote = defineTool({
  name: 'get_quote',
  description:
    "Current market quote for one US stock or ETF from Alpaca's market-data snapshot: last trade price, change since the " +
    "previous close in dollars and percent, the day's open/high/low and volume, bid and ask with sizes, and timestamps. " +
    'Use it for "what is X trading at" and "how is X doing today".',
  agent: 'financial_analyst',
  input,
  sideEffect: 'read',
  needsApproval: false,
  activity: ({ symbol }) => `Fetching ${symbol}'s price…`,
  run: async ({ symbol }, context) => {
    const snapshot = await fetchSnapshot(context, symbol);
    const trade = snapshot.latestTrade;
    if (!trade) throw await noDataError(context, symbol);
    const previousClose = snapshot.prevDailyBar?.c;
    const change = previousClose === undefined ? null : new Decimal(trade.p).minus(previousClose);
    const changePct = change === null || previousClose === undefined ? null : percentOf(change, previousClose);
    const day = snapshot.dailyBar;
    const quote = snapshot.latestQuote;
    return {
      symbol,
      currency: 'USD',
      price: priceText(trade.p),
      previousClose: optionalPrice(previousClose),
      change: change === null ? null : toMoney(change),
      changePct: changePct === null ? null : toPct(changePct),
      tradingDay: day ? easternDate(day.t) : null,
      previousTradingDay: snapshot.prevDailyBar ? easternDate(snapshot.prevDailyBar.t) : null,
      dayOpen: optionalPrice(day?.o),
      dayHigh: optionalPrice(day?.h),
      dayLow: optionalPrice(day?.l),
      volume: day?.v ?? null,
      bid: quote ? { price: priceText(quote.bp), size: quote.bs } : null,
      ask: quote ? { price: priceText(quote.ap), size: quote.as } : null,
      lastTradeAt: trade.t,
      quoteAt: quote?.t ?? null,
      feed: context.alpaca.feed,
      ...(context.alpaca.feed === 'iex' ? { volumeNote: 'IEX exchange volume only, a small share of all US trading.' } : {}),
      dataSource: 'Alpaca market data snapshot',
      asOf: context.clock.now().toISOString(),
    };
  },
});

async function fetchSnapshot(context: ToolContext, symbol: string): Promise<Snapshot> {
  try {
    const result = await context.alpaca.data.GET('/v2/stocks/{symbol}/snapshot', {
      params: { path: { symbol }, query: { feed: context.alpaca.feed } },
      signal: context.signal,
    });
    return readResponse(snapshotSchema, unwrap('data', result), `${symbol}'s market snapshot`);
  } catch (error) {
    // Market data answers an unknown or unquoted symbol with 404 (or 400/422): ask the broker what it is. Other
    // refusals (403: the plan does not include this feed) pass through with the broker's own words.
    if (isNotFound(error)) throw await noDataError(context, symbol);
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const status = error.details?.status;
  return error.code === 'alpaca-not-found' || (error.code === 'alpaca-rejected' && (status === 400 || status === 422));
}

/** Unknown to Alpaca → "ZZZZ is not a symbol Alpaca knows"; known but unquoted → says so. */
async function noDataError(context: ToolContext, symbol: string): Promise<AppError> {
  const asset = await requireAsset(context, symbol);
  const name = asset.name === null ? '' : ` (${asset.name})`;
  const status = asset.active ? '' : '; it is no longer active';
  return userInputError('no-market-data', `Alpaca knows ${symbol}${name} but has no recent market data for it${status}.`, { symbol });
}
