import { afterEach, describe, expect, it } from 'vitest';
import { closeHarnesses, requestsTo, startHarness } from '../../../tests/support/tool-harness';
import { readBars } from './bars';

afterEach(closeHarnesses);

/** A finished week of July 2024: it ended long before the harness's clock (2025-06-16). */
const pastWeek = { symbol: 'AAPL', timeframe: '1Day', start: '2024-07-08T04:00:00Z', end: '2024-07-13T04:00:00Z', maxBars: 50, keep: 'earliest' } as const;
/** Today up to the end of the day: it reaches into the last 15 minutes. */
const today = { ...pastWeek, start: '2025-06-16T04:00:00Z', end: '2025-06-17T04:00:00Z' } as const;

describe('readBars feed', () => {
  it('asks for consolidated (SIP) bars for a range that ended more than 15 minutes ago, even on the IEX plan', async () => {
    const { sim, context } = await startHarness({ feed: 'iex' });
    const result = await readBars(context, pastWeek);
    expect(result.feed).toBe('sip');
    expect(result.feedNote).toBeNull();
    expect(result.bars).toHaveLength(5);
    expect(requestsTo(sim, '/v2/stocks/AAPL/bars').map((request) => request.query.feed)).toEqual(['sip']);
  });

  it('accepts SIP history on the free plan, which refuses only the last 15 minutes', async () => {
    const { sim, context } = await startHarness({ feed: 'iex' });
    sim.state.setSipAccess('delayed');
    expect((await readBars(context, pastWeek)).feed).toBe('sip');
  });

  it.each([
    { refusal: 'a plan without SIP (403)', setup: (sim: Awaited<ReturnType<typeof startHarness>>['sim']) => { sim.state.setSipAccess('none'); }, status: '403' },
    { refusal: 'a 422', setup: (sim: Awaited<ReturnType<typeof startHarness>>['sim']) => { sim.faults.setStatusSequence('GET /v2/stocks/AAPL/bars', [422]); }, status: '422' },
  ])('falls back to IEX bars when SIP is refused with $refusal, and says so', async ({ setup, status }) => {
    const { sim, context } = await startHarness({ feed: 'iex' });
    setup(sim);
    const result = await readBars(context, pastWeek);
    expect(result.feed).toBe('iex');
    expect(result.feedNote).toMatch(new RegExp(`SIP.*refused.*HTTP ${status}.*IEX`));
    expect(result.bars).toHaveLength(5);
    expect(requestsTo(sim, '/v2/stocks/AAPL/bars').map((request) => request.query.feed)).toEqual(['sip', 'iex']);
  });

  it("uses the plan's own feed for a range that reaches into the last 15 minutes", async () => {
    const { sim, context } = await startHarness({ feed: 'iex' });
    sim.state.setSipAccess('delayed');
    const result = await readBars(context, today);
    expect(result.feed).toBe('iex');
    expect(requestsTo(sim, '/v2/stocks/AAPL/bars').map((request) => request.query.feed)).toEqual(['iex']);
  });

  it('does not hide an authentication failure behind the IEX fallback', async () => {
    const { contextWith } = await startHarness({ feed: 'iex' });
    await expect(readBars(contextWith({ secretKey: 'wrong' }), pastWeek)).rejects.toMatchObject({ code: 'alpaca-auth' });
  });
});

describe('readBars adjustment', () => {
  it('asks for split-adjusted bars unless told otherwise, and for split- and dividend-adjusted bars when asked', async () => {
    const { sim, context } = await startHarness();
    expect((await readBars(context, pastWeek)).adjustment).toBe('split');
    expect((await readBars(context, { ...pastWeek, adjustment: 'all' })).adjustment).toBe('all');
    expect(requestsTo(sim, '/v2/stocks/AAPL/bars').map((request) => request.query.adjustment)).toEqual(['split', 'all']);
  });
});
