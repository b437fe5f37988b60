/** Bar timeframes and bar series (ascending or descending) built from the price model. */
import type { AssetProfile } from './assets.ts';
import { session, tradingDays } from './calendar.ts';
import { BarAccumulator } from './bar-accumulator.ts';
import type { BarValues, PriceModel } from './prices.ts';
import { addDays, hourMs, minuteMs, newYorkDate, newYorkInstant, pad, weekday } from './time.ts';

export type TimeframeUnit = 'Min' | 'Hour' | 'Day' | 'Week' | 'Month';

export interface Timeframe {
  readonly unit: TimeframeUnit;
  readonly amount: number;
}

const unitNames: Record<string, TimeframeUnit> = { Min: 'Min', T: 'Min', Hour: 'Hour', H: 'Hour', Day: 'Day', D: 'Day', Week: 'Week', W: 'Week', Month: 'Month', M: 'Month' };

/** [1-59]Min|T, [1-23]Hour|H, 1Day|D, 1Week|W, [1,2,3,4,6,12]Month|M. */
export function parseTimeframe(text: string): Timeframe | undefined {
  const match = /^(\d{1,2})(Min|T|Hour|H|Day|D|Week|W|Month|M)$/.exec(text);
  const unit = match?.[2] === undefined ? undefined : unitNames[match[2]];
  if (!match || !unit) return undefined;
  const amount = Number(match[1]);
  const valid =
    (unit === 'Min' && amount >= 1 && amount <= 59) ||
    (unit === 'Hour' && amount >= 1 && amount <= 23) ||
    ((unit === 'Day' || unit === 'Week') && amount === 1) ||
    (unit === 'Month' && [1, 2, 3, 4, 6, 12].includes(amount));
  return valid ? { unit, amount } : undefined;
}

export interface BarRange {
  readonly startMs: number;
  readonly endMs: number;
  /** Bars are built from what has happened by now (the last bar of a running session is partial). */
  readonly nowMs: number;
}

function midnight(date: string): number {
  return newYorkInstant(date, 0, 0);
}

function intradayBars(model: PriceModel, profile: AssetProfile, date: string, timeframe: Timeframe, nowMs: number): BarValues[] {
  const size = timeframe.amount * (timeframe.unit === 'Hour' ? hourMs : minuteMs);
  const dayStart = midnight(date);
  const buckets = new Map<number, BarAccumulator>();
  for (const bar of model.minuteBars(profile, date, nowMs)) {
    const start = dayStart + Math.floor((bar.t - dayStart) / size) * size;
    let accumulator = buckets.get(start);
    if (!accumulator) {
      accumulator = new BarAccumulator(start);
      buckets.set(start, accumulator);
    }
    accumulator.add(bar);
  }
  return [...buckets.values()].flatMap((accumulator) => accumulator.result() ?? []);
}

function monday(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** First day of the n-month period containing the date (periods start in January). */
function periodStart(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Math.floor((Number(date.slice(5, 7)) - 1) / months) * months + 1;
  return `${String(year)}-${pad(month)}-01`;
}

function addMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12))}-${pad((index % 12) + 1)}-01`;
}

function aggregatedBar(model: PriceModel, profile: AssetProfile, from: string, to: string, nowMs: number): BarValues | undefined {
  const accumulator = new BarAccumulator(midnight(from));
  for (const day of tradingDays(from, to)) {
    const bar = model.dailyBar(profile, day, nowMs);
    if (bar) accumulator.add(bar);
  }
  return accumulator.result();
}

/** The calendar units (trading days, weeks or periods) that bars of this timeframe are built per, in order. */
function units(timeframe: Timeframe, startDate: string, endDate: string): { from: string; to: string }[] {
  if (timeframe.unit === 'Week') {
    const result: { from: string; to: string }[] = [];
    for (let week = monday(startDate); week <= endDate; week = addDays(week, 7)) result.push({ from: week, to: addDays(week, 6) });
    return result;
  }
  if (timeframe.unit === 'Month') {
    const result: { from: string; to: string }[] = [];
    for (let start = periodStart(startDate, timeframe.amount); start <= endDate; start = addMonths(start, timeframe.amount)) {
      result.push({ from: start, to: addDays(addMonths(start, timeframe.amount), -1) });
    }
    return result;
  }
  return tradingDays(startDate, endDate).map((day) => ({ from: day, to: day }));
}

function barsOfUnit(model: PriceModel, profile: AssetProfile, timeframe: Timeframe, unit: { from: string; to: string }, nowMs: number): BarValues[] {
  switch (timeframe.unit) {
    case 'Min':
    case 'Hour':
      return session(unit.from) ? intradayBars(model, profile, unit.from, timeframe, nowMs) : [];
    case 'Day': {
      const bar = model.dailyBar(profile, unit.from, nowMs);
      return bar ? [bar] : [];
    }
    case 'Week':
    case 'Month': {
      const bar = aggregatedBar(model, profile, unit.from, unit.to, nowMs);
      return bar ? [bar] : [];
    }
  }
}

/** Bars with start time in [startMs, endMs] that exist by nowMs, ascending or descending by time. */
export function* barSeries(
  model: PriceModel,
  profile: AssetProfile,
  timeframe: Timeframe,
  range: BarRange,
  direction: 'asc' | 'desc',
): Generator<BarValues> {
  const last = Math.min(range.endMs, range.nowMs);
  if (last < range.startMs) return;
  // Week and month bars are labelled with the start of their period, which may lie before the range start.
  const startDate = newYorkDate(range.startMs);
  const list = units(timeframe, startDate, newYorkDate(last));
  if (direction === 'desc') list.reverse();
  for (const unit of list) {
    const bars = barsOfUnit(model, profile, timeframe, unit, range.nowMs).filter((bar) => bar.t >= range.startMs && bar.t <= last);
    if (direction === 'desc') bars.reverse();
    yield* bars;
  }
}
