/** GET /v2/account and the position routes. */
import { assetId } from './assets.ts';
import type { AssetProfile } from './assets.ts';
import { currentOrLastSession, previousTradingDay, session } from './calendar.ts';
import { ok, tradingError } from './http.ts';
import type { Reply } from './http.ts';
import { Decimal, cents, text } from './money.ts';
import { placeOrder } from './orders.ts';
import { equityAt } from './portfolio-history.ts';
import type { PositionRecord } from './records.ts';
import { buyingPower, reservedQty } from './reservations.ts';
import type { AlpacaSimulatorState } from './state.ts';
import { utcNanos } from './time.ts';
import type { Account, Position } from './wire.ts';

function fraction(numerator: Decimal, denominator: Decimal): string {
  return denominator.isZero() ? '0' : text(numerator.div(denominator).toDecimalPlaces(16));
}

export function positionWire(state: AlpacaSimulatorState, profile: AssetProfile, position: PositionRecord): Position {
  const current = state.currentPrice(profile);
  const lastday = state.lastdayPrice(profile);
  const marketValue = cents(position.qty.mul(current));
  const costBasis = cents(position.qty.mul(position.avgEntryPrice));
  const unrealized = marketValue.sub(costBasis);
  const lastdayValue = cents(position.qty.mul(lastday));
  const intraday = marketValue.sub(lastdayValue);
  return {
    asset_id: assetId(profile.symbol),
    symbol: profile.symbol,
    exchange: profile.exchange,
    asset_class: 'us_equity',
    asset_marginable: false,
    qty: text(position.qty),
    qty_available: text(Decimal.max(position.qty.sub(reservedQty(state, profile.symbol)), 0)),
    side: 'long',
    avg_entry_price: text(position.avgEntryPrice.toDecimalPlaces(10)),
    cost_basis: text(costBasis),
    market_value: text(marketValue),
    current_price: text(current),
    lastday_price: text(lastday),
    change_today: fraction(current.sub(lastday), lastday),
    unrealized_pl: text(unrealized),
    unrealized_plpc: fraction(unrealized, costBasis),
    unrealized_intraday_pl: text(intraday),
    unrealized_intraday_plpc: fraction(intraday, lastdayValue),
  };
}

export function listPositions(state: AlpacaSimulatorState): Reply {
  const positions = [...state.positions.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([symbol, position]) => positionWire(state, state.profile(symbol), position));
  return ok(positions);
}

const noPosition = (): Reply => tradingError(404, 40410000, 'position does not exist');

export function getPosition(state: AlpacaSimulatorState, symbolOrId: string): Reply {
  const profile = state.assets.find(symbolOrId);
  const position = profile ? state.positions.get(profile.symbol) : undefined;
  return profile && position ? ok(positionWire(state, profile, position)) : noPosition();
}

/** DELETE /v2/positions/{symbol}: a market sell of all (or qty, or percentage of) the position. */
export function closePosition(state: AlpacaSimulatorState, symbolOrId: string, query: URLSearchParams): Reply {
  const profile = state.assets.find(symbolOrId);
  const position = profile ? state.positions.get(profile.symbol) : undefined;
  if (!profile || !position) return noPosition();
  const qtyText = query.get('qty');
  const percentageText = query.get('percentage');
  let qty = position.qty;
  if (qtyText !== null) qty = new Decimal(qtyText);
  else if (percentageText !== null) qty = position.qty.mul(percentageText).div(100).toDecimalPlaces(9, Decimal.ROUND_DOWN);
  return placeOrder(state, { symbol: profile.symbol, side: 'sell', type: 'market', time_in_force: 'day', qty: text(qty) });
}

/** The spec's Account plus two fields the live service also sends. */
export type AccountWire = Account & { effective_buying_power: string; position_market_value: string };

export function accountWire(state: AlpacaSimulatorState): AccountWire {
  let longMarketValue = new Decimal(0);
  for (const [symbol, position] of state.positions) longMarketValue = longMarketValue.add(cents(position.qty.mul(state.currentPrice(state.profile(symbol)))));
  const equity = state.cashValue.add(longMarketValue);
  const power = text(buyingPower(state));
  const previous = previousTradingDay(currentOrLastSession(state.nowMs).date);
  const previousClose = session(previous)?.closeMs ?? state.nowMs;
  const account: Account = {
    id: state.accountId,
    account_number: state.accountNumber,
    status: 'ACTIVE',
    crypto_status: 'INACTIVE',
    currency: 'USD',
    cash: text(state.cashValue),
    portfolio_value: text(equity),
    equity: text(equity),
    last_equity: text(equityAt(state, previousClose)),
    long_market_value: text(longMarketValue),
    short_market_value: '0',
    buying_power: power,
    regt_buying_power: power,
    non_marginable_buying_power: power,
    options_buying_power: power,
    initial_margin: '0',
    maintenance_margin: '0',
    last_maintenance_margin: '0',
    sma: '0',
    multiplier: '1',
    /* eslint-disable @typescript-eslint/no-deprecated -- the service still sends these three */
    daytrading_buying_power: '0',
    daytrade_count: 0,
    pattern_day_trader: false,
    /* eslint-enable @typescript-eslint/no-deprecated */
    shorting_enabled: false,
    options_approved_level: 0,
    options_trading_level: 0,
    trading_blocked: false,
    transfers_blocked: false,
    account_blocked: false,
    trade_suspended_by_user: false,
    accrued_fees: '0',
    pending_reg_taf_fees: '0',
    pending_transfer_in: '0',
    pending_transfer_out: '0',
    intraday_adjustments: '0',
    balance_asof: previous,
    created_at: utcNanos(state.accountCreatedMs),
  };
  return { ...account, effective_buying_power: power, position_market_value: text(longMarketValue) };
}
