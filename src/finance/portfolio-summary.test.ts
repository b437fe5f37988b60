import { describe, expect, it } from 'vitest';
import { concentrationLevel, summarizePortfolio, type PositionInput } from './portfolio-summary';

const position = (symbol: string, marketValue: string, costBasis: string | null | undefined, extra: Partial<PositionInput> = {}): PositionInput => ({
  symbol,
  qty: '1',
  marketValue,
  costBasis,
  currentPrice: marketValue,
  avgEntryPrice: costBasis ?? '0',
  ...extra,
});

/** 10 000 in total: SPY 2 500 + AAPL 1 900 + BND 1 400 + cash 4 200. */
const mixed: PositionInput[] = [
  position('AAPL', '1900.00', '1500.00', { qty: '10', currentPrice: '190', avgEntryPrice: '150', name: 'Apple Inc. Common Stock' }),
  position('SPY', '2500.00', '2000.00', { qty: '5', currentPrice: '500', avgEntryPrice: '400' }),
  position('BND', '1400.00', '1500.00', { qty: '20', currentPrice: '70', avgEntryPrice: '75' }),
];

describe('summarizePortfolio', () => {
  it('summarises a mixed portfolio', () => {
    const summary = summarizePortfolio(mixed, { cash: '4200', equity: '10000.00' });
    expect(summary.empty).toBe(false);
    expect(summary.positionCount).toBe(3);
    expect(summary.positions.map((p) => p.symbol)).toEqual(['SPY', 'AAPL', 'BND']); // largest first
    expect(summary.positions[1]).toEqual({
      symbol: 'AAPL',
      name: 'Apple Inc. Common Stock',
      assetClass: 'equity',
      securityType: 'stock',
      qty: '10',
      currentPrice: '190',
      avgEntryPrice: '150',
      marketValue: '1900.00',
      costBasis: '1500.00',
      unrealizedPl: '400.00', // 1900 − 1500
      unrealizedPlPct: 26.67, // 400 / 1500 = 0.266667
      weightPct: 19, // 1900 / 10 000, cash included
    });
    expect(summary.positions[0]).toMatchObject({ symbol: 'SPY', securityType: 'etf', unrealizedPl: '500.00', unrealizedPlPct: 25, weightPct: 25 });
    expect(summary.positions[2]).toMatchObject({
      symbol: 'BND',
      assetClass: 'fixed_income',
      unrealizedPl: '-100.00', // 1400 − 1500
      unrealizedPlPct: -6.67, // −100 / 1500 = −0.066667
      weightPct: 14,
    });
    expect(summary.totals).toEqual({
      investments: '5800.00', // 2500 + 1900 + 1400
      investmentsPct: 58,
      cash: '4200.00',
      cashPct: 42,
      totalValue: '10000.00',
      reportedEquity: '10000.00',
      difference: '0.00',
      reconciles: true,
      reconciliation: expect.objectContaining({ status: 'reconciled', reason: null }) as unknown,
      costBasis: '5000.00', // 1500 + 2000 + 1500
      grossCostBasis: '5000.00', // all long
      unrealizedPl: '800.00', // 400 + 500 − 100
      unrealizedPlPct: 16, // 800 / 5000
      positionsWithoutCostBasis: 0,
    });
    expect(summary.largestPosition).toEqual({ symbol: 'SPY', marketValue: '2500.00', weightPct: 25 });
    expect(summary.bestPerformer).toEqual({ symbol: 'AAPL', unrealizedPlPct: 26.67 });
    expect(summary.worstPerformer).toEqual({ symbol: 'BND', unrealizedPlPct: -6.67 });
    expect(summary.topPositions.map((p) => p.symbol)).toEqual(['SPY', 'AAPL', 'BND']);
    expect(summary.concentration).toEqual({ level: 'MODERATE', topWeightPct: 25 }); // 25 > 20, not > 30
    // risk: (2500 × 8 + 1900 × 9.5 + 1400 × 3 + 4200 × 1) / 10 000 = 46 450 / 10 000 = 4.645 → 4.6
    expect(summary.risk).toEqual({ score: 4.6, label: 'MEDIUM' });
    // diversification: 3 classes → 1.8; position HHI (2500² + 1900² + 1400²) / 5800² × 10⁴ = 3513.67 → 1;
    // class HHI 44² + 14² + 42² = 1936 + 196 + 1764 = 3896: > 3500 → 1 balance point; 1.8 + 1 + 1 = 3.8
    expect(summary.diversification).toMatchObject({
      score: 3.8,
      label: 'MODERATE',
      breakdown: { assetClassCount: 3, positionHhi: 3513.67, positionHhiPoints: 1, assetClassHhi: 3896, balancePoints: 1 },
    });
  });

  it.each([
    { equity: '10000.00', difference: '0.00', reconciles: true },
    { equity: '10000.004', difference: '0.00', reconciles: true }, // 0.004 rounds away
    { equity: '10000.01', difference: '0.01', reconciles: false }, // a cent off is reported
    { equity: '9990.00', difference: '-10.00', reconciles: false },
  ])('reconciles with reported equity $equity: difference $difference', ({ equity, difference, reconciles }) => {
    const summary = summarizePortfolio(mixed, { cash: '4200', equity });
    expect(summary.totals).toMatchObject({ totalValue: '10000.00', difference, reconciles });
  });

  it('says the summary is reconciled to the cent when cash plus market values equal the reported equity', () => {
    const summary = summarizePortfolio(mixed, { cash: '4200', equity: '10000.00', longMarketValue: '5800', shortMarketValue: '0' });
    expect(summary.totals.reconciliation).toEqual({
      status: 'reconciled',
      statement: 'Cash $4200.00 plus market values $5800.00 = $10000.00, the equity the broker reports: reconciled to the cent.',
      reason: null,
    });
  });

  it.each([
    {
      name: 'prices read at different moments',
      account: { cash: '4200', equity: '10010.00', longMarketValue: '5810.00', shortMarketValue: '0' },
      statement: 'Cash $4200.00 plus market values $5800.00 = $10000.00, but the broker reports equity of $10010.00: a difference of $10.00.',
      reason: /account values the positions at \$5810\.00.*listed positions add up to \$5800\.00.*different moments.*\$10\.00/,
    },
    {
      name: 'an amount outside cash and positions',
      account: { cash: '4200', equity: '10025.00', longMarketValue: '5800.00', shortMarketValue: '0' },
      statement: 'Cash $4200.00 plus market values $5800.00 = $10000.00, but the broker reports equity of $10025.00: a difference of $25.00.',
      reason: /\$25\.00 .*not in cash or in the positions/,
    },
    {
      name: 'no account market values to tell the cause',
      account: { cash: '4200', equity: '9990.00' },
      statement: 'Cash $4200.00 plus market values $5800.00 = $10000.00, but the broker reports equity of $9990.00: a difference of -$10.00.',
      reason: /cannot be told/,
    },
  ])('shows the difference from the reported equity and why: $name', ({ account, statement, reason }) => {
    const summary = summarizePortfolio(mixed, account);
    expect(summary.totals.reconciliation.status).toBe('difference');
    expect(summary.totals.reconciliation.statement).toBe(statement);
    expect(summary.totals.reconciliation.reason).toMatch(reason);
  });

  it('rounds once, at the end, rather than adding rounded values', () => {
    const summary = summarizePortfolio(
      [position('AAA', '0.005', '0.004'), position('BBB', '0.005', '0.004')],
      { cash: '0', equity: '0.01' },
    );
    // each position shows 0.005 → 0.01, but the total is 0.005 + 0.005 = 0.01, not 0.02
    expect(summary.positions.map((p) => p.marketValue)).toEqual(['0.01', '0.01']);
    expect(summary.totals).toMatchObject({ investments: '0.01', totalValue: '0.01', reconciles: true });
  });

  it('describes an empty account with cash', () => {
    const summary = summarizePortfolio([], { cash: '1000', equity: '1000' });
    expect(summary).toMatchObject({
      empty: true,
      positionCount: 0,
      positions: [],
      totals: { investments: '0.00', investmentsPct: 0, cash: '1000.00', cashPct: 100, totalValue: '1000.00', reconciles: true, costBasis: '0.00', unrealizedPl: '0.00', unrealizedPlPct: null },
      largestPosition: null,
      bestPerformer: null,
      worstPerformer: null,
      topPositions: [],
      concentration: null,
      risk: { score: 0, label: null },
      diversification: { score: 0, label: null },
    });
  });

  it('describes an empty account with no cash (no division by zero)', () => {
    const summary = summarizePortfolio([], { cash: '0', equity: '0' });
    expect(summary).toMatchObject({ empty: true, totals: { cashPct: 0, investmentsPct: 0, totalValue: '0.00', reconciles: true } });
  });

  it('describes a single position and no cash', () => {
    const summary = summarizePortfolio([position('AAPL', '1000', '800')], { cash: '0', equity: '1000' });
    expect(summary).toMatchObject({
      positions: [{ weightPct: 100, unrealizedPl: '200.00', unrealizedPlPct: 25 }], // 200 / 800
      totals: { cashPct: 0, investmentsPct: 100 },
      bestPerformer: { symbol: 'AAPL', unrealizedPlPct: 25 },
      worstPerformer: { symbol: 'AAPL', unrealizedPlPct: 25 }, // one position is both
      concentration: { level: 'HIGH', topWeightPct: 100 },
      risk: { score: 9.5, label: 'HIGH' }, // equity 8 + stock 1.5
      diversification: { score: 1, label: 'POOR' }, // 0.6 clamped to 1
    });
  });

  it('describes a position that lost 100 % with no cash left', () => {
    const summary = summarizePortfolio([position('GONE', '0', '500')], { cash: '0', equity: '0' });
    expect(summary).toMatchObject({
      empty: false,
      positions: [{ marketValue: '0.00', unrealizedPl: '-500.00', unrealizedPlPct: -100, weightPct: 0 }], // (0 − 500) / 500
      totals: { totalValue: '0.00', unrealizedPl: '-500.00', unrealizedPlPct: -100, reconciles: true },
      worstPerformer: { symbol: 'GONE', unrealizedPlPct: -100 },
      concentration: { level: 'LOW', topWeightPct: 0 },
      risk: { score: 0, label: null }, // nothing of value to weigh
      diversification: { score: 0, label: null },
    });
  });

  it('leaves P&L out when the cost basis is missing or zero', () => {
    const summary = summarizePortfolio(
      [position('XFER', '300', '0'), position('GIFT', '200', undefined), position('AAPL', '500', '400')],
      { cash: '0', equity: '1000' },
    );
    expect(summary.positions.map((p) => [p.symbol, p.costBasis, p.unrealizedPl, p.unrealizedPlPct])).toEqual([
      ['AAPL', '400.00', '100.00', 25],
      ['XFER', '0.00', null, null],
      ['GIFT', null, null, null],
    ]);
    expect(summary.totals).toMatchObject({ costBasis: '400.00', unrealizedPl: '100.00', unrealizedPlPct: 25, positionsWithoutCostBasis: 2 });
    expect(summary.bestPerformer).toEqual({ symbol: 'AAPL', unrealizedPlPct: 25 });
  });

  it('measures a short position against the size of its cost basis', () => {
    const summary = summarizePortfolio([position('AAPL', '-348.58', '-349.56')], { cash: '1000', equity: '651.42' });
    // P&L −348.58 − (−349.56) = 0.98; 0.98 / 349.56 = 0.28 %; weight −348.58 / 651.42 = −53.51 %
    expect(summary.positions[0]).toMatchObject({ unrealizedPl: '0.98', unrealizedPlPct: 0.28, weightPct: -53.51 });
    expect(summary.totals).toMatchObject({ totalValue: '651.42', reconciles: true });
    expect(summary.concentration).toEqual({ level: 'HIGH', topWeightPct: -53.51 }); // judged on the size, 53.51 > 30
  });

  it('divides the total P&L by the gross cost (sum of absolute cost bases) when longs and shorts net out', () => {
    const summary = summarizePortfolio(
      [position('AAPL', '5530.00', '5050.00'), position('TSLA', '-4950.00', '-4950.00')],
      { cash: '10000', equity: '10580.00' },
    );
    // P&L 480 + 0 = 480; net cost 5050 − 4950 = 100 would give 480 %; gross cost 5050 + 4950 = 10 000 gives 4.8 %
    expect(summary.totals).toMatchObject({ unrealizedPl: '480.00', costBasis: '100.00', grossCostBasis: '10000.00', unrealizedPlPct: 4.8 });
  });

  it('orders equal positions by symbol so results are stable', () => {
    const summary = summarizePortfolio([position('MSFT', '100', '100'), position('AAPL', '100', '100')], { cash: '0', equity: '200' });
    expect(summary.topPositions.map((p) => p.symbol)).toEqual(['AAPL', 'MSFT']);
    expect(summary.bestPerformer?.symbol).toBe('AAPL');
    expect(summary.worstPerformer?.symbol).toBe('MSFT');
  });

  it('throws on a malformed amount, which is a mapping bug', () => {
    expect(() => summarizePortfolio([position('AAPL', 'n/a', '1')], { cash: '0', equity: '0' })).toThrow(/marketValue/);
  });
});

describe('concentrationLevel', () => {
  it.each([
    [30.01, 'HIGH'],
    [30, 'MODERATE'], // not above 30
    [20.01, 'MODERATE'],
    [20, 'LOW'],
    [0, 'LOW'],
  ] as const)('%d %% is %s', (weight, level) => {
    expect(concentrationLevel(weight)).toBe(level);
  });
});
