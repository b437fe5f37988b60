import { z } from 'zod';
import { AppError } from '../../protocol/errors';
import { unwrap } from './alpaca';
import { barSchema } from './bars';
import { readResponse, type AlpacaCall } from './response';

const snapshotSchema = z.object({
  latestTrade: z.object({ t: z.string(), p: z.number() }).nullish(),
  latestQuote: z.object({ t: z.string(), bp: z.number(), bs: z.number(), ap: z.number(), as: z.number() }).nullish(),
  dailyBar: barSchema.nullish(),
  prevDailyBar: barSchema.nullish(),
});
/** The latest trade and quote (bid/ask with sizes) and today's and the previous day's bars, as Alpaca sends them. */
export type Snapshot = z.infer<typeof snapshotSchema>;

/** Market data answers an unknown or unquoted symbol with 404 (or 400/422). */
function isNoMarketData(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const status = error.details?.status;
  return error.code === 'alpaca-not-found' || (error.code === 'alpaca-rejected' && (status === 400 || status === 422));
}

/**
 * `GET /v2/stocks/{symbol}/snapshot` on the user's feed: the snapshot, or null when market data has none for the
 * symbol (404, 400 or 422). Other refusals (403: the plan does not include this feed) pass through with the broker's
 * own words.
 */
export async function readSnapshot(call: AlpacaCall, symbol: string): Promise<Snapshot | null> {
  try {
    const result = await call.alpaca.data.GET('/v2/stocks/{symbol}/snapshot', {
      params: { path: { symbol }, query: { feed: call.alpaca.feed } },
      signal: call.signal,
    });
    return readResponse(snapshotSchema, unwrap('data', result), `${symbol}'s market snapshot`);
  } catch (error) {
    if (isNoMarketData(error)) return null;
    throw error;
  }
}
