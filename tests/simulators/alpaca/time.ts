/** Wall-clock helpers for America/New_York and RFC 3339 formatting. Dates are 'YYYY-MM-DD' strings. */

const newYork = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export const minuteMs = 60_000;
export const hourMs = 3_600_000;
export const dayMs = 86_400_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of newYork.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const offsetCache = new Map<number, number>();

/**
 * The New York offset from UTC in minutes at an instant (-240 in summer, -300 in winter), from Intl.
 * Offsets only change on whole UTC hours, so they are cached per hour.
 */
export function newYorkOffsetMinutes(ms: number): number {
  const hour = Math.floor(ms / hourMs);
  const cached = offsetCache.get(hour);
  if (cached !== undefined) return cached;
  const instant = hour * hourMs;
  const wall = wallClock(instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offset = Math.round((asUtc - instant) / minuteMs);
  if (offsetCache.size > 500_000) offsetCache.clear();
  offsetCache.set(hour, offset);
  return offset;
}

/** The New York calendar date of an instant. */
export function newYorkDate(ms: number): string {
  return new Date(ms + newYorkOffsetMinutes(ms) * minuteMs).toISOString().slice(0, 10);
}

/** The instant at which New York wall-clock time on `date` reads hour:minute. */
export function newYorkInstant(date: string, hour: number, minute: number): number {
  const naive = parseDate(date) + hour * hourMs + minute * minuteMs;
  let guess = naive + 5 * hourMs;
  for (let attempt = 0; attempt < 3; attempt += 1) guess = naive - newYorkOffsetMinutes(guess) * minuteMs;
  return guess;
}

export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Midnight UTC of a 'YYYY-MM-DD' date, in ms. */
export function parseDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(parseDate(text)) && new Date(parseDate(text)).toISOString().startsWith(text);
}

export function addDays(date: string, days: number): string {
  return new Date(parseDate(date) + days * dayMs).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(parseDate(date)).getUTCDay();
}

/** RFC 3339 in UTC with whole seconds: 2025-01-02T14:30:00Z. */
export function utcSeconds(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** RFC 3339 in UTC with nanoseconds: 2025-01-02T14:30:00.123456789Z (extraNanos adds below the millisecond). */
export function utcNanos(ms: number, extraNanos = 0): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const nanos = (ms - whole) * 1_000_000 + (extraNanos % 1_000_000);
  return `${new Date(whole).toISOString().slice(0, 19)}.${pad(nanos, 9)}Z`;
}

/** RFC 3339 with the New York offset: 2025-06-24T14:15:22-04:00, optionally with nanoseconds. */
export function newYorkTimestamp(ms: number, withFraction = false): string {
  const offset = newYorkOffsetMinutes(ms);
  const local = new Date(ms + offset * minuteMs).toISOString();
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  const fraction = withFraction ? `.${pad((ms % 1000) * 1_000_000, 9)}` : '';
  return `${local.slice(0, 19)}${fraction}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * Parses a query timestamp: RFC 3339, or a bare date taken as New York midnight
 * (or, with `endOfDay`, the last millisecond of that New York day). Undefined when malformed.
 */
export function parseQueryTime(text: string, endOfDay = false): number | undefined {
  if (isDate(text)) {
    return endOfDay ? newYorkInstant(addDays(text, 1), 0, 0) - 1 : newYorkInstant(text, 0, 0);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? undefined : ms;
}
