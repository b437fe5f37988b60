import Decimal from 'decimal.js';
import { z } from 'zod';
import { readSnapshot } from '../clients/alpaca/snapshots';
import { easternDate } from '../finance/calendar-date';
import { percentOf, toMoney, toPct } from '../finance/money';
import { userInputError, type AppError } from '../protocol/errors';
import { defineTool, type ToolContext } from './define-tool';
import { requireAsset } from './support/assets';
import { optionalPrice, priceText } from './support/format';
import { symbolInput } from './support/symbol-input';

const input = z.object({ symbol: symbolInput });

export const getQuote = defineTool({
  name: 'get_quote',
  description:
    "Current market quote for one US stock or ETF from Alpaca's market-data snapshot: last trade price, change since the " +
    "previous close in dollars and percent, the day's open/high/low and volume, bid and ask with sizes, and timestamps. " +
    'Use it for "what is X trading at" and "how is X doing today".',
  input,
  sideEffect: 'read',
  activity: ({ symbol }) => `Fetching ${symbol}'s price…`,
  run: async ({ symbol }, context) => {
    const snapshot = await readSnapshot(context, symbol);
    // No snapshot at all (an unknown or unquoted symbol): ask the broker what the symbol is.
    if (!snapshot) throw await noDataError(context, symbol);
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

/** Unknown to Alpaca → "ZZZZ is not a symbol Alpaca knows"; known but unquoted → says so. */
async function noDataError(context: ToolContext, symbol: string): Promise<AppError> {
  const asset = await requireAsset(context, symbol);
  const name = asset.name === null ? '' : ` (${asset.name})`;
  const status = asset.active ? '' : '; it is no longer active';
  return userInputError('no-market-data', `Alpaca knows ${symbol}${name} but has no recent market data for it${status}.`, { symbol });
}
