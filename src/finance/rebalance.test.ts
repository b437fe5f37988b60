import { describe, expect, it } from 'vitest';
import { summarizePortfolio, type PositionInput } from './portfolio-summary';
import { rebalancePlan } from './rebalance';
import { targetAllocations, toTargetProfile } from './target-allocations';

const position = (symbol: string, marketValue: string): PositionInput => ({
  symbol,
  qty: '1',
  marketValue,
  costBasis: marketValue,
  currentPrice: marketValue,
  avgEntryPrice: marketValue,
});
const summary = (positions: PositionInput[], cash: string) => {
  const total = positions.reduce((sum, p) => sum + Number(p.marketValue), Number(cash));
  return summarizePortfolio(positions, { cash, equity: total.toFixed(2) });
};

/** 10 000: SPY (equity ETF) 2 500, AAPL (stock) 1 900, BND (bond ETF) 1 400, cash 4 200. */
const mixed = summary([position('SPY', '2500'), position('AAPL', '1900'), position('BND', '1400')], '4200');

describe('rebalancePlan', () => {
  it('reports the current allocation and equity split', () => {
    const plan = rebalancePlan(mixed, 'balanced');
    expect(plan.totalValue).toBe('10000.00');
    expect(plan.currentAllocation).toEqual([
      { assetClass: 'equity', value: '4400.00', pct: 44 }, // 2500 + 1900
      { assetClass: 'fixed_income', value: '1400.00', pct: 14 },
      { assetClass: 'cash', value: '4200.00', pct: 42 },
    ]);
    // 2500 / 4400 = 56.818 %, 1900 / 4400 = 43.182 %
    expect(plan.currentEquitySplit).toEqual({ etfValue: '2500.00', stockValue: '1900.00', etfPct: 56.82, stockPct: 43.18 });
    expect(plan.targetAllocation).toBe(targetAllocations.balanced);
  });

  it.each([
    {
      profile: 'balanced',
      actions: [
        ['add', 'equity', '1600.00', 44, 60], // 60 % of 10 000 = 6000 − 4400
        ['add', 'fixed_income', '2600.00', 14, 40], // 4000 − 1400
        ['reduce', 'cash', '4200.00', 42, 0], // 0 − 4200
      ],
      split: [
        ['add', 'etf', '1700.00', 56.82, 70], // 70 % of 6000 = 4200 − 2500
        ['reduce', 'stock', '100.00', 43.18, 30], // 30 % of 6000 = 1800 − 1900
      ],
    },
    {
      profile: 'aggressive',
      actions: [
        ['add', 'equity', '5600.00', 44, 100], // 10 000 − 4400
        ['reduce', 'fixed_income', '1400.00', 14, 0],
        ['reduce', 'cash', '4200.00', 42, 0],
      ],
      split: [
        ['add', 'etf', '2500.00', 56.82, 50], // 50 % of 10 000 = 5000 − 2500
        ['add', 'stock', '3100.00', 43.18, 50], // 5000 − 1900
      ],
    },
    {
      profile: 'conservative',
      actions: [
        ['reduce', 'equity', '1400.00', 44, 30], // 3000 − 4400
        ['add', 'fixed_income', '4600.00', 14, 60], // 6000 − 1400
        ['reduce', 'cash', '3200.00', 42, 10], // 1000 − 4200
      ],
      split: [
        ['reduce', 'etf', '100.00', 56.82, 80], // 80 % of 3000 = 2400 − 2500
        ['reduce', 'stock', '1300.00', 43.18, 20], // 600 − 1900
      ],
    },
  ] as const)('moves a mixed portfolio towards $profile', ({ profile, actions, split }) => {
    const plan = rebalancePlan(mixed, profile);
    expect(plan.actions.map((a) => [a.action, a.assetClass, a.amount, a.fromPct, a.toPct])).toEqual(actions);
    expect(plan.splitAdjustments.map((a) => [a.action, a.securityType, a.amount, a.fromPct, a.toPct])).toEqual(split);
    expect(plan.aligned).toBe(false);
    expect(plan.profile).toBe(profile);
  });

  it('suggests example funds for additions and names what is held for reductions', () => {
    const plan = rebalancePlan(mixed, 'balanced');
    expect(plan.actions.find((a) => a.assetClass === 'equity')).toMatchObject({ exampleInstruments: ['VTI', 'VOO', 'SPY'], heldSymbols: ['SPY', 'AAPL'] });
    expect(plan.actions.find((a) => a.assetClass === 'fixed_income')).toMatchObject({ exampleInstruments: ['BND', 'AGG', 'VGIT'] });
    expect(plan.actions.find((a) => a.assetClass === 'cash')).toMatchObject({ exampleInstruments: [] });
    expect(plan.splitAdjustments.find((a) => a.securityType === 'etf')?.exampleInstruments).toEqual(['VTI', 'VOO', 'SPY']);
    expect(plan.splitAdjustments.find((a) => a.securityType === 'stock')?.exampleInstruments).toEqual([]); // no stock picks
  });

  it('reduces a class the target does not hold', () => {
    const plan = rebalancePlan(summary([position('SPY', '6000'), position('VNQ', '1000'), position('BND', '3000')], '0'), 'balanced');
    // equity 6000 = 60 %: aligned; fixed income 3000 vs 4000: add 1000; real estate 1000 vs 0: reduce 1000
    expect(plan.actions.map((a) => [a.action, a.assetClass, a.amount])).toEqual([
      ['add', 'fixed_income', '1000.00'],
      ['reduce', 'real_estate', '1000.00'],
    ]);
    expect(plan.actions[1]?.heldSymbols).toEqual(['VNQ']);
  });

  it('is aligned when every gap is within the thresholds', () => {
    const plan = rebalancePlan(summary([position('SPY', '5000'), position('AAPL', '5000')], '0'), 'aggressive');
    expect(plan).toMatchObject({ aligned: true, actions: [], splitAdjustments: [], nothingToRebalance: false });
  });

  it.each([
    { cash: '50', equityAction: null }, // equity gap 10 000 − 9950 = 50: not more than $50
    { cash: '50.01', equityAction: '50.01' }, // 10 000.01 − 9950 = 50.01 > $50
  ])('suggests a class move only above $50 (cash $cash)', ({ cash, equityAction }) => {
    const plan = rebalancePlan(summary([position('SPY', '4975'), position('AAPL', '4975')], cash), 'aggressive');
    expect(plan.actions.find((a) => a.assetClass === 'equity')?.amount ?? null).toBe(equityAction);
    expect(plan.actions.find((a) => a.assetClass === 'cash')?.amount ?? null).toBe(equityAction); // the mirror image
    expect(plan.splitAdjustments).toEqual([]); // 4975 / 9950 = exactly 50 % ETF
  });

  it.each([
    { spy: '5050', aapl: '4950', adjusted: false }, // 50.5 % ETF: 0.5 pp off
    { spy: '5100', aapl: '4900', adjusted: false }, // 51 %: exactly 1 pp is not more than 1 pp
    { spy: '5110', aapl: '4890', adjusted: true }, // 51.1 %: 1.1 pp off
  ])('adjusts the ETF/stock split only beyond 1 pp (SPY $spy, AAPL $aapl)', ({ spy, aapl, adjusted }) => {
    const plan = rebalancePlan(summary([position('SPY', spy), position('AAPL', aapl)], '0'), 'aggressive');
    expect(plan.actions).toEqual([]);
    expect(plan.aligned).toBe(!adjusted);
    if (adjusted) {
      expect(plan.splitAdjustments.map((a) => [a.action, a.securityType, a.amount, a.fromPct, a.toPct])).toEqual([
        ['reduce', 'etf', '110.00', 51.1, 50], // 5000 − 5110
        ['add', 'stock', '110.00', 48.9, 50], // 5000 − 4890
      ]);
    }
  });

  it('invests an all-cash account', () => {
    const plan = rebalancePlan(summary([], '1000'), 'balanced');
    expect(plan.currentAllocation).toEqual([{ assetClass: 'cash', value: '1000.00', pct: 100 }]);
    expect(plan.currentEquitySplit).toBeNull();
    expect(plan.actions.map((a) => [a.action, a.assetClass, a.amount, a.fromPct, a.toPct])).toEqual([
      ['add', 'equity', '600.00', 0, 60],
      ['add', 'fixed_income', '400.00', 0, 40],
      ['reduce', 'cash', '1000.00', 100, 0],
    ]);
    expect(plan.splitAdjustments.map((a) => [a.action, a.securityType, a.amount, a.fromPct, a.toPct])).toEqual([
      ['add', 'etf', '420.00', 0, 70], // 70 % of 600
      ['add', 'stock', '180.00', 0, 30], // 30 % of 600
    ]);
  });

  it('has nothing to do for an empty account with no cash', () => {
    const plan = rebalancePlan(summary([], '0'), 'conservative');
    expect(plan).toMatchObject({ totalValue: '0.00', currentAllocation: [], actions: [], splitAdjustments: [], aligned: true, nothingToRebalance: true });
  });

  it('has nothing to allocate when every position lost 100 % and there is no cash', () => {
    const plan = rebalancePlan(summary([position('GONE', '0')], '0'), 'balanced');
    expect(plan).toMatchObject({ nothingToRebalance: true, aligned: true, actions: [] });
  });

  it('states its thresholds', () => {
    expect(rebalancePlan(mixed, 'balanced').thresholds).toEqual({ classGapDollars: 50, splitGapPp: 1 });
  });
});

describe('target allocations', () => {
  it.each(['conservative', 'balanced', 'aggressive'] as const)('%s adds up to 100 % with splits of 100 %', (profile) => {
    const targets = targetAllocations[profile];
    expect(targets.reduce((sum, target) => sum + target.pct, 0)).toBe(100);
    for (const target of targets) {
      if (target.split.length > 0) expect(target.split.reduce((sum, part) => sum + part.pct, 0)).toBe(100);
    }
  });

  it.each([
    ['aggressive', 'aggressive'],
    ['conservative', 'conservative'],
    ['balanced', 'balanced'],
    ['yolo', 'balanced'], // unknown → balanced
    ['Aggressive', 'balanced'], // settings are exact
    [undefined, 'balanced'],
    [42, 'balanced'],
  ])('reads the stored profile %j as %s', (stored, expected) => {
    expect(toTargetProfile(stored)).toBe(expected);
  });
});
