/** GET /v2/clock and GET /v2/calendar. */
import { nextSessionFrom, openSessionAt, session, settlementDate, tradingDays } from './calendar.ts';
import { ok, tradingError } from './http.ts';
import type { Reply } from './http.ts';
import type { AlpacaSimulatorState } from './state.ts';
import { newYorkDate, newYorkTimestamp, parseQueryTime } from './time.ts';
import type { CalendarDay, Clock } from './wire.ts';

export function clock(state: AlpacaSimulatorState): Reply {
  const now = state.nowMs;
  const open = openSessionAt(now);
  const next = nextSessionFrom(open ? open.closeMs : now);
  const body: Clock = {
    timestamp: newYorkTimestamp(now, true),
    is_open: open !== undefined,
    next_open: newYorkTimestamp(next.openMs),
    next_close: newYorkTimestamp(open ? open.closeMs : next.closeMs),
  };
  return ok(body);
}

/** Trading days between start and end (inclusive; dates or RFC 3339, read in New York time). */
export function calendar(query: URLSearchParams): Reply {
  const dates: Record<'start' | 'end', string> = { start: '1970-01-01', end: '2029-12-31' };
  for (const name of ['start', 'end'] as const) {
    const value = query.get(name);
    if (value === null) continue;
    const ms = parseQueryTime(value);
    if (ms === undefined) return tradingError(400, 40010000, `Invalid format for parameter ${name}: ${value}`);
    dates[name] = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : newYorkDate(ms);
  }
  const dateType = query.get('date_type') ?? 'TRADING';
  if (dateType !== 'TRADING' && dateType !== 'SETTLEMENT') return tradingError(400, 40010000, `invalid date_type: ${dateType}`);
  const days: CalendarDay[] = [];
  for (const date of tradingDays(dates.start, dates.end)) {
    const day = session(date);
    if (!day) continue;
    days.push({ date, open: day.open, close: day.close, session_open: '0400', session_close: '2000', settlement_date: settlementDate(date) });
  }
  return ok(days);
}
