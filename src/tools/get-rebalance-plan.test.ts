import { afterEach, describe, expect, it } from 'vitest';
import { getRebalancePlan } from './get-rebalance-plan';
import { closeHarnesses, startHarness, type ToolHarness, runTool } from '../../tests/support/tool-harness';

afterEach(closeHarnesses);

/** $10,000 cash; AAPL 10 now $200 (stock); SPY 5 now $600 (equity ETF); BND 20 now $70 (bond ETF). Total $16,400. */
function seed(sim: ToolHarness['sim']): void {
  sim.state.setCash('10000');
  sim.state.setPosition('AAPL', 10, '150');
  sim.state.setPrice('AAPL', '200');
  sim.state.setPosition('SPY', 5, '500');
  sim.state.setPrice('SPY', '600');
  sim.state.setPosition('BND', 20, '75');
  sim.state.setPrice('BND', '70');
}

describe('get_rebalance_plan', () => {
  it("uses the target from the user's settings when none is asked for", async () => {
    const { sim, context } = await startHarness({ settings: { rebalanceTarget: 'balanced' } });
    seed(sim);

    const plan = await runTool(getRebalancePlan, {}, context);

    expect(plan.profile).toBe('balanced');
    expect(plan.profileSource).toBe('settings');
    expect(plan.totalValue).toBe('16400.00');
    expect(plan.currentAllocation).toEqual([
      { assetClass: 'equity', value: '5000.00', pct: 30.49 },
      { assetClass: 'fixed_income', value: '1400.00', pct: 8.54 },
      { assetClass: 'cash', value: '10000.00', pct: 60.98 },
    ]);
    // Balanced: 60 % equity = 9840, 40 % fixed income = 6560, no cash.
    expect(plan.actions.map((action) => [action.action, action.assetClass, action.amount, action.fromPct, action.toPct])).toEqual([
      ['add', 'equity', '4840.00', 30.49, 60],
      ['add', 'fixed_income', '5160.00', 8.54, 40],
      ['reduce', 'cash', '10000.00', 60.98, 0],
    ]);
    // Equity split 60 % ETF / 40 % stock against a 70 / 30 target of 9840: ETFs 6888 − 3000, stocks 2952 − 2000.
    expect(plan.splitAdjustments.map((adjustment) => [adjustment.action, adjustment.securityType, adjustment.amount, adjustment.fromPct, adjustment.toPct])).toEqual([
      ['add', 'etf', '3888.00', 60, 70],
      ['add', 'stock', '952.00', 40, 30],
    ]);
    expect(plan.aligned).toBe(false);
    expect(plan.portfolio).toEqual({ positionCount: 3, reconciles: true, reportedEquity: '16400.00' });
  });

  it('follows a different saved target (conservative keeps 10 % cash) — never a hard-coded one', async () => {
    const { sim, context } = await startHarness({ settings: { rebalanceTarget: 'conservative' } });
    seed(sim);
    const plan = await runTool(getRebalancePlan, {}, context);
    expect(plan.profile).toBe('conservative');
    // 30 % equity = 4920 (reduce 80), 60 % fixed income = 9840 (add 8440), 10 % cash = 1640 (reduce 8360).
    expect(plan.actions.map((action) => [action.action, action.assetClass, action.amount])).toEqual([
      ['reduce', 'equity', '80.00'],
      ['add', 'fixed_income', '8440.00'],
      ['reduce', 'cash', '8360.00'],
    ]);
  });

  it('uses a target the user names instead of the saved one', async () => {
    const { sim, context } = await startHarness({ settings: { rebalanceTarget: 'conservative' } });
    seed(sim);
    const plan = await runTool(getRebalancePlan, { target: 'aggressive' }, context);
    expect(plan.profile).toBe('aggressive');
    expect(plan.profileSource).toBe('request');
    expect(plan.actions.find((action) => action.assetClass === 'equity')).toMatchObject({ action: 'add', amount: '11400.00', toPct: 100 });
    await expect(runTool(getRebalancePlan, { target: 'yolo' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('says an already aligned portfolio needs nothing', async () => {
    const { sim, context } = await startHarness({ settings: { rebalanceTarget: 'aggressive' } });
    sim.state.setCash('0');
    sim.state.setPosition('VOO', 10, '500');
    sim.state.setPrice('VOO', '500');
    sim.state.setPosition('MSFT', 10, '500');
    sim.state.setPrice('MSFT', '500');
    const plan = await runTool(getRebalancePlan, {}, context);
    expect(plan.aligned).toBe(true);
    expect(plan.actions).toEqual([]);
    expect(plan.message).toMatch(/already within the thresholds of the aggressive target/);
  });

  it('answers an empty account without an error', async () => {
    const { sim, context } = await startHarness();
    sim.state.setCash('0');
    const plan = await runTool(getRebalancePlan, {}, context);
    expect(plan).toMatchObject({ nothingToRebalance: true, aligned: true, actions: [], message: 'The account has no value to allocate.' });
  });

  it('maps wrong keys to alpaca-auth and a 500 to alpaca-unavailable', async () => {
    const { sim, context, contextWith } = await startHarness();
    await expect(runTool(getRebalancePlan, {}, contextWith({ keyId: 'x' }))).rejects.toMatchObject({ code: 'alpaca-auth' });
    sim.faults.setStatusSequence('GET /v2/account', [502]);
    await expect(runTool(getRebalancePlan, {}, context)).rejects.toMatchObject({ code: 'alpaca-unavailable' });
  });
});
