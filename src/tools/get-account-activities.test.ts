import { afterEach, describe, expect, it } from 'vitest';
import { getAccountActivities, maxActivityRecords } from './get-account-activities';
import { resultBudgetChars } from './support/result-budget';
import { closeHarnesses, placeOrder, requestsTo, startHarness, type ToolHarness, runTool } from '../../tests/support/tool-harness';

afterEach(closeHarnesses);

const market = (symbol: string, side: 'buy' | 'sell', qty: string) => ({ symbol, side, qty, type: 'market', time_in_force: 'day' });

/** Places `count` one-share market buys of KO at $60 (each fills at once: the market is open). */
async function buyMany(sim: ToolHarness['sim'], count: number): Promise<void> {
  sim.state.setRateLimit(100_000);
  sim.state.setPrice('KO', '60');
  for (let batch = 0; batch < count; batch += 25) {
    await Promise.all(Array.from({ length: Math.min(25, count - batch) }, () => placeOrder(sim, market('KO', 'buy', '1'))));
  }
}

describe('get_account_activities', () => {
  it('returns real FILL rows with signed amounts to the cent (the original mapping always came back empty)', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPrice('AAPL', '190');
    await placeOrder(sim, market('AAPL', 'buy', '3'));
    sim.state.advance(60_000);
    sim.state.setPrice('AAPL', '195.5');
    await placeOrder(sim, market('AAPL', 'sell', '1'));

    const result = await runTool(getAccountActivities, {}, context);

    expect(result.count).toBe(2);
    expect(result.rows).toEqual([
      { date: '2025-06-16', type: 'FILL', kind: 'trade', symbol: 'AAPL', side: 'sell', qty: '1', price: '195.5', amount: '195.50' },
      { date: '2025-06-16', type: 'FILL', kind: 'trade', symbol: 'AAPL', side: 'buy', qty: '3', price: '190', amount: '-570.00' },
    ]);
    expect(result.rowsOmitted).toBe(0);
    expect(result.totalsByKind).toEqual({ trade: { count: 2, netAmount: '-374.50' } });
    expect(result.firstPurchaseDates).toEqual({ AAPL: '2025-06-16' });
    expect(result.skippedCount).toBe(0);
    expect(result.window).toEqual({ after: '2025-03-18T15:01:00.000Z', until: '2025-06-16T15:01:00.000Z', days: 90 });
  });

  it('lists only the requested window: 90 days by default, up to 365', async () => {
    // The simulator's history: buys of VOO 420, AAPL 330, BND 240, MSFT 150 and NVDA 60 days before now.
    const { context } = await startHarness({ history: true });

    const recent = await runTool(getAccountActivities, {}, context);
    expect(recent.rows.map((row) => row.symbol)).toEqual(['NVDA']);
    // 60 days back is Thursday 17 April 2025 after the open; Good Friday is closed, so it filled on Monday.
    expect(recent.firstPurchaseDates).toEqual({ NVDA: '2025-04-21' });

    const year = await runTool(getAccountActivities, { days: 365 }, context);
    expect(year.rows.map((row) => row.symbol)).toEqual(['NVDA', 'MSFT', 'BND', 'AAPL']);
    // MSFT: 150 days back is Friday 17 January after the open; Monday 20 January was Martin Luther King Jr. Day.
    expect(year.firstPurchaseDates).toEqual({ AAPL: '2024-07-22', BND: '2024-10-21', MSFT: '2025-01-21', NVDA: '2025-04-21' });
    expect(year.rows.every((row) => row.amount.startsWith('-'))).toBe(true);
  });

  it('follows page_token to the end of the window (130 fills over two pages of 100)', async () => {
    const { sim, context } = await startHarness();
    await buyMany(sim, 130);

    const result = await runTool(getAccountActivities, { days: 7 }, context);

    expect(result.count).toBe(130);
    expect(result.capped).toBe(false);
    expect(result.totalsByKind).toEqual({ trade: { count: 130, netAmount: '-7800.00' } });
    const pages = requestsTo(sim, '/v2/account/activities');
    expect(pages).toHaveLength(2);
    expect(pages[0]?.query).toMatchObject({ page_size: '100', direction: 'desc' });
    expect(pages[1]?.query.page_token).toBeTruthy();
  });

  it(`counts up to ${maxActivityRecords} activities, lists the newest that fit the result budget and says what it left out`, async () => {
    const { sim, context } = await startHarness();
    await buyMany(sim, maxActivityRecords + 5);
    const result = await runTool(getAccountActivities, { days: 1 }, context);
    expect(result.count).toBe(maxActivityRecords);
    expect(result.capped).toBe(true);
    expect(result.cappedNote).toMatch(/only the newest 1000 are counted/);
    expect(result.totalsByKind).toEqual({ trade: { count: 1000, netAmount: '-60000.00' } });
    expect(result.rowsListed + result.rowsOmitted).toBe(1000);
    expect(result.rowsListed).toBeGreaterThan(100);
    expect(result.rowsNote).toMatch(/oldest rows are not listed/);
    expect(JSON.stringify(result).length).toBeLessThanOrEqual(resultBudgetChars);
    expect(requestsTo(sim, '/v2/account/activities')).toHaveLength(11);
  });

  it('filters by symbol (BRK.B accepted) and passes activity types as one comma-separated list', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPrice('BRK.B', '480');
    sim.state.setPrice('AAPL', '200');
    await placeOrder(sim, market('BRK.B', 'buy', '2'));
    await placeOrder(sim, market('AAPL', 'buy', '1'));

    const brk = await runTool(getAccountActivities, { symbol: 'brk.b' }, context);
    expect(brk.rows.map((row) => [row.symbol, row.amount])).toEqual([['BRK.B', '-960.00']]);

    const dividends = await runTool(getAccountActivities, { types: ['DIV'] }, context);
    expect(dividends.count).toBe(0);
    const both = await runTool(getAccountActivities, { types: ['FILL', 'DIV'] }, context);
    expect(both.count).toBe(2);
    const queries = requestsTo(sim, '/v2/account/activities').map((request) => request.query.activity_types);
    expect(queries).toEqual([undefined, 'DIV', 'FILL,DIV']);
  });

  it('refuses out-of-range days, unknown types and hostile symbols', async () => {
    const { context } = await startHarness();
    await expect(runTool(getAccountActivities, { days: 366 }, context)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runTool(getAccountActivities, { types: ['BOGUS'] }, context)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runTool(getAccountActivities, { symbol: 'AAPL; DROP' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('maps wrong keys to alpaca-auth and a 500 to alpaca-unavailable', async () => {
    const { sim, context, contextWith } = await startHarness();
    await expect(runTool(getAccountActivities, {}, contextWith({ secretKey: 'nope' }))).rejects.toMatchObject({ code: 'alpaca-auth' });
    sim.faults.setStatusSequence('GET /v2/account/activities', [500]);
    await expect(runTool(getAccountActivities, {}, context)).rejects.toMatchObject({ code: 'alpaca-unavailable' });
  });
});
