import Decimal from 'decimal.js';
import { readAccount, type Account } from '../clients/alpaca/account';
import type { AlpacaClients } from '../clients/alpaca/alpaca';
import { readAsset } from '../clients/alpaca/assets';
import { readMarketClock } from '../clients/alpaca/calendar';
import { readPosition } from '../clients/alpaca/positions';
import type { AlpacaCall } from '../clients/alpaca/response';
import { readSnapshot } from '../clients/alpaca/snapshots';
import { AppError } from '../protocol/errors';
import type { TradingLimits, TradingMode } from '../protocol/settings';
import { checkTradingConfiguration } from './configuration';
import type { RuleFacts } from './rules';

const noQuote = (symbol: string) => new AppError({ kind: 'upstream', code: 'no-quote', message: `There is no recent price for ${symbol}.`, retryable: true });

/** A quote price the rules can use: the last trade; bid/ask only when the book is live (0 means none). */
export async function readQuote(call: AlpacaCall, symbol: string): Promise<RuleFacts['quote']> {
  const snapshot = await readSnapshot(call, symbol);
  const trade = snapshot?.latestTrade;
  if (!trade) throw noQuote(symbol);
  const side = (value: number | undefined) => (value !== undefined && value > 0 ? new Decimal(value).toString() : null);
  return { last: new Decimal(trade.p).toString(), bid: side(snapshot.latestQuote?.bp), ask: side(snapshot.latestQuote?.ap), at: trade.t };
}

function accountFacts(account: Account): RuleFacts['account'] {
  // Alpaca always sends buying power; without it, a buy has none to spend (the rule then blocks).
  return { cash: account.cash, buyingPower: account.buying_power ?? '0', equity: account.equity };
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
  /** Saved settings that did not validate, and where orders go: with the account, they decide the real mode. */
  configuration: { invalid: readonly string[]; tradingBaseUrl: string };
}): Promise<RuleFacts> {
  const call: AlpacaCall = { alpaca: input.alpaca, signal: input.signal };
  const settledWith = (account: Account) => {
    const checked = checkTradingConfiguration({ settingsMode: input.mode, ...input.configuration, accountNumber: account.account_number });
    return { today: input.today, limits: input.limits, mode: checked.mode, liveConfirmed: input.liveConfirmed, configurationProblems: checked.problems };
  };
  const asset = await readAsset(call, input.symbol);
  if (!asset) {
    // Without an asset there is no quote to read: the asset rule blocks and the estimate shows zeros.
    const account = await readAccount(call);
    const market = await readMarketClock(call);
    return { asset: null, quote: { last: '0', bid: null, ask: null, at: new Date(0).toISOString() }, account: accountFacts(account), position: null, market, ...settledWith(account) };
  }
  const [quote, account, position, market] = await Promise.all([readQuote(call, asset.symbol), readAccount(call), readPosition(call, asset.symbol), readMarketClock(call)]);
  return {
    asset: { symbol: asset.symbol, tradable: asset.tradable, fractionable: asset.fractionable, status: asset.status ?? 'unknown', ...(asset.name ? { name: asset.name } : {}) },
    quote,
    account: accountFacts(account),
    position:
      position && position.side !== 'short'
        ? { qty: position.qty, marketValue: position.market_value, ...(position.qty_available ? { qtyAvailable: position.qty_available } : {}) }
        : null,
    market,
    ...settledWith(account),
  };
}
