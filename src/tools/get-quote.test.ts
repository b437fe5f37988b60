import Decimal from 'decimal.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getQuote } from './get-quote';
import { closeHarnesses, requestsTo, simGet, startHarness, runTool, ToolCallFailed } from '../../tests/support/tool-harness';

afterEach(closeHarnesses);

const dailyBars = z.object({ bars: z.array(z.object({ t: z.string(), c: z.number() })) });

/** The close of a past trading day, read from the bars endpoint (not the snapshot the tool uses). */
async function closeOn(sim: Awaited<ReturnType<typeof startHarness>>['sim'], symbol: string, date: string): Promise<string> {
  const body = dailyBars.parse(await simGet(sim, 'data', `/v2/stocks/${symbol}/bars?timeframe=1Day&start=${date}&end=${date}`));
  const bar = body.bars[0];
  if (!bar) throw new Error(`no bar for ${symbol} on ${date}`);
  return new Decimal(bar.c).toFixed(2);
}

describe('get_quote', () => {
  it('quotes the set price with the change from the previous close to the cent and percent to 2 decimals', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPrice('AAPL', '200.50');
    const previousClose = await closeOn(sim, 'AAPL', '2025-06-13');

    const quote = await runTool(getQuote, { symbol: 'aapl' }, context);

    const change = new Decimal('200.50').minus(previousClose);
    expect(quote).toMatchObject({
      symbol: 'AAPL',
      currency: 'USD',
      price: '200.50',
      previousClose,
      change: change.toFixed(2),
      changePct: Number(change.div(previousClose).times(100).toFixed(2)),
      tradingDay: '2025-06-16',
      previousTradingDay: '2025-06-13',
      feed: 'iex',
    });
    expect(quote.asOf).toBe('2025-06-16T15:00:00.000Z');
    expect(Number(quote.dayHigh)).toBeGreaterThanOrEqual(200.5);
    expect(Number(quote.dayLow)).toBeLessThanOrEqual(200.5);
    expect(quote.volume).toBeGreaterThan(0);
    // The simulator's quote straddles the set price by at most one tick either side.
    expect(Number(quote.bid?.price)).toBeLessThanOrEqual(200.5);
    expect(Number(quote.ask?.price)).toBeGreaterThanOrEqual(200.5);
    expect(quote.bid?.size).toBeGreaterThan(0);
    const snapshotRequest = requestsTo(sim, '/v2/stocks/AAPL/snapshot')[0];
    expect(snapshotRequest?.query.feed).toBe('iex');
  });

  it('reports a fall as a negative change', async () => {
    const { sim, context } = await startHarness();
    const previousClose = await closeOn(sim, 'MSFT', '2025-06-13');
    const price = new Decimal(previousClose).minus('12.34');
    sim.state.setPrice('MSFT', price.toFixed(2));

    const quote = await runTool(getQuote, { symbol: 'MSFT' }, context);

    expect(quote.change).toBe('-12.34');
    expect(quote.changePct).toBe(Number(new Decimal(-12.34).div(previousClose).times(100).toFixed(2)));
  });

  it('accepts a class share written BRK.B, brk/b or $BRK-B', async () => {
    const { sim, context } = await startHarness();
    sim.state.setPrice('BRK.B', '480.00');
    for (const symbol of ['BRK.B', 'brk/b', '$BRK-B']) {
      const quote = await runTool(getQuote, { symbol }, context);
      expect(quote.symbol).toBe('BRK.B');
      expect(quote.price).toBe('480.00');
    }
    expect(requestsTo(sim, '/v2/stocks/BRK.B/snapshot')).toHaveLength(3);
  });

  it('refuses a hostile symbol before any request is made', async () => {
    const { sim, context } = await startHarness();
    const attempt = runTool(getQuote, { symbol: 'AAPL; DROP' }, context);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(attempt).rejects.toThrow(/only the letters A–Z/);
    await expect(runTool(getQuote, {}, context)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(sim.requests).toHaveLength(0);
  });

  it('says an unknown symbol is not one Alpaca knows, after checking the asset list', async () => {
    const { sim, context } = await startHarness();
    const error = await runTool(getQuote, { symbol: 'ZZZZ' }, context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolCallFailed);
    expect(error).toMatchObject({ kind: 'user-input', code: 'unknown-symbol' });
    expect((error as ToolCallFailed).message).toMatch(/^ZZZZ is not a symbol Alpaca knows/);
    expect(requestsTo(sim, '/v2/assets/ZZZZ')).toHaveLength(1);
  });

  it('maps wrong keys to alpaca-auth and a market-data outage to alpaca-unavailable', async () => {
    const { sim, contextWith, context } = await startHarness();
    await expect(runTool(getQuote, { symbol: 'AAPL' }, contextWith({ secretKey: 'wrong' }))).rejects.toMatchObject({
      code: 'alpaca-auth',
      kind: 'configuration',
    });
    sim.faults.setStatusSequence('GET /v2/stocks/{symbol}/snapshot', [500]);
    await expect(runTool(getQuote, { symbol: 'AAPL' }, context)).rejects.toMatchObject({ code: 'alpaca-unavailable', kind: 'upstream' });
  });

  it('does not mistake a 403 refusal for an unknown symbol', async () => {
    const { sim, context } = await startHarness();
    sim.faults.setStatusSequence('GET /v2/stocks/{symbol}/snapshot', [403]);
    // The simulator's injected 403 is Alpaca's bad-key answer; a plan refusal (403 with its own message) passes through the same way.
    await expect(runTool(getQuote, { symbol: 'AAPL' }, context)).rejects.toMatchObject({ code: 'alpaca-auth' });
    expect(requestsTo(sim, '/v2/assets/AAPL')).toHaveLength(0);
  });

  it('says a known symbol without market data has none, rather than calling it unknown', async () => {
    const { sim, contextWith } = await startHarness();
    const noTrade: typeof fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      return new URL(new Request(input, init).url).pathname.endsWith('/snapshot') ? Response.json({ symbol: 'TWTR' }) : response;
    };
    await expect(runTool(getQuote, { symbol: 'TWTR' }, contextWith({ fetch: noTrade }))).rejects.toMatchObject({
      kind: 'user-input',
      code: 'no-market-data',
      message: 'Alpaca knows TWTR (Twitter, Inc. Common Stock) but has no recent market data for it; it is no longer active.',
    });
    expect(requestsTo(sim, '/v2/assets/TWTR')).toHaveLength(1);
  });

  it('names the tool activity with the symbol', () => {
    expect(getQuote.activity({ symbol: 'AAPL' })).toBe("Fetching AAPL's price…");
  });
});
