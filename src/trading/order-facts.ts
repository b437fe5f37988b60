import { z } from 'zod';
import Decimal from 'decimal.js';
import { unwrap, type AlpacaClients } from '../clients/alpaca/alpaca';
import { AppError } from '../protocol/errors';
import type { TradingLimits, TradingMode } from '../protocol/settings';
import { readResponse } from '../tools/support/alpaca-response';
import type { RuleFacts } from './rules';

const assetSchema = z.object({ symbol: z.string(), name: z.string().nullish(), status: z.string(), tradable: z.boolean(), fractionable: z.boolean().nullish() });
const snapshotSchema = z.object({
  latestTrade: z.object({ t: z.string(), p: z.number() }).nullish(),
  latestQuote: z.object({ t: z.string(), bp: z.number(), ap: z.number() }).nullish(),
});
const accountSchema = z.object({ cash: z.string(), buying_power: z.string(), equity: z.string() });
const positionSchema = z.object({ qty: z.string(), market_value: z.string().nullish(), side: z.string().nullish() });
const clockSchema = z.object({ is_open: z.boolean(), next_open: z.string(), next_close: z.string() });

const notFound = (error: unknown) => error instanceof AppError && error.code === 'alpaca-not-found';

/** A quote price the rules can use: the last trade; bid/ask only when the book is live (0 means none). */
export async function readQuote(alpaca: AlpacaClients, symbol: string, signal: AbortSignal): Promise<RuleFacts['quote']> {
  const snapshot = readResponse(
    snapshotSchema,
    unwrap('data', await alpaca.data.GET('/v2/stocks/{symbol}/snapshot', { params: { path: { symbol }, query: { feed: alpaca.feed } }, signal })),
    'a market snapshot',
  );
  const trade = snapshot.latestTrade;
  if (!trade) throw new AppError({ kind: 'upstream', code: 'no-quote', message: `There is no recent price for ${symbol}.`, retryable: true });
  const side = (value: number | undefined) => (value !== undefined && value > 0 ? new Decimal(value).toString() : null);
  return { last: new Decimal(trade.p).toString(), bid: side(snapshot.latestQuote?.bp), ask: side(snapshot.latestQuote?.ap), at: trade.t };
}

/** Everything the pre-trade rules look at, read fresh from the broker. */
export async function gatherFacts(input: {
  alpaca: AlpacaClients;
  symbol: string;
  signal: AbortSignal;
  limits: TradingLimits;
  mode: TradingMode;
  liveConfirmed: boolean;
  today: RuleFacts['today'];
}): Promise<RuleFacts> {
  const { alpaca, symbol, signal } = input;
  const asset = await alpaca.trading
    .GET('/v2/assets/{symbol_or_asset_id}', { params: { path: { symbol_or_asset_id: symbol } }, signal })
    .then((result) => readResponse(assetSchema, unwrap('trading', result), 'an asset record'))
    .catch((error: unknown) => {
      if (notFound(error)) return null;
      throw error;
    });
  if (!asset) {
    // Without an asset there is no quote to read: the asset rule blocks and the estimate shows zeros.
    const account = readResponse(accountSchema, unwrap('trading', await alpaca.trading.GET('/v2/account', { signal })), 'the account');
    const clock = readResponse(clockSchema, unwrap('trading', await alpaca.trading.GET('/v2/clock', { signal })), 'the market clock');
    return {
      asset: null,
      quote: { last: '0', bid: null, ask: null, at: new Date(0).toISOString() },
      account: { cash: account.cash, buyingPower: account.buying_power, equity: account.equity },
      position: null,
      market: { isOpen: clock.is_open, nextOpen: clock.next_open, nextClose: clock.next_close },
      today: input.today,
      limits: input.limits,
      mode: input.mode,
      liveConfirmed: input.liveConfirmed,
    };
  }
  const [quote, account, position, clock] = await Promise.all([
    readQuote(alpaca, asset.symbol, signal),
    alpaca.trading.GET('/v2/account', { signal }).then((result) => readResponse(accountSchema, unwrap('trading', result), 'the account')),
    alpaca.trading
      .GET('/v2/positions/{symbol_or_asset_id}', { params: { path: { symbol_or_asset_id: asset.symbol } }, signal })
      .then((result) => readResponse(positionSchema, unwrap('trading', result), 'a position'))
      .catch((error: unknown) => {
        if (notFound(error)) return null;
        throw error;
      }),
    alpaca.trading.GET('/v2/clock', { signal }).then((result) => readResponse(clockSchema, unwrap('trading', result), 'the market clock')),
  ]);
  return {
    asset: { symbol: asset.symbol, tradable: asset.tradable, fractionable: asset.fractionable ?? false, status: asset.status, ...(asset.name ? { name: asset.name } : {}) },
    quote,
    account: { cash: account.cash, buyingPower: account.buying_power, equity: account.equity },
    position: position && position.side !== 'short' ? { qty: position.qty, marketValue: position.market_value ?? '0' } : null,
    market: { isOpen: clock.is_open, nextOpen: clock.next_open, nextClose: clock.next_close },
    today: input.today,
    limits: input.limits,
    mode: input.mode,
    liveConfirmed: input.liveConfirmed,
  };
}
