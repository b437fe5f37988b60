/**
 * NYSE trading calendar computed from the exchange's holiday rules (no table): full-day holidays,
 * 13:00 early closes, and regular 09:30-16:00 America/New_York sessions on the remaining weekdays.
 */
import { addDays, newYorkDate, newYorkInstant, pad, weekday } from './time.ts';

export interface Session {
  readonly date: string;
  /** 'HH:MM' New York time. */
  readonly open: string;
  readonly close: string;
  readonly openMs: number;
  readonly closeMs: number;
}

/** One-off closures that no rule produces (national days of mourning). */
const specialClosures = new Set(['2018-12-05', '2025-01-09']);

function isoDate(year: number, month: number, day: number): string {
  return `${String(year)}-${pad(month)}-${pad(day)}`;
}

/** The n-th (1-based) given weekday of a month; n = -1 gives the last one. */
function nthWeekday(year: number, month: number, day: number, n: number): string {
  if (n > 0) {
    const first = isoDate(year, month, 1);
    const offset = (day - weekday(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const last = addDays(isoDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((weekday(last) - day + 7) % 7));
}

/** Gregorian Easter Sunday (anonymous algorithm). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** Saturday holidays move to Friday, Sunday holidays to Monday. */
function observed(date: string): string {
  const day = weekday(date);
  if (day === 6) return addDays(date, -1);
  if (day === 0) return addDays(date, 1);
  return date;
}

const holidayCache = new Map<number, Map<string, string>>();

/** Full-day NYSE holidays of a year, date -> name. */
export function holidays(year: number): ReadonlyMap<string, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const result = new Map<string, string>();
  // New Year's Day on a Saturday is not observed on the Friday before (that Friday closes a fiscal year).
  const newYear = isoDate(year, 1, 1);
  if (weekday(newYear) !== 6) result.set(observed(newYear), "New Year's Day");
  result.set(nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day');
  result.set(nthWeekday(year, 2, 1, 3), "Washington's Birthday");
  result.set(addDays(easterSunday(year), -2), 'Good Friday');
  result.set(nthWeekday(year, 5, 1, -1), 'Memorial Day');
  if (year >= 2022) result.set(observed(isoDate(year, 6, 19)), 'Juneteenth National Independence Day');
  result.set(observed(isoDate(year, 7, 4)), 'Independence Day');
  result.set(nthWeekday(year, 9, 1, 1), 'Labor Day');
  result.set(nthWeekday(year, 11, 4, 4), 'Thanksgiving Day');
  result.set(observed(isoDate(year, 12, 25)), 'Christmas Day');
  holidayCache.set(year, result);
  return result;
}

export function isHoliday(date: string): boolean {
  return holidays(Number(date.slice(0, 4))).has(date) || specialClosures.has(date);
}

export function isTradingDay(date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !isHoliday(date);
}

/** 13:00 closes: the day after Thanksgiving, and July 3 / December 24 when they fall Monday to Thursday. */
export function isEarlyClose(date: string): boolean {
  if (!isTradingDay(date)) return false;
  const year = Number(date.slice(0, 4));
  if (date === addDays(nthWeekday(year, 11, 4, 4), 1)) return true;
  const monthDay = date.slice(5);
  const day = weekday(date);
  return (monthDay === '07-03' || monthDay === '12-24') && day >= 1 && day <= 4;
}

const sessionCache = new Map<string, Session | null>();

export function session(date: string): Session | undefined {
  const cached = sessionCache.get(date);
  if (cached !== undefined) return cached ?? undefined;
  let result: Session | null = null;
  if (isTradingDay(date)) {
    const early = isEarlyClose(date);
    result = {
      date,
      open: '09:30',
      close: early ? '13:00' : '16:00',
      openMs: newYorkInstant(date, 9, 30),
      closeMs: newYorkInstant(date, early ? 13 : 16, 0),
    };
  }
  sessionCache.set(date, result);
  return result ?? undefined;
}

export function nextTradingDay(date: string): string {
  let day = addDays(date, 1);
  while (!isTradingDay(day)) day = addDays(day, 1);
  return day;
}

export function previousTradingDay(date: string): string {
  let day = addDays(date, -1);
  while (!isTradingDay(day)) day = addDays(day, -1);
  return day;
}

/** Trading days from start to end, both inclusive. */
export function tradingDays(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) if (isTradingDay(day)) days.push(day);
  return days;
}

/** T+1 from 2024-05-28 (the US settlement cycle change), T+2 before. */
export function settlementDate(date: string): string {
  const first = nextTradingDay(date);
  return date >= '2024-05-28' ? first : nextTradingDay(first);
}

/** The session open at `ms`, if any. */
export function openSessionAt(ms: number): Session | undefined {
  const today = session(newYorkDate(ms));
  return today && ms >= today.openMs && ms < today.closeMs ? today : undefined;
}

/** The latest session that has started at or before `ms` (it may still be open). */
export function currentOrLastSession(ms: number): Session {
  const today = session(newYorkDate(ms));
  if (today && ms >= today.openMs) return today;
  return session(previousTradingDay(newYorkDate(ms))) ?? fail(ms);
}

/** The first session whose open is at or after `ms`. */
export function nextSessionFrom(ms: number): Session {
  const today = session(newYorkDate(ms));
  if (today && ms <= today.openMs) return today;
  return session(nextTradingDay(newYorkDate(ms))) ?? fail(ms);
}

function fail(ms: number): never {
  throw new Error(`No trading session near ${new Date(ms).toISOString()}`);
}
