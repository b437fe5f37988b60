import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { decimalFrom, isDecimalString, percentOf, roundNumber, sum, toMoney, toPct, pctChange } from './money';

describe('toMoney', () => {
  it.each([
    ['1901.2', '1901.20'], // pads to two decimals
    ['2.675', '2.68'], // exact half → away from zero (a float would give 2.67)
    ['2.674999', '2.67'],
    ['-0.005', '-0.01'], // half away from zero on the negative side too
    ['-0.004', '0.00'], // rounds to zero: no "-0.00"
    ['-0', '0.00'],
    ['0', '0.00'],
    ['123456789012.345', '123456789012.35'], // large values keep every digit
    [0.1 + 0.2, '0.30'], // a float input is read through its shortest decimal form 0.30000000000000004
  ] as const)('rounds %s to %s', (input, expected) => {
    expect(toMoney(input)).toBe(expected);
  });

  it('refuses a non-finite value rather than printing NaN', () => {
    expect(() => toMoney(new Decimal(NaN))).toThrow(RangeError);
    expect(() => toMoney(Infinity)).toThrow(RangeError);
  });
});

describe('toPct and roundNumber', () => {
  it.each([
    ['6.755', 6.76], // half up
    ['-6.755', -6.76], // half away from zero
    ['-0.001', 0], // no negative zero
    ['33.333333', 33.33],
  ] as const)('toPct(%s) = %s', (input, expected) => {
    expect(Object.is(toPct(input), expected)).toBe(true);
  });

  it('rounds to other precisions', () => {
    expect(roundNumber('5.25', 1)).toBe(5.3); // half up at 1 decimal
    expect(roundNumber('9.95', 0)).toBe(10);
  });
});

describe('percentOf', () => {
  it.each([
    ['25', '200', '12.5'], // 25 / 200 × 100
    ['-50', '200', '-25'],
    ['1', '3', '33.333333333333333333'], // 20 significant digits
  ] as const)('%s of %s is %s %%', (part, whole, expected) => {
    expect(percentOf(part, whole)?.toString()).toBe(expected);
  });

  it('is null for a zero whole instead of dividing by zero', () => {
    expect(percentOf('5', '0')).toBeNull();
  });
});

describe('sum', () => {
  it('adds decimal strings exactly', () => {
    expect(sum(['0.1', '0.2']).toString()).toBe('0.3'); // floats would give 0.30000000000000004
    expect(sum(['348.58', '-0.98', '1000']).toString()).toBe('1347.6'); // 348.58 − 0.98 + 1000
  });

  it('is zero for nothing', () => {
    expect(sum([]).toString()).toBe('0');
  });
});

describe('isDecimalString and decimalFrom', () => {
  it.each([
    ['12', true],
    ['-0.98', true],
    ['+3.', true],
    ['.5', true],
    ['', false],
    ['1e5', false],
    ['1,000.00', false],
    [' 1', false],
    ['NaN', false],
    ['Infinity', false],
  ] as const)('isDecimalString(%j) is %s', (input, expected) => {
    expect(isDecimalString(input)).toBe(expected);
  });

  it('names the field when an upstream value is not a decimal', () => {
    expect(decimalFrom('174.78', 'price').toString()).toBe('174.78');
    expect(() => decimalFrom('abc', 'positions[0].qty')).toThrow(/positions\[0\]\.qty/);
  });
});

describe('pctChange', () => {
  const reference = (value: number, base: number) => toPct(new Decimal(value).div(base).minus(1).times(100));

  it('rounds half away from zero at the boundary, like toPct', () => {
    expect(pctChange(100.005, 100)).toBe(0.01);
    expect(pctChange(99.995, 100)).toBe(-0.01);
    expect(pctChange(200.01, 200)).toBe(0.01);
    expect(pctChange(189, 200)).toBe(-5.5);
    expect(pctChange(100, 100)).toBe(0);
    expect(Object.is(pctChange(99.99999, 100), 0)).toBe(true);
  });

  it('equals the Decimal computation on 200,000 price pairs, including ones built to land on x.xx5', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const mismatches: [number, number][] = [];
    for (let i = 0; i < 200_000; i += 1) {
      const base = Math.round((1 + random() * 2000) * 100) / 100;
      // Every other pair sits exactly on a half-hundredth of a percent from the base, the case floats get wrong.
      const value =
        i % 2 === 0
          ? Math.round(base * (1 + (Math.round(random() * 20_000 - 10_000) + 0.5) / 1_000_000) * 10_000) / 10_000
          : Math.round(base * (0.2 + random() * 3) * 100) / 100;
      if (pctChange(value, base) !== reference(value, base)) mismatches.push([value, base]);
    }
    expect(mismatches).toEqual([]);
  });
});
