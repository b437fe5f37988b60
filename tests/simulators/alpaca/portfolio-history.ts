/**
 * GET /v2/account/portfolio/history. Equity at a past instant is today's cash and positions with the later fills
 * undone, valued at the model prices of that instant (set prices and setCash/setPosition edits are not replayed).
 */
import { currentOrLastSession, session, tradingDays } from './calendar.ts';
import { tradingError } from './http.ts';
import type { Reply } from './http.ts';
import { Decimal, cents } from './money.ts';
import type { AlpacaSimulatorState } from './state.ts';
import { addDays, dayMs, hourMs, minuteMs, newYorkDate, newYorkInstant, parseQueryTime } from './time.ts';
import type { PortfolioHistory } from './wire.ts';

export function equityAt(state: AlpacaSimulatorState, ms: number): Decimal {
  let cash = state.cashValue;
  const holdings = new Map<string, Decimal>();
  for (const [symbol, position] of state.positions) holdings.set(symbol, position.qty);
  for (const fill of state.fills) {
    if (fill.ms <= ms) continue;
    const held = holdings.get(fill.symbol) ?? new Decimal(0);
    if (fill.side === 'buy') {
      cash = cash.add(fill.amount);
      holdings.set(fill.symbol, held.sub(fill.qty));
    } else {
      cash = cash.sub(fill.amount);
      holdings.set(fill.symbol, held.add(fill.qty));
    }
  }
  let equity = cash;
  for (const [symbol, qty] of holdings) {
    const profile = state.assets.find(symbol);
    if (profile && !qty.isZero()) equity = equity.add(cents(qty.mul(state.prices.priceAt(profile, ms))));
  }
  return equity;
}

const timeframes: Record<string, number> = { '1Min': minuteMs, '5Min': 5 * minuteMs, '15Min': 15 * minuteMs, '1H': hourMs, '1D': dayMs };

function periodStart(period: string, endMs: number): string | undefined {
  const match = /^(\d+)(D|W|M|A)$/.exec(period);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const end = newYorkDate(endMs);
  switch (match[2]) {
    case 'D':
      return addDays(end, -amount);
    case 'W':
      return addDays(end, -7 * amount);
    case 'M':
      return addDays(end, -30 * amount);
    default:
      return addDays(end, -365 * amount);
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function portfolioHistory(state: AlpacaSimulatorState, query: URLSearchParams): Reply {
  const invalid = (message: string): Reply => tradingError(422, 40010001, message);
  const endText = query.get('end');
  const endMs = endText === null ? state.nowMs : Math.min(parseQueryTime(endText, true) ?? Number.NaN, state.nowMs);
  if (Number.isNaN(endMs)) return invalid('invalid end');
  const startText = query.get('start');
  const period = query.get('period') ?? (startText === null ? '1M' : undefined);
  let startDate: string | undefined;
  if (startText !== null) {
    const startMs = parseQueryTime(startText);
    if (startMs === undefined) return invalid('invalid start');
    startDate = newYorkDate(startMs);
  } else if (period !== undefined) {
    startDate = periodStart(period, endMs);
    if (startDate === undefined) return invalid(`invalid period: ${period}`);
  }
  const firstDate = startDate ?? newYorkDate(endMs);
  const spanDays = (Date.parse(`${newYorkDate(endMs)}T00:00:00Z`) - Date.parse(`${firstDate}T00:00:00Z`)) / dayMs;
  const timeframe = query.get('timeframe') ?? (spanDays < 7 ? '1Min' : spanDays < 30 ? '15Min' : '1D');
  const step = timeframes[timeframe];
  if (step === undefined) return invalid(`invalid timeframe: ${timeframe}`);
  if (timeframe !== '1D' && spanDays > 30) return invalid('periods longer than 30 days allow timeframe 1D only');

  const points: { t: number; equity: number }[] = [];
  const days = tradingDays(firstDate, newYorkDate(endMs)).filter((day) => (session(day)?.openMs ?? Infinity) <= endMs);
  if (timeframe === '1D') {
    // Daily points are labelled with the New York midnight that starts the day, valued at its close (or now).
    for (const day of days) points.push({ t: newYorkInstant(day, 0, 0), equity: equityAt(state, Math.min(session(day)?.closeMs ?? endMs, endMs)).toNumber() });
  } else {
    for (const day of days) {
      const daySession = session(day);
      if (!daySession) continue;
      for (let t = daySession.openMs; t < daySession.closeMs && t <= endMs; t += step) points.push({ t, equity: equityAt(state, t).toNumber() });
    }
  }
  if (points.length === 0) {
    const last = currentOrLastSession(endMs);
    points.push({ t: newYorkInstant(last.date, 0, 0), equity: equityAt(state, Math.min(last.closeMs, endMs)).toNumber() });
  }

  const base = points[0]?.equity ?? 0;
  const history: PortfolioHistory = {
    timestamp: points.map((point) => Math.floor(point.t / 1000)),
    equity: points.map((point) => round(point.equity, 2)),
    profit_loss: points.map((point, index) => (index === 0 ? 0 : round(point.equity - (points[index - 1]?.equity ?? base), 4))),
    profit_loss_pct: points.map((point, index) => {
      const previous = points[index - 1]?.equity ?? 0;
      return index === 0 || previous === 0 ? 0 : round((point.equity - previous) / previous, 4);
    }),
    base_value: round(base, 2),
    base_value_asof: newYorkDate(points[0]?.t ?? endMs),
    timeframe,
    cashflow: {},
  };
  return { status: 200, body: history };
}
