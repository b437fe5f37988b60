import { describe, expect, it } from 'vitest';
import type { Holding } from './holding';
import { holdingRisk, riskLabel, riskScore } from './risk-score';

const stock = (marketValue: string): Holding => ({ marketValue, assetClass: 'equity', securityType: 'stock' });
const equityEtf = (marketValue: string): Holding => ({ marketValue, assetClass: 'equity', securityType: 'etf' });
const bondEtf = (marketValue: string): Holding => ({ marketValue, assetClass: 'fixed_income', securityType: 'etf' });

describe('riskScore', () => {
  it.each<[string, Holding[], string, number]>([
    ['no positions', [], '0', 0],
    ['no positions, only cash (the spec scores nothing)', [], '5000', 0],
    ['one broad ETF', [equityEtf('1000')], '0', 8], // equity 8 + etf 0
    ['one stock', [stock('1000')], '0', 9.5], // equity 8 + stock 1.5
    ['stock and bond ETF', [stock('600'), bondEtf('400')], '0', 6.9], // (600 × 9.5 + 400 × 3) / 1000 = 6.9
    ['stock and cash', [stock('500')], '500', 5.3], // (500 × 9.5 + 500 × 1) / 1000 = 5.25 → 5.3
    ['mostly cash', [equityEtf('100')], '900', 1.7], // (100 × 8 + 900 × 1) / 1000 = 1.7
    ['crypto is clamped at 10', [{ marketValue: '100', assetClass: 'alternatives', securityType: 'crypto' }], '0', 10], // 9 + 2 = 11 → 10
    ['an option is clamped at 10', [{ marketValue: '100', assetClass: 'equity', securityType: 'option' }], '0', 10], // 8 + 3 = 11 → 10
    [
      'a money-market fund',
      [{ marketValue: '100', assetClass: 'fixed_income', securityType: 'money_market' }],
      '0',
      2.5, // 3 − 0.5
    ],
    ['a REIT', [{ marketValue: '100', assetClass: 'real_estate', securityType: 'reit' }], '0', 7], // 6 + 1
    ['a mutual fund', [{ marketValue: '100', assetClass: 'equity', securityType: 'mutual_fund' }], '0', 8.5], // 8 + 0.5
    ['a commodity ETF', [{ marketValue: '100', assetClass: 'commodities', securityType: 'etf' }], '0', 8],
    ['a position that lost 100 %, no cash', [stock('0')], '0', 0], // nothing of value to weigh
    ['a position that lost 100 %, with cash', [stock('0')], '250', 1], // only cash has weight
    ['a short position counts by its size', [stock('-500')], '0', 9.5],
    ['a margin loan (negative cash) gets no weight', [stock('1000')], '-200', 9.5],
  ])('%s → %d', (_name, holdings, cash, expected) => {
    expect(riskScore(holdings, cash)).toBe(expected);
  });
});

describe('holdingRisk', () => {
  it('clamps each holding to 1–10', () => {
    expect(holdingRisk('cash', 'money_market')).toBe(1); // 1 − 0.5 = 0.5 → 1
    expect(holdingRisk('alternatives', 'option')).toBe(10); // 9 + 3 = 12 → 10
  });
});

describe('riskLabel', () => {
  it.each([
    [0, 'LOW'],
    [2.9, 'LOW'],
    [3, 'MEDIUM'],
    [6.9, 'MEDIUM'],
    [7, 'HIGH'],
    [10, 'HIGH'],
  ] as const)('%d is %s', (score, label) => {
    expect(riskLabel(score)).toBe(label);
  });
});
