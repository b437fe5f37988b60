/** The simulator's shared state (account, positions, orders, prices, clock) and the controls tests use. */
import { AssetRegistry, normalizeSymbol, profileFromInput } from './assets.ts';
import type { AssetInput, AssetProfile } from './assets.ts';
import { currentOrLastSession, previousTradingDay } from './calendar.ts';
import { runClock } from './matching.ts';
import { Decimal, text, toDecimal } from './money.ts';
import { PriceModel } from './prices.ts';
import { createUuidGenerator, hash32 } from './random.ts';
import { RateLimiter } from './rate-limit.ts';
import type { FillRecord, OrderRecord, PositionRecord } from './records.ts';
import { orderWire } from './render.ts';
import type { Order } from './wire.ts';

/** Test controls. Amounts are decimal strings (numbers are accepted for convenience). */
export interface SimulatorState {
  /** The simulated time. */
  now(): Date;
  /** Moves the clock; moving forward runs the market in between (orders fill at the open, day orders expire). */
  setNow(date: Date | string | number): void;
  advance(ms: number): void;
  cash(): string;
  setCash(amount: string | number): void;
  /** Sets (or with qty 0 removes) a long position. */
  setPosition(symbol: string, qty: string | number, avgEntryPrice: string | number): void;
  clearPositions(): void;
  /** The current price of a symbol: the override if set, else the model price at the simulated time. */
  price(symbol: string): string;
  /** Pins the current price of a symbol (trading fills, positions, latest trade/quote, snapshots). */
  setPrice(symbol: string, price: string | number): void;
  clearPrice(symbol: string): void;
  addAsset(asset: AssetInput): void;
  /** Requests per minute per key on each server; also restarts the current windows. */
  setRateLimit(requestsPerMinute: number): void;
  /**
   * Which consolidated (SIP) market data the keys' plan may read: 'all' (the default, an unlimited plan), 'delayed'
   * (the free plan: SIP data from the last 15 minutes is refused with 403) or 'none' (every SIP request gets 403).
   */
  setSipAccess(access: SipAccess): void;
  /** Every order ever placed, oldest first, as GET /v2/orders/{id} would show it. */
  orders(): Order[];
}

export type SipAccess = 'all' | 'delayed' | 'none';

export interface StateOptions {
  readonly now: Date;
  readonly seed: number;
}

export class AlpacaSimulatorState implements SimulatorState {
  readonly seed: number;
  readonly assets = new AssetRegistry();
  readonly prices: PriceModel;
  readonly rateLimiter = new RateLimiter();
  readonly newId: () => string;
  readonly accountId: string;
  readonly accountNumber: string;
  readonly accountCreatedMs: number;
  readonly positions = new Map<string, PositionRecord>();
  readonly orderList: OrderRecord[] = [];
  readonly ordersById = new Map<string, OrderRecord>();
  /** Every client_order_id ever used: Alpaca keeps them unique for all time. */
  readonly clientOrderIds = new Set<string>();
  readonly fills: FillRecord[] = [];
  readonly overrides = new Map<string, Decimal>();
  nowMs: number;
  cashValue = new Decimal(0);
  sipAccess: SipAccess = 'all';
  #sequence = 0;

  constructor(options: StateOptions) {
    this.seed = options.seed;
    this.prices = new PriceModel(options.seed);
    this.newId = createUuidGenerator(hash32('ids', options.seed));
    this.accountId = this.newId();
    this.accountNumber = `PA3${(hash32('account', options.seed) % 1e9).toString().padStart(9, '0')}`;
    this.nowMs = options.now.getTime();
    this.accountCreatedMs = this.nowMs - 2 * 365 * 86_400_000;
  }

  nextSequence(): number {
    this.#sequence += 1;
    return this.#sequence;
  }

  profile(symbol: string): AssetProfile {
    const profile = this.assets.find(symbol);
    if (!profile) throw new Error(`Unknown symbol ${symbol}: add it with state.addAsset first`);
    return profile;
  }

  priceAt(profile: AssetProfile, ms: number): Decimal {
    return this.overrides.get(profile.symbol) ?? new Decimal(this.prices.priceAt(profile, ms));
  }

  currentPrice(profile: AssetProfile): Decimal {
    return this.priceAt(profile, this.nowMs);
  }

  /** The close of the trading day before the current (or last) session. */
  lastdayPrice(profile: AssetProfile): Decimal {
    const current = currentOrLastSession(this.nowMs);
    return new Decimal(this.prices.close(profile, previousTradingDay(current.date)));
  }

  now(): Date {
    return new Date(this.nowMs);
  }

  setNow(date: Date | string | number): void {
    const target = new Date(date).getTime();
    if (Number.isNaN(target)) throw new RangeError(`Not a date: ${String(date)}`);
    if (target > this.nowMs) runClock(this, this.nowMs, target);
    this.nowMs = target;
  }

  advance(ms: number): void {
    if (ms < 0) throw new RangeError('advance() moves forward only; use setNow to go back');
    this.setNow(this.nowMs + ms);
  }

  cash(): string {
    return text(this.cashValue);
  }

  setCash(amount: string | number): void {
    this.cashValue = toDecimal(amount);
  }

  setPosition(symbol: string, qty: string | number, avgEntryPrice: string | number): void {
    const profile = this.profile(symbol);
    const quantity = toDecimal(qty);
    if (quantity.isZero()) this.positions.delete(profile.symbol);
    else this.positions.set(profile.symbol, { qty: quantity, avgEntryPrice: toDecimal(avgEntryPrice) });
  }

  clearPositions(): void {
    this.positions.clear();
  }

  setSipAccess(access: SipAccess): void {
    this.sipAccess = access;
  }

  price(symbol: string): string {
    return text(this.currentPrice(this.profile(symbol)));
  }

  setPrice(symbol: string, price: string | number): void {
    const profile = this.profile(symbol);
    this.overrides.set(profile.symbol, toDecimal(price));
    runClock(this, this.nowMs, this.nowMs);
  }

  clearPrice(symbol: string): void {
    this.overrides.delete(normalizeSymbol(symbol));
  }

  addAsset(asset: AssetInput): void {
    this.assets.add(profileFromInput(asset));
  }

  setRateLimit(requestsPerMinute: number): void {
    this.rateLimiter.setLimit(requestsPerMinute);
  }

  orders(): Order[] {
    return this.orderList.map((order) => orderWire(order));
  }
}
