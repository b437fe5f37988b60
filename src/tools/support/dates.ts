import { z } from 'zod';
import { easternDate, isIsoDate, type IsoDate } from '../../finance/calendar-date';
import type { Clock } from '../../platform/clock';

/** A `YYYY-MM-DD` tool input that names a real day. */
export const isoDateInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD.')
  .refine(isIsoDate, 'That is not a real calendar date.');

/** Today's date in New York (the US market's calendar day). */
export function easternToday(clock: Clock): IsoDate {
  const today = easternDate(clock.now().toISOString());
  if (today === null) throw new RangeError('The clock returned an invalid date.');
  return today;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'longOffset' });

/** New York's UTC offset at an instant, as RFC 3339 writes it ("-04:00"). */
function easternOffset(instant: string): string {
  const name = offsetFormat.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name.replace('GMT', '');
  return offset === '' ? '+00:00' : offset;
}

/**
 * The first and last second of a New York calendar day as RFC 3339 timestamps, for market-data queries: a bare date
 * is read differently by different endpoints, an explicit instant is not. The start's offset is read at 04:00 UTC
 * (midnight in summer, 23:00 the evening before in winter) and the end's at 23:00 UTC (evening), so a DST change at
 * 02:00 New York time shifts neither bound.
 */
export function easternDayBounds(date: IsoDate): { start: string; end: string } {
  return {
    start: `${date}T00:00:00${easternOffset(`${date}T04:00:00Z`)}`,
    end: `${date}T23:59:59${easternOffset(`${date}T23:00:00Z`)}`,
  };
}

const wallClockFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2025-06-16 10:00" in New York time, or null when the timestamp does not parse. */
export function easternDateTime(timestamp: string): string | null {
  const milliseconds = Date.parse(timestamp);
  if (Number.isNaN(milliseconds)) return null;
  const parts = Object.fromEntries(wallClockFormat.formatToParts(new Date(milliseconds)).map((part) => [part.type, part.value]));
  return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''} ${parts.hour ?? ''}:${parts.minute ?? ''}`;
}
