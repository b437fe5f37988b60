import { describe, expect, it } from 'vitest';
import { addYears, daysBetween, easternDate, isIsoDate } from './calendar-date';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true], // leap year
    ['2023-02-29', false], // not a leap year
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-1-05', false], // needs two-digit month
    ['2024-01-05T00:00:00Z', false], // a timestamp is not a date
    ['', false],
  ] as const)('%j → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2024-07-03', '2024-07-05', 2],
    ['2024-12-24', '2025-01-08', 15], // 7 days left in December + 8 in January
    ['2020-01-02', '2024-01-02', 1461], // 366 + 365 + 365 + 365 = 4 × 365.25
    ['2024-03-09', '2024-03-11', 2], // across the US daylight-saving change: still whole days
    ['2024-07-05', '2024-07-03', -2],
  ] as const)('%s → %s is %d days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('addYears', () => {
  it.each([
    ['2025-01-10', -5, '2020-01-10'],
    ['2024-02-29', -5, '2019-02-28'], // no 29 February in 2019
    ['2024-02-29', -4, '2020-02-29'],
  ] as const)('%s %+d years → %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });
});

describe('easternDate', () => {
  it.each([
    ['2024-03-01T20:30:00Z', '2024-03-01'], // 15:30 EST
    ['2024-03-02T00:30:00Z', '2024-03-01'], // 19:30 EST the previous evening (after-hours fill)
    ['2024-07-01T03:59:59.999999999Z', '2024-06-30'], // 23:59 EDT (UTC−4 in summer)
    ['2024-07-01T04:00:00Z', '2024-07-01'],
    ['2022-02-02T18:55:09.981482Z', '2022-02-02'], // Alpaca's example fill
  ] as const)('%s is %s in New York', (timestamp, expected) => {
    expect(easternDate(timestamp)).toBe(expected);
  });

  it.each(['not a time', '2024-03-01', '', '2024-99-01T00:00:00Z'])('is null for %j', (timestamp) => {
    expect(easternDate(timestamp)).toBeNull();
  });
});
