import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getPortfolioSummary } from './get-portfolio-summary';
import { closeHarnesses, requestsTo, simGet, startHarness, type ToolHarness, runTool } from '../../tests/support/tool-harness';

afterEach(closeHarnesses);

/** $10,000 cash; AAPL 10 @ 150 now 200; SPY 5 @ 500 now 600; BND 20 @ 75 now 70. Total $16,400. */
function seedThreeHoldings(sim: ToolHarness['sim']): void {
  sim.state.setCash('10000');
  sim.state.setPosition('AAPL', 10, '150');
  sim.state.setPrice('AAPL', '200');
  sim.state.setPosition('SPY', 5, '500');
  sim.state.setPrice('SPY', '600');
  sim.state.setPosition('BND', 20, '75');
  sim.state.setPrice('BND', '70');
}

describe('get_portfolio_summary', () => {
  it('values positions and cash to the cent, with weights, P&L, scores and labels computed by hand', async () => {
    const { sim, context } = await startHarness();
    seedThreeHoldings(sim);

    const summary = await runTool(getPortfolioSummary, {}, context);

    expect(summary.empty).toBe(false);
    expect(summary.positions.map((position) => [position.symbol, position.marketValue, position.costBasis, position.unrealizedPl, position.unrealizedPlPct, position.weightPct])).toEqual([
      ['SPY', '3000.00', '2500.00', '500.00', 20, 18.29],
      ['AAPL', '2000.00', '1500.00', '500.00', 33.33, 12.2],
      ['BND', '1400.00', '1500.00', '-100.00', -6.67, 8.54],
    ]);
    expect(summary.positions.map((position) => [position.symbol, position.assetClass, position.securityType, position.name])).toEqual([
      ['SPY', 'equity', 'etf', null],
      ['AAPL', 'equity', 'stock', 'Apple Inc. Common Stock'],
      ['BND', 'fixed_income', 'etf', null],
    ]);
    expect(summary.totals).toEqual({
      investments: '6400.00',
      investmentsPct: 39.02,
      cash: '10000.00',
      cashPct: 60.98,
      totalValue: '16400.00',
      reportedEquity: '16400.00',
      difference: '0.00',
      reconciles: true,
      reconciliation: expect.objectContaining({ status: 'reconciled', reason: null }) as unknown,
      costBasis: '5500.00',
      grossCostBasis: '5500.00',
      unrealizedPl: '900.00',
      unrealizedPlPct: 16.36,
      positionsWithoutCostBasis: 0,
    });
    expect(summary.largestPosition).toEqual({ symbol: 'SPY', marketValue: '3000.00', weightPct: 18.29 });
    expect(summary.bestPerformer).toEqual({ symbol: 'AAPL', unrealizedPlPct: 33.33 });
    expect(summary.worstPerformer).toEqual({ symbol: 'BND', unrealizedPlPct: -6.67 });
    expect(summary.concentration).toEqual({ level: 'LOW', topWeightPct: 18.29 });
    // (2000 × 9.5 + 3000 × 8 + 1400 × 3 + 10000 × 1) / 16400 = 3.49
    expect(summary.risk).toEqual({ score: 3.5, label: 'MEDIUM' });
    // 3 classes → 1.8; position HHI 3652.34 → 1; class HHI 30.49² + 8.54² + 60.98² = 4720.4 (> 3500) → 1; 3.8
    expect(summary.diversification).toMatchObject({ score: 3.8, label: 'MODERATE', breakdown: { positionHhi: 3652.34, assetClassHhi: 4720.4, balancePoints: 1 } });
    expect(summary.currency).toBe('USD');
    expect(summary.asOf).toBe('2025-06-16T15:00:00.000Z');
    // Names are looked up only where the built-in ETF list cannot classify: AAPL, not SPY or BND.
    expect(requestsTo(sim, '/v2/assets/AAPL')).toHaveLength(1);
    expect(requestsTo(sim, '/v2/assets/SPY')).toHaveLength(0);
    expect(requestsTo(sim, '/v2/assets/BND')).toHaveLength(0);
  });

  it('flags a concentrated position and recognises an unlisted ETF by its name', async () => {
    const { sim, context } = await startHarness();
    sim.state.addAsset({ symbol: 'XYZB', name: 'Example Short Treasury Bond ETF', price: 40 });
    sim.state.setCash('1000');
    sim.state.setPosition('NVDA', 30, '100');
    sim.state.setPrice('NVDA', '150');
    sim.state.setPosition('XYZB', 25, '40');
    sim.state.setPrice('XYZB', '40');

    const summary = await runTool(getPortfolioSummary, {}, context);

    // 4500 / (4500 + 1000 + 1000) = 69.23 %
    expect(summary.concentration).toEqual({ level: 'HIGH', topWeightPct: 69.23 });
    expect(summary.positions.find((position) => position.symbol === 'XYZB')).toMatchObject({ assetClass: 'fixed_income', securityType: 'etf' });
    expect(summary.totals.totalValue).toBe('6500.00');
  });

  it('reconciles with the account equity to the cent on an account built by real fills', async () => {
    const { sim, context } = await startHarness({ history: true });
    const account = z.object({ equity: z.string() }).parse(await simGet(sim, 'trading', '/v2/account'));

    const summary = await runTool(getPortfolioSummary, {}, context);

    expect(summary.positionCount).toBe(5);
    expect(summary.totals.reconciles).toBe(true);
    expect(summary.totals.totalValue).toBe(Number(account.equity).toFixed(2));
    expect(summary.totals.reconciliation.statement).toMatch(/the equity the broker reports: reconciled to the cent\.$/);
    expect(summary.positions.reduce((total, position) => total + position.weightPct, summary.totals.cashPct)).toBeCloseTo(100, 1);
  });

  it('answers an empty portfolio with a clear empty result, not an error', async () => {
    const { sim, context } = await startHarness();
    sim.state.setCash('2500.5');
    const summary = await runTool(getPortfolioSummary, {}, context);
    expect(summary).toMatchObject({
      empty: true,
      positionCount: 0,
      positions: [],
      message: 'No open positions: the account holds only cash ($2500.50).',
      totals: { cash: '2500.50', totalValue: '2500.50', cashPct: 100, reconciles: true },
      risk: { score: 0, label: null },
      concentration: null,
    });
  });

  it('still summarises when a name look-up fails, listing the symbol as unclassified', async () => {
    const { sim, context } = await startHarness();
    seedThreeHoldings(sim);
    sim.faults.setStatusSequence('GET /v2/assets/AAPL', [503]);
    const summary = await runTool(getPortfolioSummary, {}, context);
    expect(summary.unclassifiedSymbols).toEqual(['AAPL']);
    expect(summary.totals.totalValue).toBe('16400.00');
  });

  it('holds a class share (BRK.B) like any other position', async () => {
    const { sim, context } = await startHarness();
    sim.state.setCash('0');
    sim.state.setPosition('BRK.B', '2.5', '400');
    sim.state.setPrice('BRK.B', '480.10');
    const summary = await runTool(getPortfolioSummary, {}, context);
    expect(summary.positions[0]).toMatchObject({ symbol: 'BRK.B', qty: '2.5', marketValue: '1200.25', unrealizedPl: '200.25', weightPct: 100 });
  });

  it('maps wrong keys to alpaca-auth and a 500 to alpaca-unavailable', async () => {
    const { sim, context, contextWith } = await startHarness();
    await expect(runTool(getPortfolioSummary, {}, contextWith({ secretKey: 'wrong' }))).rejects.toMatchObject({ code: 'alpaca-auth', kind: 'configuration' });
    sim.faults.setStatusSequence('GET /v2/positions', [500]);
    await expect(runTool(getPortfolioSummary, {}, context)).rejects.toMatchObject({ code: 'alpaca-unavailable' });
  });
});
