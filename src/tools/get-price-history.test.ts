import Decimal from 'decimal.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getPriceHistory, maxHistoryBars } from './get-price-history';
import { resultBudgetChars } from './support/result-budget';
import { shortPages } from '../../tests/support/short-pages';
import { closeHarnesses, requestsTo, simGet, startHarness, runTool } from '../../tests/support/tool-harness';

afterEach(closeHarnesses);

const rawBars = z.object({ bars: z.array(z.object({ t: z.string(), o: z.number(), h: z.number(), l: z.number(), c: z.number(), v: z.number() })) });

describe('get_price_history', () => {
  it('lists daily bars of each trading day in range with the period change computed from the first and last close', async () => {
    const { sim, context } = await startHarness();
    const raw = rawBars.parse(await simGet(sim, 'data', '/v2/stocks/AAPL/bars?timeframe=1Day&start=2025-06-02&end=2025-06-13&limit=100')).bars;

    const history = await runTool(getPriceHistory, { symbol: 'AAPL', start: '2025-06-02', end: '2025-06-13' }, context);

    expect(history.barCount).toBe(10);
    expect(history.capped).toBe(false);
    expect(history.columns).toEqual(['date', 'open', 'high', 'low', 'close', 'volume']);
    expect(history.rows.map((row) => row[0])).toEqual([
      '2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06',
      '2025-06-09', '2025-06-10', '2025-06-11', '2025-06-12', '2025-06-13',
    ]);
    const first = raw[0]!;
    const last = raw[9]!;
    expect(history.rows[0]).toEqual(['2025-06-02', new Decimal(first.o).toFixed(2), new Decimal(first.h).toFixed(2), new Decimal(first.l).toFixed(2), new Decimal(first.c).toFixed(2), first.v]);
    const change = new Decimal(last.c).minus(first.c);
    expect(history.summary).toMatchObject({
      firstClose: new Decimal(first.c).toFixed(2),
      firstCloseAt: '2025-06-02',
      lastClose: new Decimal(last.c).toFixed(2),
      lastCloseAt: '2025-06-13',
      change: change.toFixed(2),
      changePct: Number(change.div(first.c).times(100).toFixed(2)),
      high: new Decimal(Math.max(...raw.map((bar) => bar.h))).toFixed(2),
      low: new Decimal(Math.min(...raw.map((bar) => bar.l))).toFixed(2),
    });
    // The range ended days before the clock (2025-06-16), so the consolidated (SIP) bars are asked for even on IEX.
    expect(history.dataSource).toEqual({ provider: 'Alpaca market data', feed: 'sip', feedNote: null, adjustment: 'split' });
    expect(history.changeBasis).toMatch(/^price change: split-adjusted closes, dividends not included/);
    expect(requestsTo(sim, '/v2/stocks/AAPL/bars').at(-1)?.query).toMatchObject({ timeframe: '1Day', feed: 'sip', adjustment: 'split' });
  });

  it('skips exchange holidays (Juneteenth 2024)', async () => {
    const { context } = await startHarness();
    const history = await runTool(getPriceHistory, { symbol: 'SPY', start: '2024-06-17', end: '2024-06-21' }, context);
    expect(history.rows.map((row) => row[0])).toEqual(['2024-06-17', '2024-06-18', '2024-06-20', '2024-06-21']);
  });

  it('follows next_page_token until the range is complete when the server answers in short pages', async () => {
    const { sim, contextWith } = await startHarness();
    const history = await runTool(getPriceHistory, { symbol: 'AAPL', start: '2024-01-01', end: '2024-12-31' }, contextWith({ fetch: shortPages(50) }));
    // 2024 had 252 NYSE trading days.
    expect(history.barCount).toBe(252);
    expect(history.capped).toBe(false);
    expect(new Set(history.rows.map((row) => row[0])).size).toBe(252);
    expect(history.rows[0]?.[0]).toBe('2024-01-02');
    expect(history.rows.at(-1)?.[0]).toBe('2024-12-31');
    expect(requestsTo(sim, '/v2/stocks/AAPL/bars')).toHaveLength(6);
  });

  it(`keeps the most recent ${maxHistoryBars} bars and says so when more exist`, async () => {
    const { context } = await startHarness();
    const history = await runTool(getPriceHistory, { symbol: 'AAPL', start: '2025-01-01', end: '2025-06-13', timeframe: '1Hour' }, context);
    expect(history.barCount).toBe(maxHistoryBars);
    expect(history.rows).toHaveLength(maxHistoryBars);
    expect(history.capped).toBe(true);
    expect(history.cappedNote).toMatch(/only the most recent 270 are listed/);
    expect(JSON.stringify(history).length).toBeLessThanOrEqual(resultBudgetChars);
    expect(history.columns[0]).toBe('time');
    // The simulator's last hourly bar of a session starts at 15:00 New York time.
    expect(history.rows.at(-1)?.[0]).toBe('2025-06-13 15:00');
    const times = history.rows.map((row) => String(row[0]));
    expect([...times].sort()).toEqual(times);
  });

  it('fits five years of weekly bars uncapped within the result budget', async () => {
    const { context } = await startHarness();
    const history = await runTool(getPriceHistory, { symbol: 'NVDA', start: '2020-06-16', timeframe: '1Week' }, context);
    expect(history.capped).toBe(false);
    // A weekly bar is labelled with its Monday; the week of 15 June 2020 starts before the range, so it is left out.
    expect(history.rows[0]?.[0]).toBe('2020-06-22');
    expect(history.rows.at(-1)?.[0]).toBe('2025-06-16');
    expect(history.barCount).toBe(261);
    expect(JSON.stringify(history).length).toBeLessThanOrEqual(resultBudgetChars);
  });

  it('labels weekly bars with the first day of their week', async () => {
    const { context } = await startHarness();
    const history = await runTool(getPriceHistory, { symbol: 'VOO', start: '2025-05-05', end: '2025-05-30', timeframe: '1Week' }, context);
    expect(history.rows.map((row) => row[0])).toEqual(['2025-05-05', '2025-05-12', '2025-05-19', '2025-05-26']);
  });

  it('defaults to the last 90 days of daily bars and clamps a future end to today', async () => {
    const { context } = await startHarness();
    const history = await runTool(getPriceHistory, { symbol: 'BRK.B', end: '2030-01-01' }, context);
    expect(history.symbol).toBe('BRK.B');
    expect(history.requested).toEqual({ start: '2025-03-18', end: '2025-06-16', endClamped: true });
    // Today's (running) session is included.
    expect(history.rows.at(-1)?.[0]).toBe('2025-06-16');
  });

  it('refuses malformed input and impossible ranges', async () => {
    const { context } = await startHarness();
    await expect(runTool(getPriceHistory, { symbol: 'AAPL', start: '2025-02-30' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runTool(getPriceHistory, { symbol: 'AAPL', timeframe: '5Min' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runTool(getPriceHistory, { symbol: '<script>' }, context)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runTool(getPriceHistory, { symbol: 'AAPL', start: '2025-06-10', end: '2025-06-01' }, context)).rejects.toMatchObject({
      kind: 'user-input',
      code: 'start-after-end',
    });
    await expect(runTool(getPriceHistory, { symbol: 'AAPL', start: '2026-01-01' }, context)).rejects.toMatchObject({ code: 'start-in-future' });
  });

  it('says an unknown symbol is not one Alpaca knows', async () => {
    const { context } = await startHarness();
    await expect(runTool(getPriceHistory, { symbol: 'ZZZZ' }, context)).rejects.toMatchObject({
      kind: 'user-input',
      code: 'unknown-symbol',
      message: expect.stringMatching(/^ZZZZ is not a symbol Alpaca knows/) as unknown,
    });
  });

  it('maps wrong keys to alpaca-auth and a 500 to alpaca-unavailable', async () => {
    const { sim, context, contextWith } = await startHarness();
    await expect(runTool(getPriceHistory, { symbol: 'AAPL' }, contextWith({ keyId: 'nope' }))).rejects.toMatchObject({ code: 'alpaca-auth' });
    sim.faults.setStatusSequence('GET /v2/stocks/{symbol}/bars', [500]);
    await expect(runTool(getPriceHistory, { symbol: 'AAPL' }, context)).rejects.toMatchObject({ code: 'alpaca-unavailable' });
  });
});
