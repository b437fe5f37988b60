/**
 * Deterministic prices: a seeded random walk of daily closes over trading days, pinned to a realistic price per
 * symbol on 2025-01-02 (and, when known, on 2015-01-02: a Brownian bridge between the two), with a smooth intraday
 * path from each day's open to its close. The same seed, symbol and date always give the same numbers, whatever the
 * simulator's clock says.
 */
import type { AssetProfile } from './assets.ts';
import { previousTradingDay, session, tradingDays } from './calendar.ts';
import { BarAccumulator } from './bar-accumulator.ts';
import { createRandom, hash32, normal } from './random.ts';
import { minuteMs, newYorkDate } from './time.ts';

export const firstPriceDate = '2015-01-02';
export const lastPriceDate = '2040-12-31';
const anchorDate = '2025-01-02';

export interface BarValues {
  /** Start of the bar, ms. */
  readonly t: number;
  readonly o: number;
  readonly h: number;
  readonly l: number;
  readonly c: number;
  readonly v: number;
  readonly n: number;
  readonly vw: number;
}

interface DayShape {
  readonly date: string;
  readonly openMs: number;
  readonly minutes: number;
  readonly open: number;
  readonly close: number;
  readonly high: number;
  readonly low: number;
  /** Control points of the path: minute and price, from the open through the high and the low to the close. */
  readonly points: readonly (readonly [minute: number, price: number])[];
  readonly wiggle: number;
  readonly phase: number;
  readonly dailyVolume: number;
  readonly sigma: number;
  readonly tradeSize: number;
  readonly minuteSeed: number;
}

/** Walks are pure functions of seed and profile, so simulators in one process share them. */
const closesCache = new Map<string, Float64Array>();

let calendarDays: { list: string[]; index: Map<string, number> } | undefined;

function days(): { list: string[]; index: Map<string, number> } {
  if (!calendarDays) {
    const list = tradingDays(firstPriceDate, lastPriceDate);
    calendarDays = { list, index: new Map(list.map((day, position) => [day, position])) };
  }
  return calendarDays;
}

