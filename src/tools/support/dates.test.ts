import { clockFrom } from '../../platform/clock';
import { describe, expect, it } from 'vitest';
import { addDays, easternDateTime, easternDayBounds, easternToday } from './dates';

describe('New York dates', () => {
  it.each([
    ['2025-06-16', '2025-06-16T00:00:00-04:00', '2025-06-16T23:59:59-04:00'],
    ['2025-01-15', '2025-01-15T00:00:00-05:00', '2025-01-15T23:59:59-05:00'],
    // DST starts at 02:00 on 9 March 2025 and ends at 02:00 on 2 November 2025.
    ['2025-03-09', '2025-03-09T00:00:00-05:00', '2025-03-09T23:59:59-04:00'],
    ['2025-11-02', '2025-11-02T00:00:00-04:00', '2025-11-02T23:59:59-05:00'],
  ])('bounds %s as %s … %s', (date, start, end) => {
    expect(easternDayBounds(date)).toEqual({ start, end });
  });

  it("takes today's date in New York, not UTC", () => {
    expect(easternToday(clockFrom(() => new Date('2025-06-17T03:30:00Z')))).toBe('2025-06-16');
    expect(easternToday(clockFrom(() => new Date('2025-06-17T04:30:00Z')))).toBe('2025-06-17');
  });

  it('adds days across months and years, and writes New York wall-clock times', () => {
    expect(addDays('2024-12-25', 14)).toBe('2025-01-08');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(easternDateTime('2025-06-16T14:00:00Z')).toBe('2025-06-16 10:00');
    expect(easternDateTime('2025-01-15T14:30:00Z')).toBe('2025-01-15 09:30');
    expect(easternDateTime('nonsense')).toBeNull();
  });
});
