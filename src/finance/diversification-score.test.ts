import { describe, expect, it } from 'vitest';
import type { AssetClass } from './classification';
import { diversificationLabel, diversificationScore } from './diversification-score';
import type { Holding } from './holding';

const holding = (marketValue: string, assetClass: AssetClass = 'equity'): Holding => ({
  marketValue,
  assetClass,
  securityType: assetClass === 'equity' ? 'stock' : 'etf',
});
const repeat = (count: number, make: (index: number) => Holding): Holding[] => Array.from({ length: count }, (_, index) => make(index));
const fiveClasses: AssetClass[] = ['equity', 'fixed_income', 'real_estate', 'commodities', 'alternatives'];

describe('diversificationScore', () => {
  it.each<{ name: string; holdings: Holding[]; cash: string; expected: object }>([
    {
      name: 'no positions',
      holdings: [],
      cash: '1000',
      expected: { score: 0, assetClassCount: 0 },
    },
    {
      name: 'a single position',
      holdings: [holding('1000')],
      cash: '0',
      // class points 1 / 5 × 3 = 0.6; HHI 100² = 10 000 → 0; one class → balance 0; 0.6 → clamped to 1
      expected: { score: 1, assetClassCount: 1, assetClassPoints: 0.6, positionHhi: 10000, positionHhiPoints: 0, balancePoints: 0 },
    },
    {
      name: 'four equal stocks',
      holdings: repeat(4, () => holding('250')),
      cash: '0',
      // 0.6 + HHI 4 × 25² = 2500 (not > 2500) → 2 + balance 0 = 2.6
      expected: { score: 2.6, positionHhi: 2500, positionHhiPoints: 2 },
    },
    {
      name: 'three equal stocks',
      holdings: repeat(3, () => holding('100')),
      cash: '0',
      // 0.6 + HHI 3 × 33.33² = 3333.33 → 1 + 0 = 1.6
      expected: { score: 1.6, positionHhi: 3333.33, positionHhiPoints: 1 },
    },
    {
      name: 'equity, bonds and cash',
      holdings: [holding('500', 'equity'), holding('300', 'fixed_income')],
      cash: '200',
      // classes: equity, fixed income, cash = 3 → 1.8
      // position HHI over 800 invested: 62.5² + 37.5² = 3906.25 + 1406.25 = 5312.5 → 0
      // class HHI 50² + 30² + 20² = 2500 + 900 + 400 = 3800: > 3500 → 1 balance point
      // 1.8 + 0 + 1 = 2.8
      expected: { score: 2.8, assetClassCount: 3, assetClassPoints: 1.8, positionHhi: 5312.5, positionHhiPoints: 0, assetClassHhi: 3800, balancePoints: 1 },
    },
    {
      name: 'ten equal positions over five classes',
      holdings: repeat(10, (index) => holding('100', fiveClasses[index % 5] ?? 'equity')),
      cash: '0',
      // 5 classes → 3; HHI 10 × 10² = 1000 → 3; class HHI 5 × 20² = 2000 → 3; total 9
      expected: { score: 9, assetClassCount: 5, assetClassPoints: 3, positionHhi: 1000, positionHhiPoints: 3, assetClassHhi: 2000, balancePoints: 3 },
    },
    {
      name: 'twenty equal positions over five classes (the maximum)',
      holdings: repeat(20, (index) => holding('50', fiveClasses[index % 5] ?? 'equity')),
      cash: '0',
      // 3 + HHI 20 × 5² = 500 → 4 + 3 = 10
      expected: { score: 10, positionHhi: 500, positionHhiPoints: 4, balancePoints: 3 },
    },
    {
      name: 'six classes still earn at most 3 class points',
      holdings: repeat(5, (index) => holding('100', fiveClasses[index % 5] ?? 'equity')),
      cash: '100',
      // 6 classes capped at 5 → 3; HHI 5 × 20² = 2000 → 2; six even classes → 3; total 8
      expected: { score: 8, assetClassCount: 6, assetClassPoints: 3, positionHhiPoints: 2, balancePoints: 3 },
    },
    {
      name: 'positions that all lost 100 %, with cash',
      holdings: [holding('0'), holding('0')],
      cash: '100',
      // only cash has value: 1 class → 0.6; no invested value → 0 HHI points (not "perfectly spread"); → 1
      expected: { score: 1, assetClassCount: 1, positionHhiPoints: 0 },
    },
    {
      name: 'positions that all lost 100 %, no cash',
      holdings: [holding('0')],
      cash: '0',
      expected: { score: 0 },
    },
    {
      name: 'zero cash is not a class',
      holdings: [holding('500', 'equity'), holding('500', 'fixed_income')],
      cash: '0',
      // 2 classes → 1.2; HHI 50² × 2 = 5000 (not > 5000) → 1; class HHI 5000 (not > 5000) → 1; 3.2
      expected: { score: 3.2, assetClassCount: 2, assetClassPoints: 1.2, positionHhiPoints: 1, assetClassHhi: 5000, balancePoints: 1 },
    },
  ])('$name', ({ holdings, cash, expected }) => {
    expect(diversificationScore(holdings, cash)).toMatchObject(expected);
  });
});

describe('diversificationScore balance points (the original asset-class concentration steps)', () => {
  // class HHI = Σ (class share in %)²: > 5000 → 0, > 3500 → 1, > 2500 → 2, else 3; one class → 0
  it.each<{ shares: [AssetClass, string][]; hhi: number; points: number }>([
    { shares: [['equity', '60'], ['fixed_income', '40']], hhi: 5200, points: 0 },
    { shares: [['equity', '50'], ['fixed_income', '50']], hhi: 5000, points: 1 }, // not above 5000
    { shares: [['equity', '50'], ['fixed_income', '30'], ['real_estate', '20']], hhi: 3800, points: 1 },
    { shares: [['equity', '40'], ['fixed_income', '30'], ['real_estate', '30']], hhi: 3400, points: 2 },
    { shares: [['equity', '25'], ['fixed_income', '25'], ['real_estate', '25'], ['commodities', '25']], hhi: 2500, points: 3 }, // not above 2500
    { shares: [['equity', '100']], hhi: 10000, points: 0 },
  ])('class HHI $hhi earns $points balance points', ({ shares, hhi, points }) => {
    const result = diversificationScore(shares.map(([assetClass, value]) => holding(value, assetClass)), '0');
    expect(result).toMatchObject({ assetClassHhi: hhi, balancePoints: points });
  });

  it('lists each asset class share it was computed from', () => {
    const result = diversificationScore([holding('500', 'equity'), holding('300', 'fixed_income')], '200');
    expect(result.assetClassWeights).toEqual([
      { assetClass: 'equity', weightPct: 50 },
      { assetClass: 'fixed_income', weightPct: 30 },
      { assetClass: 'cash', weightPct: 20 },
    ]);
  });
});

describe('diversificationLabel', () => {
  it.each([
    [0, 'POOR'],
    [2.9, 'POOR'],
    [3, 'MODERATE'],
    [6.9, 'MODERATE'],
    [7, 'GOOD'],
  ] as const)('%d is %s', (score, label) => {
    expect(diversificationLabel(score)).toBe(label);
  });
});
