import { describe, expect, it } from 'vitest';
import { priceSeriesStats, type DailyClose } from './price-series-stats';

const closes = (start: string, values: readonly number[]): DailyClose[] =>
  values.map((c, index) => {
    const day = new Date(`${start}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + index);
    return { t: day.toISOString().slice(0, 10), c };
  });

const january = { start: '2024-01-01', end: '2024-01-31' };

describe('priceSeriesStats', () => {
  it.each([
    {
      name: 'a rise, a fall and a rise',
      bars: closes('2024-01-02', [100, 110, 99, 108.9]),
      expected: {
        startDate: '2024-01-02',
        endDate: '2024-01-05',
        startPrice: '100',
        endPrice: '108.9',
        priceChange: '8.90', // 108.9 − 100
        totalReturnPct: 8.9, // 108.9 / 100 − 1
        annualizedReturnPct: 1083.58, // 3 days < 0.1 year: 0.089 × 365.25 / 3 = 10.83575
        annualization: 'simple',
        // daily returns +0.1, −0.1, +0.1; mean 1/30; squared deviations 4/900 + 16/900 + 4/900 = 24/900;
        // sample variance 24/900 / 2 = 0.04/3; sd = 0.2/√3 = 0.1154701
        dailyVolatilityPct: 11.55,
        annualizedVolatilityPct: 183.3, // 0.2/√3 × √252 = 0.2 × √84 = 1.8330303
        maxDrawdownPct: -10, // peak 110, trough 99: 99 / 110 − 1
        dataPoints: 4,
      },
    },
    {
      name: 'a loss of 100 %',
      bars: closes('2024-01-02', [50, 25, 0]),
      expected: {
        priceChange: '-50.00',
        totalReturnPct: -100, // 0 / 50 − 1
        annualizedReturnPct: -100, // clamped, never NaN
        // returns −0.5, −1; mean −0.75; deviations ±0.25; variance (0.0625 + 0.0625) / 1 = 0.125; sd = 0.3535534
        dailyVolatilityPct: 35.36,
        annualizedVolatilityPct: 561.25, // √(0.125 × 252) = √31.5 = 5.6124861
        maxDrawdownPct: -100, // peak 50, trough 0
        dataPoints: 3,
      },
    },
    {
      name: 'a price that stays at zero (a return after a zero close is undefined and left out)',
      bars: closes('2024-01-02', [50, 0, 0]),
      expected: { totalReturnPct: -100, dailyVolatilityPct: null, annualizedVolatilityPct: null, maxDrawdownPct: -100 },
    },
    {
      name: 'two closes (one return: no sample volatility)',
      bars: closes('2024-01-02', [100, 90]),
      expected: { totalReturnPct: -10, priceChange: '-10.00', dailyVolatilityPct: null, maxDrawdownPct: -10, dataPoints: 2 },
    },
    {
      name: 'a steady rise (no drawdown)',
      bars: closes('2024-01-02', [10, 11, 12, 13]),
      expected: { totalReturnPct: 30, maxDrawdownPct: 0 }, // 13 / 10 − 1
    },
    {
      name: 'four years, compounded',
      range: { start: '2020-01-02', end: '2024-01-02' },
      bars: [
        { t: '2020-01-02', c: 100 },
        { t: '2024-01-02', c: 146.41 },
      ],
      expected: { totalReturnPct: 46.41, annualizedReturnPct: 10, annualization: 'compound' }, // 1461 days = 4 years; 1.4641^(1/4) − 1
    },
    {
      name: 'sub-dollar prices keep their precision; the change is per share to the cent',
      bars: [
        { t: '2024-01-02', c: 0.1234 },
        { t: '2024-01-03', c: 0.1299 },
      ],
      expected: { startPrice: '0.1234', endPrice: '0.1299', priceChange: '0.01', totalReturnPct: 5.27 }, // 0.0065 → 0.01; 0.1299 / 0.1234 − 1 = 0.0526742
    },
  ] as { name: string; bars: DailyClose[]; range?: { start: string; end: string }; expected: object }[])('$name', ({ bars, range, expected }) => {
    const result = priceSeriesStats('TEST', bars, range ?? january);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.stats).toMatchObject(expected);
  });

  it('uses only bars inside the range, in date order, the later of two same-day bars winning', () => {
    const bars: DailyClose[] = [
      { t: '2024-01-05', c: 130 },
      { t: '2023-12-29', c: 1 }, // before the range
      { t: '2024-01-03', c: 110 },
      { t: '2024-01-02', c: 100 },
      { t: '2024-01-03', c: 120 }, // replaces the first 2024-01-03 bar
      { t: '2024-02-01', c: 999 }, // after the range
    ];
    const result = priceSeriesStats('TEST', bars, { start: '2024-01-02', end: '2024-01-05' });
    // closes 100, 120, 130: return 30 %, drawdown 0, 3 data points
    expect(result).toMatchObject({
      ok: true,
      stats: { startDate: '2024-01-02', endDate: '2024-01-05', totalReturnPct: 30, maxDrawdownPct: 0, dataPoints: 3 },
    });
  });

  it.each([
    { name: 'no bars', bars: [] as DailyClose[] },
    { name: 'one bar in range', bars: [{ t: '2024-01-02', c: 100 }, { t: '2023-06-01', c: 90 }] },
  ])('needs at least two closes: $name', ({ bars }) => {
    const result = priceSeriesStats('NEWCO', bars, january);
    expect(result).toMatchObject({ ok: false, error: { kind: 'user-input', code: 'insufficient-data' } });
  });

  it.each([
    { name: 'a NaN close', bar: { t: '2024-01-03', c: Number.NaN } },
    { name: 'a negative close', bar: { t: '2024-01-03', c: -1 } },
    { name: 'an infinite close', bar: { t: '2024-01-03', c: Number.POSITIVE_INFINITY } },
    { name: 'a timestamp instead of a date', bar: { t: '2024-01-03T05:00:00Z', c: 100 } },
  ])('rejects upstream data with $name', ({ bar }) => {
    const result = priceSeriesStats('TEST', [{ t: '2024-01-02', c: 100 }, bar], january);
    expect(result).toMatchObject({ ok: false, error: { kind: 'upstream', code: 'invalid-bars' } });
  });

  it('rejects a first close of zero (no return can be measured from it)', () => {
    const result = priceSeriesStats('TEST', closes('2024-01-02', [0, 5]), january);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-bars' } });
  });
});
