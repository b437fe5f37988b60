import { describe, expect, it } from 'vitest';
import { daysBetween } from './calendar-date';
import { previousTradingDay, resolveRange } from './trading-days';

/** Weekdays from 2019-01-02 to 2025-12-31 minus the exchange closures the tests rely on (a broker calendar has all). */
const closures = new Set([
  '2020-01-01',
  '2024-07-04', // Independence Day (Thursday)
  '2024-11-28', // Thanksgiving
  '2024-12-25', // Christmas (Wednesday)
  '2025-01-01', // New Year (Wednesday)
  '2025-01-09', // national day of mourning (Thursday): a one-off closure no weekday rule knows about
]);

function calendar(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${first}T00:00:00Z`); day.toISOString().slice(0, 10) <= last; day.setUTCDate(day.getUTCDate() + 1)) {
    const iso = day.toISOString().slice(0, 10);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !closures.has(iso)) days.push(iso);
  }
  return days;
}

const tradingDays = calendar('2019-01-02', '2025-12-31');
const today = '2025-01-10'; // a Friday

describe('previousTradingDay', () => {
  it.each([
    ['2024-07-05', '2024-07-05'], // a trading day stays put
    ['2024-07-04', '2024-07-03'], // holiday → the day before
    ['2024-07-07', '2024-07-05'], // Sunday → Friday
    ['2025-01-09', '2025-01-08'], // unscheduled closure → Wednesday
    ['2025-01-01', '2024-12-31'], // New Year's Day
    ['2019-01-02', '2019-01-02'], // the first day of the calendar
    ['2019-01-01', null], // before the calendar starts
  ] as const)('%s → %s', (date, expected) => {
    expect(previousTradingDay(date, tradingDays)).toBe(expected);
  });

  it('finds nothing in an empty calendar', () => {
    expect(previousTradingDay('2024-07-05', [])).toBeNull();
  });
});

describe('resolveRange', () => {
  it.each([
    {
      name: 'moves a holiday start and a weekend end back',
      start: '2024-07-04', // Thursday holiday → 2024-07-03
      end: '2024-07-07', // Sunday → Friday 2024-07-05
      expected: { start: '2024-07-03', end: '2024-07-05', calendarDays: 2, tradingDayCount: 2, endClamped: false }, // 3rd and 5th
    },
    {
      name: 'spans the year end and an unscheduled closure',
      start: '2024-12-25', // → 2024-12-24
      end: '2025-01-09', // → 2025-01-08
      // Dec 24, 26, 27, 30, 31 and Jan 2, 3, 6, 7, 8 = 10 trading days; 7 + 8 = 15 calendar days
      expected: { start: '2024-12-24', end: '2025-01-08', calendarDays: 15, tradingDayCount: 10, endClamped: false },
    },
    {
      name: 'uses today when no end is given',
      start: '2025-01-06',
      end: undefined,
      // Jan 6, 7, 8, 10 (the 9th was closed) = 4; 4 calendar days
      expected: { start: '2025-01-06', end: '2025-01-10', calendarDays: 4, tradingDayCount: 4, endClamped: false },
    },
    {
      name: 'treats an empty end like no end',
      start: '2025-01-06',
      end: '  ',
      expected: { start: '2025-01-06', end: '2025-01-10', calendarDays: 4, tradingDayCount: 4, endClamped: false },
    },
    {
      name: 'clamps a future end to today and says so',
      start: '2025-01-06',
      end: '2025-02-01',
      expected: { requestedEnd: '2025-01-10', start: '2025-01-06', end: '2025-01-10', endClamped: true },
    },
    {
      name: 'accepts exactly five years',
      start: '2020-01-10', // 2025-01-10 − 5 years; a Friday
      end: '2025-01-10',
      expected: { start: '2020-01-10', end: '2025-01-10', calendarDays: 1827, endClamped: false }, // 5 × 365 + 2 leap days (2020, 2024)
    },
    {
      name: 'accepts five years back to 28 February from a 29 February end',
      start: '2019-02-28', // a Thursday
      end: '2024-02-29',
      expected: { start: '2019-02-28', end: '2024-02-29' },
    },
  ])('$name', ({ start, end, expected }) => {
    const result = resolveRange(start, end, tradingDays, today);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.range).toMatchObject(expected);
  });

  it.each([
    { name: 'slashes instead of dashes', start: '2024/07/01', end: '2024-07-10', code: 'invalid-date', field: 'start' },
    { name: 'a day that does not exist', start: '2024-07-01', end: '2024-02-30', code: 'invalid-date', field: 'end' },
    { name: 'words', start: 'yesterday', end: '', code: 'invalid-date', field: 'start' },
    { name: 'an empty start', start: '', end: '2024-07-10', code: 'invalid-date', field: 'start' },
    { name: 'start after end', start: '2024-08-01', end: '2024-07-01', code: 'start-after-end' },
    { name: 'a start in the future', start: '2025-01-11', end: '2025-02-01', code: 'start-in-future' },
    { name: 'a Friday-to-Sunday range (one trading day)', start: '2024-07-05', end: '2024-07-07', code: 'single-trading-day' },
    { name: 'a weekend (both move to Friday)', start: '2024-07-06', end: '2024-07-07', code: 'single-trading-day' },
    { name: 'the same day twice', start: '2024-07-05', end: '2024-07-05', code: 'single-trading-day' },
    { name: 'a holiday and the day before it', start: '2024-07-03', end: '2024-07-04', code: 'single-trading-day' },
    { name: 'one day over five years', start: '2020-01-09', end: undefined, code: 'range-too-long' },
    { name: 'over five years from a 29 February end', start: '2019-02-27', end: '2024-02-29', code: 'range-too-long' },
    { name: 'a start the calendar does not cover', start: '2019-01-01', end: '2019-03-01', code: 'no-trading-day' },
  ])('refuses $name ($code)', ({ start, end, code, field }) => {
    const result = resolveRange(start, end, tradingDays, today);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(0);
      if (field !== undefined) expect(result.error.details.field).toBe(field);
    }
  });

  it('asks for a wider range when both dates land on one trading day', () => {
    const result = resolveRange('2024-07-06', '2024-07-07', tradingDays, today);
    expect(result).toMatchObject({ ok: false, error: { kind: 'user-input', details: { tradingDay: '2024-07-05' } } });
    if (!result.ok) expect(result.error.message).toMatch(/wider range/);
  });

  it('blames the calendar, not the user, when it is out of order', () => {
    const result = resolveRange('2024-07-01', '2024-07-10', ['2024-07-02', '2024-07-01'], today);
    expect(result).toMatchObject({ ok: false, error: { kind: 'upstream', code: 'invalid-calendar' } });
  });

  it('does not echo a huge hostile date back in full', () => {
    const result = resolveRange('x'.repeat(10_000), '2024-07-10', tradingDays, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
  });

  it('throws for a malformed today, which is a programming error', () => {
    expect(() => resolveRange('2024-07-01', '2024-07-10', tradingDays, '10/01/2025')).toThrow(RangeError);
  });

  it('reports calendar days between the resolved days', () => {
    const result = resolveRange('2024-11-27', '2024-11-29', tradingDays, today);
    // Thanksgiving on the 28th does not shorten calendar days: 27th → 29th = 2; trading days 27th and 29th = 2
    expect(result).toMatchObject({ ok: true, range: { calendarDays: 2, tradingDayCount: 2 } });
    expect(daysBetween('2024-11-27', '2024-11-29')).toBe(2);
  });
});
