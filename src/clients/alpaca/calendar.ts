import { z } from 'zod';
import { unwrap } from './alpaca';
import { readResponse, type AlpacaCall } from './response';

const clockSchema = z.object({ is_open: z.boolean(), next_open: z.string(), next_close: z.string() });
const calendarSchema = z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }));

export interface MarketClock {
  isOpen: boolean;
  /** ISO timestamps. */
  nextOpen: string;
  nextClose: string;
}

/** `GET /v2/clock`: whether the market is open, and the next open and close. */
export async function readMarketClock(call: AlpacaCall): Promise<MarketClock> {
  const clock = readResponse(clockSchema, unwrap('trading', await call.alpaca.trading.GET('/v2/clock', { signal: call.signal })), 'the market clock');
  return { isOpen: clock.is_open, nextOpen: clock.next_open, nextClose: clock.next_close };
}

/** `GET /v2/calendar`: the trading days (YYYY-MM-DD; weekends and exchange holidays absent) from start to end, ascending. */
export async function readTradingDays(call: AlpacaCall, start: string, end: string): Promise<string[]> {
  const result = await call.alpaca.trading.GET('/v2/calendar', { params: { query: { start, end } }, signal: call.signal });
  const days = readResponse(calendarSchema, unwrap('trading', result), 'a market calendar').map((day) => day.date);
  return [...new Set(days)].sort();
}
