/**
 * Calendar dates as `YYYY-MM-DD` strings (no time, no zone). They sort correctly as strings, so `<` compares them.
 * Arithmetic goes through UTC midnight, where every day has exactly 24 hours.
 */

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisecondsPerDay = 86_400_000;

/** True when `value` is `YYYY-MM-DD` and names a real day (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: string): value is IsoDate {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). Both must be valid ISO dates. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMilliseconds(to) - toUtcMilliseconds(from)) / millisecondsPerDay);
}

/** Moves a date by whole years; 29 February becomes 28 February in a year without it. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = parts(date);
  const targetYear = year + years;
  const lastDayOfMonth = new Date(Date.UTC(targetYear, month, 0)).getUTCDate();
  return formatUtc(new Date(Date.UTC(targetYear, month - 1, Math.min(day, lastDayOfMonth))));
}

const easternFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The New York calendar date of an RFC 3339 timestamp, i.e. the US trading date of an execution
 * ("2024-03-02T00:30:00Z" is 19:30 on 1 March in New York → "2024-03-01"). Null when the timestamp does not parse.
 */
export function easternDate(timestamp: string): IsoDate | null {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(timestamp)) return null;
  const milliseconds = Date.parse(timestamp);
  if (Number.isNaN(milliseconds)) return null;
  return easternFormat.format(new Date(milliseconds));
}

function parts(date: IsoDate): [number, number, number] {
  const match = isoDatePattern.exec(date);
  if (!match || !isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function toUtcMilliseconds(date: IsoDate): number {
  const [year, month, day] = parts(date);
  return Date.UTC(year, month - 1, day);
}

function formatUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}
