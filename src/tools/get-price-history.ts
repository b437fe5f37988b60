import Decimal from 'decimal.js';
import { z } from 'zod';
import { easternDate } from '../finance/calendar-date';
import { percentOf, toMoney, toPct } from '../finance/money';
import { userInputError } from '../protocol/errors';
import { defineTool } from './define-tool';
import { requireAsset } from './support/assets';
import { readBars, type Bar, type BarTimeframe } from '../clients/alpaca/bars';
import { addDays, easternDateTime, easternDayBounds, easternToday, isoDateInput } from './support/dates';
import { priceText } from './support/format';
import { symbolInput } from './support/symbol-input';
import { priceHistoryChart } from '../finance/charts/price-history-chart';

/**
 * Bars returned at most; beyond it the most recent ones are kept and `capped` says so. Sized to the result budget
 * (support/result-budget.ts): a year of daily bars (≤ 253) or five years of weekly bars (≤ 262) fit.
 */
export const maxHistoryBars = 270;

/** Calendar days looked back when no start is given. */
const defaultLookbackDays: Readonly<Record<BarTimeframe, number>> = { '1Hour': 7, '1Day': 90, '1Week': 730 };

const input = z.object({
  symbol: symbolInput,
  start: isoDateInput.optional().describe('First day, YYYY-MM-DD (New York date). Default: 7 days back for 1Hour, 90 days for 1Day, 2 years for 1Week.'),
  end: isoDateInput.optional().describe('Last day, YYYY-MM-DD, inclusive. Default and maximum: today.'),
  timeframe: z.enum(['1Hour', '1Day', '1Week']).default('1Day').describe('Bar size: 1Hour, 1Day (default) or 1Week.'),
});

export const getPriceHistory = defineTool({
  name: 'get_price_history',
  description:
    'Historical OHLCV price bars (hourly, daily or weekly) for one US stock or ETF from Alpaca market data, split-adjusted, ' +
    `plus the period's first and last close, change, high and low. At most ${maxHistoryBars} bars (the most recent). ` +
    'For returns, volatility or comparison with the S&P 500 use get_performance instead.',
  input,
  sideEffect: 'read',
  activity: ({ symbol }) => `Fetching ${symbol}'s price history…`,
  run: async ({ symbol, start, end, timeframe }, context) => {
    const today = easternToday(context.clock);
    const requestedEnd = end ?? today;
    const endClamped = requestedEnd > today;
    const lastDay = endClamped ? today : requestedEnd;
    const firstDay = start ?? addDays(lastDay, -defaultLookbackDays[timeframe]);
    if (firstDay > today) throw userInputError('start-in-future', `The start date ${firstDay} is after today (${today}).`, { start: firstDay, today });
    if (firstDay > lastDay) {
      throw userInputError('start-after-end', `The start date ${firstDay} is after the end date ${lastDay}.`, { start: firstDay, end: lastDay });
    }

    const result = await readBars(context, {
      symbol,
      timeframe,
      start: easternDayBounds(firstDay).start,
      end: easternDayBounds(lastDay).end,
      maxBars: maxHistoryBars,
      keep: 'latest',
    });
    if (result.bars.length === 0) await requireAsset(context, symbol);

    const intraday = timeframe === '1Hour';
    const label = (bar: Bar): string => (intraday ? easternDateTime(bar.t) : easternDate(bar.t)) ?? bar.t;
    const asOf = context.clock.now().toISOString();
    context.charts?.attach(() =>
      priceHistoryChart({
        symbol,
        timeframe,
        bars: result.bars.map((bar) => ({ at: label(bar), close: bar.c, volume: bar.v })),
        source: { provider: `Alpaca market data (${result.feed.toUpperCase()} feed), closes adjusted for splits`, asOf },
      }),
    );
    return {
      symbol,
      currency: 'USD',
      timeframe,
      requested: { start: firstDay, end: lastDay, endClamped },
      barCount: result.bars.length,
      capped: result.capped,
      ...(result.capped
        ? { cappedNote: `More than ${maxHistoryBars} bars exist; only the most recent ${maxHistoryBars} are listed. Use a later start or a coarser timeframe for the rest.` }
        : {}),
      summary: summarize(result.bars, label),
      changeBasis: 'price change: split-adjusted closes, dividends not included (get_performance gives the total return with dividends)',
      columns: [intraday ? 'time' : 'date', 'open', 'high', 'low', 'close', 'volume'],
      rows: result.bars.map((bar) => [label(bar), priceText(bar.o), priceText(bar.h), priceText(bar.l), priceText(bar.c), bar.v]),
      units: {
        prices: 'USD per share, split-adjusted',
        time: intraday ? 'bar start, New York time (YYYY-MM-DD HH:mm)' : 'New York trading date of the bar (weekly bars: first day of the week)',
        volume: 'shares',
      },
      dataSource: { provider: 'Alpaca market data', feed: result.feed, feedNote: result.feedNote, adjustment: result.adjustment },
      asOf,
    };
  },
});

function summarize(bars: readonly Bar[], label: (bar: Bar) => string) {
  const first = bars[0];
  const last = bars[bars.length - 1];
  if (first === undefined || last === undefined) return null;
  let high = first;
  let low = first;
  for (const bar of bars) {
    if (bar.h > high.h) high = bar;
    if (bar.l < low.l) low = bar;
  }
  const change = new Decimal(last.c).minus(first.c);
  const changePct = percentOf(change, first.c);
  return {
    firstClose: priceText(first.c),
    firstCloseAt: label(first),
    lastClose: priceText(last.c),
    lastCloseAt: label(last),
    change: toMoney(change),
    changePct: changePct === null ? null : toPct(changePct),
    high: priceText(high.h),
    highAt: label(high),
    low: priceText(low.l),
    lowAt: label(low),
  };
}
