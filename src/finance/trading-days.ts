import { addYears, daysBetween, isIsoDate, type IsoDate } from './calendar-date';

/**
 * Trading-day arithmetic over the broker's market calendar (Alpaca `GET /v2/calendar` lists trading days only,
 * so weekends and exchange holidays are already absent). Pass the calendar in; nothing here fetches it.
 *
 * The calendar handed to `resolveRange` must start a little before `start` (two weeks is plenty: the longest US
 * market closure since 1933 lasted four trading days) and reach at least `min(end, today)`; otherwise a date cannot
 * be moved back and the result is `no-trading-day`.
 */

/** Longest range accepted, in calendar years (measured on the requested dates, after clamping `end` to today). */
export const maxRangeYears = 5;

/** The most recent trading day on or before `date`, or null when the calendar has none (ascending `tradingDays`). */
export function previousTradingDay(date: IsoDate, tradingDays: readonly IsoDate[]): IsoDate | null {
  let low = 0;
  let high = tradingDays.length - 1;
  let found: IsoDate | null = null;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = tradingDays[middle];
    if (candidate === undefined) break;
    if (candidate <= date) {
      found = candidate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

export type DateRangeErrorCode =
  | 'invalid-date'
  | 'start-after-end'
  | 'start-in-future'
  | 'single-trading-day'
  | 'range-too-long'
  | 'no-trading-day'
  | 'invalid-calendar';

export interface DateRangeError {
  /** Who is at fault: the user's dates, or the calendar we were given (matches ErrorKind in src/protocol/errors). */
  kind: 'user-input' | 'upstream';
  code: DateRangeErrorCode;
  message: string;
  details: Record<string, string | number>;
}

export interface ResolvedRange {
  /** The dates as asked for (`requestedEnd` is today when no end was given). */
  requestedStart: IsoDate;
  requestedEnd: IsoDate;
  /** True when the requested end was after today and was replaced by today. */
  endClamped: boolean;
  /** Trading days actually used: each requested date moved back to the latest trading day on or before it. */
  start: IsoDate;
  end: IsoDate;
  /** Calendar days from `start` to `end`. */
  calendarDays: number;
  /** Trading days from `start` to `end`, both included. */
  tradingDayCount: number;
}

export type ResolveRangeResult = { ok: true; range: ResolvedRange } | { ok: false; error: DateRangeError };

/**
 * Validates a user's date range and moves both ends back to trading days.
 *
 * - `end` empty or undefined means today; an `end` after today is clamped to today (`endClamped: true`).
 * - Errors for the user's input come back as `{ok: false, error}`; a malformed `today` is our bug and throws.
 */
export function resolveRange(
  start: string,
  end: string | undefined,
  tradingDays: readonly IsoDate[],
  today: IsoDate,
): ResolveRangeResult {
  if (!isIsoDate(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const requestedEndInput = end === undefined || end.trim() === '' ? today : end.trim();
  const requestedStart = start.trim();
  for (const [field, value] of [
    ['start', requestedStart],
    ['end', requestedEndInput],
  ] as const) {
    if (!isIsoDate(value)) {
      return failure('invalid-date', `The ${field} date "${clip(value)}" is not a real date in YYYY-MM-DD form.`, {
        field,
        value: clip(value),
      });
    }
  }
  if (!isAscendingCalendar(tradingDays)) {
    return failure('invalid-calendar', 'The market calendar is not an ascending list of YYYY-MM-DD dates.', {});
  }

  if (requestedStart > today) {
    return failure('start-in-future', `The start date ${requestedStart} is after today (${today}).`, {
      start: requestedStart,
      today,
    });
  }
  const endClamped = requestedEndInput > today;
  const requestedEnd = endClamped ? today : requestedEndInput;
  if (requestedStart > requestedEnd) {
    return failure('start-after-end', `The start date ${requestedStart} is after the end date ${requestedEnd}.`, {
      start: requestedStart,
      end: requestedEnd,
    });
  }
  const earliestStart = addYears(requestedEnd, -maxRangeYears);
  if (requestedStart < earliestStart) {
    return failure(
      'range-too-long',
      `The range is longer than ${maxRangeYears} years; start on or after ${earliestStart} for an end of ${requestedEnd}.`,
      { start: requestedStart, end: requestedEnd, earliestStart, maxYears: maxRangeYears },
    );
  }

  const resolvedStart = previousTradingDay(requestedStart, tradingDays);
  const resolvedEnd = previousTradingDay(requestedEnd, tradingDays);
  if (resolvedStart === null || resolvedEnd === null) {
    const missing = resolvedStart === null ? requestedStart : requestedEnd;
    return failure('no-trading-day', `The market calendar has no trading day on or before ${missing}.`, {
      date: missing,
    });
  }
  if (resolvedStart === resolvedEnd) {
    return failure(
      'single-trading-day',
      `Both dates fall on the same trading day (${resolvedStart}), so there is no change to measure; choose a wider range.`,
      { start: requestedStart, end: requestedEnd, tradingDay: resolvedStart },
    );
  }

  const tradingDayCount = tradingDays.filter((day) => day >= resolvedStart && day <= resolvedEnd).length;
  return {
    ok: true,
    range: {
      requestedStart,
      requestedEnd,
      endClamped,
      start: resolvedStart,
      end: resolvedEnd,
      calendarDays: daysBetween(resolvedStart, resolvedEnd),
      tradingDayCount,
    },
  };
}

function isAscendingCalendar(tradingDays: readonly string[]): boolean {
  let previous = '';
  for (const day of tradingDays) {
    if (!isIsoDate(day) || day <= previous) return false;
    previous = day;
  }
  return true;
}

function failure(
  code: DateRangeErrorCode,
  message: string,
  details: Record<string, string | number>,
): { ok: false; error: DateRangeError } {
  const kind = code === 'invalid-calendar' || code === 'no-trading-day' ? 'upstream' : 'user-input';
  return { ok: false, error: { kind, code, message, details } };
}

/** User text echoed back in an error is cut short so a hostile value cannot flood the result. */
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
