import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startAlpacaSimulator } from './alpaca/index.ts';
import type { AlpacaSimulator } from './alpaca/index.ts';

/** Monday 2025-06-16, 11:00 in New York: the market is open. */
const mondayMorning = new Date('2025-06-16T15:00:00Z');
const running: AlpacaSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

async function start(): Promise<AlpacaSimulator> {
  const sim = await startAlpacaSimulator({ now: mondayMorning, history: false });
  running.push(sim);
  return sim;
}

const barsSchema = z.object({ bars: z.array(z.object({ t: z.string(), c: z.number(), o: z.number() })) });

async function get(sim: AlpacaSimulator, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sim.dataUrl}${path}`, { headers: { 'APCA-API-KEY-ID': sim.keyId, 'APCA-API-SECRET-KEY': sim.secret } });
  return { status: response.status, body: await response.json() };
}

async function closes(sim: AlpacaSimulator, symbol: string, adjustment: string): Promise<number[]> {
  const answer = await get(sim, `/v2/stocks/${symbol}/bars?timeframe=1Day&start=2024-06-03&end=2024-06-28&adjustment=${adjustment}`);
  return barsSchema.parse(answer.body).bars.map((bar) => bar.c);
}

describe('Alpaca simulator: bar adjustment', () => {
  it('scales closes before each later ex-dividend date down for adjustment=all and dividend, not for split or raw', async () => {
    const sim = await start();
    const [split = [], raw = [], all = [], dividend = []] = await Promise.all(['split', 'raw', 'all', 'dividend'].map((adjustment) => closes(sim, 'SPY', adjustment)));
    expect(raw).toEqual(split);
    expect(dividend).toEqual(all);
    // Ex-dates up to the clock (2025-06-16): 2024-06-20, 2024-09-20, 2024-12-20, 2025-03-20. A bar of 3 June 2024 is
    // before all four, one of 28 June before the last three; each scales by (1 − 0.013 / 4), SPY's quarterly yield.
    expect(all[0]).toBeCloseTo((split[0] ?? 0) * (1 - 0.013 / 4) ** 4, 1);
    expect(all.at(-1)).toBeCloseTo((split.at(-1) ?? 0) * (1 - 0.013 / 4) ** 3, 1);
  });

  it('leaves a symbol that pays no dividend unchanged', async () => {
    const sim = await start();
    expect(await closes(sim, 'TSLA', 'all')).toEqual(await closes(sim, 'TSLA', 'split'));
  });

  it('answers 400 to an unknown adjustment', async () => {
    const sim = await start();
    expect((await get(sim, '/v2/stocks/SPY/bars?timeframe=1Day&adjustment=bogus')).status).toBe(400);
  });
});

describe('Alpaca simulator: SIP access by plan', () => {
  const recent = '/v2/stocks/AAPL/bars?timeframe=1Hour&start=2025-06-16T13:00:00Z&feed=sip';
  const past = '/v2/stocks/AAPL/bars?timeframe=1Day&start=2024-07-08&end=2024-07-12&feed=sip';

  it('serves SIP bars of any age by default (an unlimited plan)', async () => {
    const sim = await start();
    expect((await get(sim, recent)).status).toBe(200);
  });

  it('refuses SIP data from the last 15 minutes on the free plan with 403, and serves older SIP data', async () => {
    const sim = await start();
    sim.state.setSipAccess('delayed');
    expect(await get(sim, recent)).toEqual({ status: 403, body: { message: 'subscription does not permit querying recent SIP data' } });
    expect((await get(sim, past)).status).toBe(200);
    expect((await get(sim, recent.replace('feed=sip', 'feed=iex'))).status).toBe(200);
  });

  it('refuses every SIP request on a plan without SIP', async () => {
    const sim = await start();
    sim.state.setSipAccess('none');
    expect((await get(sim, past)).status).toBe(403);
  });
});