export function roundPrice(value: number): number {
  const digits = value >= 1 ? 100 : 10_000;
  return Math.max(Math.round(value * digits) / digits, 0.0001);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const weightCache = new Map<number, { weights: Float64Array; cumulative: Float64Array }>();

/** U-shaped intraday volume weights (busy open and close) and their running sum, per session length. */
function volumeWeights(minutes: number): { weights: Float64Array; cumulative: Float64Array } {
  const cached = weightCache.get(minutes);
  if (cached) return cached;
  const weights = new Float64Array(minutes);
  const cumulative = new Float64Array(minutes + 1);
  for (let minute = 0; minute < minutes; minute += 1) {
    weights[minute] = 1 + 1.5 * ((2 * minute) / Math.max(minutes - 1, 1) - 1) ** 2;
    cumulative[minute + 1] = (cumulative[minute] ?? 0) + (weights[minute] ?? 0);
  }
  const result = { weights, cumulative };
  weightCache.set(minutes, result);
  return result;
}

export class PriceModel {
  readonly #seed: number;
  readonly #shapes = new Map<string, DayShape>();

  constructor(seed: number) {
    this.#seed = seed;
  }

  #logReturn(profile: AssetProfile, date: string): number {
    const sigma = profile.volatility / Math.sqrt(252);
    const drift = (profile.volatility >= 0.1 ? 0.08 : 0.02) / 252;
    return drift - (sigma * sigma) / 2 + sigma * normal(this.#seed, profile.symbol, date, 'close');
  }

  #rawCloses(profile: AssetProfile): Float64Array {
    const key = `${String(this.#seed)}|${profile.symbol}|${String(profile.anchorPrice)}|${String(profile.startPrice)}|${String(profile.volatility)}`;
    const cached = closesCache.get(key);
    if (cached) return cached;
    const { list, index } = days();
    const anchor = index.get(anchorDate) ?? 0;
    const logs = new Float64Array(list.length);
    for (let position = anchor + 1; position < list.length; position += 1) {
      logs[position] = (logs[position - 1] ?? 0) + this.#logReturn(profile, list[position] ?? '');
    }
    for (let position = anchor - 1; position >= 0; position -= 1) {
      logs[position] = (logs[position + 1] ?? 0) - this.#logReturn(profile, list[position + 1] ?? '');
    }
    if (profile.startPrice !== undefined && anchor > 0) {
      // Bend the walk before the anchor so that it starts at startPrice (a Brownian bridge).
      const miss = Math.log(profile.startPrice / profile.anchorPrice) - (logs[0] ?? 0);
      for (let position = 0; position < anchor; position += 1) logs[position] = (logs[position] ?? 0) + miss * (1 - position / anchor);
    }
    const closes = logs.map((value) => profile.anchorPrice * Math.exp(value));
    closesCache.set(key, closes);
    return closes;
  }

  /** Whether the model has prices for this trading day. */
  covers(date: string): boolean {
    return days().index.has(date);
  }

  /** The closing price of a trading day (dates outside the modelled range are clamped to it). */
  close(profile: AssetProfile, date: string): number {
    const { list, index } = days();
    const last = list.at(-1) ?? date;
    const clamped = date < firstPriceDate ? firstPriceDate : date > last ? last : date;
    const position = index.get(clamped) ?? index.get(previousTradingDay(clamped)) ?? 0;
    return roundPrice(this.#rawCloses(profile)[position] ?? profile.anchorPrice);
  }

  #shape(profile: AssetProfile, date: string): DayShape | undefined {
    const key = `${profile.symbol}|${date}|${String(profile.anchorPrice)}`;
    const cached = this.#shapes.get(key);
    if (cached) return cached;
    const day = session(date);
    if (!day || !this.covers(date)) return undefined;
    const sigma = profile.volatility / Math.sqrt(252);
    const draw = createRandom(hash32(this.#seed, profile.symbol, date, 'day'));
    const gap = Math.sqrt(-2 * Math.log(Math.max(draw(), 1e-12))) * Math.cos(2 * Math.PI * draw());
    const previousClose = date <= firstPriceDate ? this.close(profile, date) : this.close(profile, previousTradingDay(date));
    const open = roundPrice(previousClose * Math.exp(0.25 * sigma * gap));
    const close = this.close(profile, date);
    const amplitude = Math.max(open, close) * sigma * (0.3 + 0.7 * draw());
    const high = roundPrice(Math.max(open, close) + amplitude);
    const low = roundPrice(Math.max(Math.min(open, close) - amplitude, 0.0001));
    const minutes = Math.round((day.closeMs - day.openMs) / minuteMs);
    const early = 1 + Math.floor((0.1 + 0.35 * draw()) * minutes);
    const late = Math.floor((0.55 + 0.35 * draw()) * minutes);
    const highFirst = draw() < 0.5;
    const shape: DayShape = {
      date,
      openMs: day.openMs,
      minutes,
      open,
      close,
      high,
      low,
      points: [
        [0, open],
        [early, highFirst ? high : low],
        [late, highFirst ? low : high],
        [minutes, close],
      ],
      wiggle: (high - low) * 0.08,
      phase: 2 * Math.PI * draw(),
      // At least two shares a minute, so that every minute has a bar.
      dailyVolume: Math.max(Math.round(profile.dailyVolume * (0.6 + 0.8 * draw())), 2 * minutes),
      sigma,
      tradeSize: profile.dailyVolume > 100_000 ? 120 : 2,
      minuteSeed: Math.floor(draw() * 0x1_0000_0000),
    };
    if (this.#shapes.size > 50_000) this.#shapes.clear();
    this.#shapes.set(key, shape);
    return shape;
  }

  /**
   * The intraday path at minute m of a session (0 = open, minutes = close): straight lines from the open to the
   * day's high and low (in an order drawn per day) and on to the close, with a small wave that vanishes at those
   * points, clamped to low..high. So the day's high and low are reached exactly, and known without a walk over minutes.
   */
  #pathAt(shape: DayShape, minute: number): number {
    const points = shape.points;
    let segment = 1;
    while (segment < points.length - 1 && minute > (points[segment]?.[0] ?? 0)) segment += 1;
    const [fromMinute, fromPrice] = points[segment - 1] ?? [0, shape.open];
    const [toMinute, toPrice] = points[segment] ?? [shape.minutes, shape.close];
    const fraction = toMinute === fromMinute ? 1 : (minute - fromMinute) / (toMinute - fromMinute);
    const wave = shape.wiggle * Math.sin(Math.PI * fraction) * Math.sin(6 * Math.PI * fraction + shape.phase);
    return Math.min(Math.max(roundPrice(fromPrice + (toPrice - fromPrice) * fraction + wave), shape.low), shape.high);
  }

  /** Calls `visit` with each one-minute bar of the day that has ended by `untilMs`, in order. */
  #eachMinute(shape: DayShape, untilMs: number, visit: (bar: BarValues) => void): void {
    const random = createRandom(shape.minuteSeed);
    const { weights, cumulative } = volumeWeights(shape.minutes);
    const total = cumulative[shape.minutes] ?? 1;
    let noisyTotal = 0;
    const noisy = new Float64Array(shape.minutes);
    for (let minute = 0; minute < shape.minutes; minute += 1) {
      noisy[minute] = ((weights[minute] ?? 1) / total) * (0.7 + 0.6 * random());
      noisyTotal += noisy[minute] ?? 0;
    }
    // Volumes and trade counts: one each per minute, the rest spread by running rounding so the day's totals add up.
    const dailyTrades = tradeCount(shape);
    let allocated = 0;
    let tradesAllocated = 0;
    let running = 0;
    for (let minute = 0; minute < shape.minutes; minute += 1) {
      const t = shape.openMs + minute * minuteMs;
      if (t + minuteMs > untilMs) return;
      running += noisy[minute] ?? 0;
      const upTo = Math.round(((shape.dailyVolume - shape.minutes) * running) / noisyTotal);
      const v = 1 + upTo - allocated;
      allocated = upTo;
      const tradesUpTo = Math.round(((dailyTrades - shape.minutes) * running) / noisyTotal);
      const n = 1 + tradesUpTo - tradesAllocated;
      tradesAllocated = tradesUpTo;
      const o = this.#pathAt(shape, minute);
      const c = this.#pathAt(shape, minute + 1);
      const extra = Math.max(o, c) * shape.sigma * 0.04 * random();
      const h = Math.min(roundPrice(Math.max(o, c) + extra), shape.high);
      const l = Math.max(roundPrice(Math.min(o, c) - extra), shape.low);
      visit({ t, o, h, l, c, v, n, vw: round((o + h + l + c) / 4, 4) });
    }
  }

  /**
   * The model price at an instant: during a session the path at the start of the current minute (equal to the close
   * of the last finished minute bar), after the close that day's close, before the open or on a closed day the
   * previous close.
   */
  priceAt(profile: AssetProfile, ms: number): number {
    const date = newYorkDate(ms);
    const day = session(date);
    const shape = this.#shape(profile, date);
    if (day && shape && ms >= day.openMs && ms < day.closeMs) return this.#pathAt(shape, Math.floor((ms - day.openMs) / minuteMs));
    if (day && ms >= day.closeMs) return this.close(profile, date);
    return this.close(profile, previousTradingDay(date));
  }

  /** One-minute bars of a trading day whose minute has ended by `untilMs`, ascending. */
  minuteBars(profile: AssetProfile, date: string, untilMs = Number.POSITIVE_INFINITY): BarValues[] {
    const shape = this.#shape(profile, date);
    if (!shape) return [];
    const bars: BarValues[] = [];
    this.#eachMinute(shape, untilMs, (bar) => bars.push(bar));
    return bars;
  }

  /** The daily bar of a trading day (t = New York midnight); partial while the session is still running at `untilMs`. */
  dailyBar(profile: AssetProfile, date: string, untilMs = Number.POSITIVE_INFINITY): BarValues | undefined {
    const shape = this.#shape(profile, date);
    if (!shape) return undefined;
    const dayStart = shape.openMs - (9 * 60 + 30) * minuteMs;
    if (untilMs >= shape.openMs + shape.minutes * minuteMs) {
      const { open: o, high: h, low: l, close: c, dailyVolume: v } = shape;
      return { t: dayStart, o, h, l, c, v, n: tradeCount(shape), vw: round((h + l + c) / 3, 4) };
    }
    const accumulator = new BarAccumulator(dayStart);
    this.#eachMinute(shape, untilMs, (bar) => {
      accumulator.add(bar);
    });
    return accumulator.result();
  }
}

function tradeCount(shape: DayShape): number {
  return Math.max(shape.minutes, Math.round(shape.dailyVolume / shape.tradeSize));
}
