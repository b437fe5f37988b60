import { z } from 'zod';
import { unwrap } from '../../clients/alpaca/alpaca';
import type { IsoDate } from '../../finance/calendar-date';
import type { ToolContext } from '../define-tool';
import { readResponse } from './alpaca-response';

const calendarSchema = z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }));

/** `GET /v2/calendar`: the trading days (weekends and exchange holidays absent) from start to end, ascending. */
export async function fetchTradingDays(context: ToolContext, start: IsoDate, end: IsoDate): Promise<IsoDate[]> {
  const result = await context.alpaca.trading.GET('/v2/calendar', {
    params: { query: { start, end } },
    signal: context.signal,
  });
  const days = readResponse(calendarSchema, unwrap('trading', result), 'a market calendar').map((day) => day.date);
  return [...new Set(days)].sort();
}
