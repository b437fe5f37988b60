import { describe, expect, it } from 'vitest';
import { formatDollars, formatNewYorkTime, formatPct, formatPrice, formatShares } from './format';

describe('formatDollars', () => {
  it.each([
    ['0', '$0.00'],
    ['512.4', '$512.40'],
    ['1512.4', '$1,512.40'],
    ['1000000000', '$1,000,000,000.00'],
    ['2.675', '$2.68'], // half away from zero, as toMoney
    ['-12', '-$12.00'],
    ['-0.001', '$0.00'], // no "-$0.00"
  ])('%s → %s', (value, expected) => {
    expect(formatDollars(value)).toBe(expected);
  });
});

describe('formatPrice and formatShares', () => {
  it.each([
    ['412', '$412.00'],
    ['412.5', '$412.50'],
    ['0.1234', '$0.1234'],
  ])('price %s → %s', (value, expected) => {
    expect(formatPrice(value)).toBe(expected);
  });

  it.each([
    ['1', '1 share'],
    ['1.0', '1 share'],
    ['2.5', '2.5 shares'],
    ['0.000000001', '0.000000001 shares'], // never exponent notation
    ['1500', '1,500 shares'],
    ['0', '0 shares'],
  ])('shares %s → %s', (value, expected) => {
    expect(formatShares(value)).toBe(expected);
  });

  it('writes percentages with 2 decimals', () => {
    expect(formatPct(20)).toBe('20.00%');
    expect(formatPct(5.2)).toBe('5.20%');
  });
});

describe('formatNewYorkTime', () => {
  it.each([
    ['2025-06-17T13:30:00Z', 'Tuesday, June 17 at 9:30 AM New York time'], // EDT, UTC−4
    ['2025-12-01T14:30:00Z', 'Monday, December 1 at 9:30 AM New York time'], // EST, UTC−5
    ['2025-06-16T20:00:00Z', 'Monday, June 16 at 4:00 PM New York time'],
    ['2025-06-17T09:30:00-04:00', 'Tuesday, June 17 at 9:30 AM New York time'],
  ])('%s → %s', (timestamp, expected) => {
    expect(formatNewYorkTime(timestamp)).toBe(expected);
  });

  it('returns a timestamp it cannot read as given', () => {
    expect(formatNewYorkTime('next Tuesday')).toBe('next Tuesday');
  });
});
