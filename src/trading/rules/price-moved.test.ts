import { describe, expect, it } from 'vitest';
import { priceMoved } from './price-moved';

describe('priceMoved', () => {
  it.each([
    ['100.00', '100.00', 1, false, 0],
    ['100.00', '101.00', 1, false, 1], // exactly 1 % up: not more than the threshold
    ['100.00', '101.01', 1, true, 1.01],
    ['100.00', '99.00', 1, false, -1], // exactly 1 % down
    ['100.00', '98.99', 1, true, -1.01],
    ['412.00', '416.12', 1, false, 1], // 4.12 ÷ 412 = exactly 1 %
    ['412.00', '416.13', 1, true, 1], // 1.00243 %: moved, shown rounded as 1.00
    ['100.00', '100.5', 0.5, false, 0.5],
    ['100.00', '100.51', 0.5, true, 0.51],
    ['0.1234', '0.1247', 1, true, 1.05], // 0.0013 ÷ 0.1234 = 1.0535 %
    ['200', '100', 20, true, -50],
  ] as const)('%s → %s with a %s%% threshold: moved %s, %s%%', (original, current, threshold, moved, changePct) => {
    expect(priceMoved(original, current, threshold)).toEqual({ moved, changePct });
  });

  it.each([
    ['0', '100'],
    ['-1', '100'],
    ['abc', '100'],
    ['100', '1e2'],
  ])('refuses original %s, current %s', (original, current) => {
    expect(() => priceMoved(original, current, 1)).toThrow(RangeError);
  });

  it('refuses a threshold that is not a finite non-negative number', () => {
    expect(() => priceMoved('100', '101', Number.NaN)).toThrow(RangeError);
    expect(() => priceMoved('100', '101', -1)).toThrow(RangeError);
  });
});
