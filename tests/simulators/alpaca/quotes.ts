/** Latest trades, quotes and bars for the market data server, consistent with the trading side's current price. */
import { tapeOf } from './assets.ts';
import type { AssetProfile } from './assets.ts';
import { currentOrLastSession, openSessionAt, previousTradingDay } from './calendar.ts';
import type { BarValues } from './prices.ts';
import { hash32 } from './random.ts';
import type { AlpacaSimulatorState } from './state.ts';
import { utcNanos, utcSeconds } from './time.ts';
import type { Bar, Quote, Snapshot, Trade } from './wire.ts';

export function barWire(bar: BarValues): Bar {
  return { t: utcSeconds(bar.t), o: bar.o, h: bar.h, l: bar.l, c: bar.c, v: bar.v, n: bar.n, vw: bar.vw };
}

/** The exchange code a trade or quote shows: IEX ('V') by default, the listing venue on the SIP feed. */
function exchangeCode(profile: AssetProfile, feed: string | null): string {
  if (feed !== 'sip' && feed !== 'delayed_sip') return 'V';
  return { NASDAQ: 'Q', NYSE: 'N', ARCA: 'P', NYSEARCA: 'P', AMEX: 'A', BATS: 'Z', OTC: 'U' }[profile.exchange];
}

/** When the latest trade happened: now while the market is open, else at the last close. */
function lastTradeMs(state: AlpacaSimulatorState): number {
  return openSessionAt(state.nowMs) ? state.nowMs : currentOrLastSession(state.nowMs).closeMs - 1;
}

function withPrice(bar: BarValues, price: number | undefined): BarValues {
  if (price === undefined) return bar;
  return { ...bar, c: price, h: Math.max(bar.h, price), l: Math.min(bar.l, price) };
}

function overrideOf(state: AlpacaSimulatorState, profile: AssetProfile): number | undefined {
  return state.overrides.get(profile.symbol)?.toNumber();
}

export function latestTrade(state: AlpacaSimulatorState, profile: AssetProfile, feed: string | null): Trade {
  const ms = lastTradeMs(state);
  return {
    t: utcNanos(ms),
    x: exchangeCode(profile, feed),
    p: state.currentPrice(profile).toNumber(),
    s: 1 + (hash32(profile.symbol, Math.floor(ms / 1000), 'size') % 300),
    c: ['@'],
    i: hash32(profile.symbol, ms, 'trade') * 1000 + (ms % 1000),
    z: tapeOf(profile.exchange),
  };
}

export function latestQuote(state: AlpacaSimulatorState, profile: AssetProfile, feed: string | null): Quote {
  const ms = lastTradeMs(state);
  const price = state.currentPrice(profile).toNumber();
  const unit = price >= 1 ? 100 : 10_000;
  const ticks = Math.round(price * unit);
  const spread = Math.max(1, Math.round(ticks * 0.0002));
  const bid = ticks - Math.floor(spread / 2);
  const exchange = exchangeCode(profile, feed);
  return {
    t: utcNanos(ms),
    bx: exchange,
    bp: bid / unit,
    bs: 1 + (hash32(profile.symbol, Math.floor(ms / 1000), 'bid') % 9),
    ax: exchange,
    ap: (bid + spread) / unit,
    as: 1 + (hash32(profile.symbol, Math.floor(ms / 1000), 'ask') % 9),
    c: ['R'],
    z: tapeOf(profile.exchange),
  };
}

/** The last finished one-minute bar (of today's session, or the previous session's last minute). */
export function latestMinuteBar(state: AlpacaSimulatorState, profile: AssetProfile): BarValues | undefined {
  const current = currentOrLastSession(state.nowMs);
  const bar = state.prices.minuteBars(profile, current.date, state.nowMs).at(-1) ?? state.prices.minuteBars(profile, previousTradingDay(current.date)).at(-1);
  return bar ? withPrice(bar, overrideOf(state, profile)) : undefined;
}

export function snapshot(state: AlpacaSimulatorState, profile: AssetProfile, feed: string | null): Snapshot {
  const current = currentOrLastSession(state.nowMs);
  const daily = state.prices.dailyBar(profile, current.date, state.nowMs);
  const previous = state.prices.dailyBar(profile, previousTradingDay(current.date));
  const minute = latestMinuteBar(state, profile);
  const result: Snapshot = { latestTrade: latestTrade(state, profile, feed), latestQuote: latestQuote(state, profile, feed) };
  if (minute) result.minuteBar = barWire(minute);
  if (daily) result.dailyBar = barWire(withPrice(daily, overrideOf(state, profile)));
  if (previous) result.prevDailyBar = barWire(previous);
  return result;
}
