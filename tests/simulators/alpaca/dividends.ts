/**
 * Cash dividends for the simulator's dividend payers, so `adjustment=dividend|all` bars differ from split-only bars the
 * way Alpaca's do: every close before an ex-date is scaled down by (1 − dividend / price), making a return computed
 * from adjusted closes a total return (dividends reinvested). The price walk itself is the split-adjusted price.
 *
 * Model: a fixed yield paid quarterly; the ex-date is the first trading day on or after the 20th of March, June,
 * September and December; each payment is yield / 4 of the price, so each ex-date contributes a factor (1 − yield / 4).
 */
import type { AssetProfile } from './assets.ts';
import { isTradingDay } from './calendar.ts';
import { addDays, pad } from './time.ts';

/** Annual dividend yields (a fraction of the price) of the built-in payers; other symbols pay nothing. */
const yields: Readonly<Record<string, number>> = {
  SPY: 0.013,
  VOO: 0.013,
  IVV: 0.013,
  VTI: 0.013,
  QQQ: 0.006,
  VXUS: 0.03,
  SCHD: 0.035,
  BND: 0.035,
  AGG: 0.035,
  TLT: 0.04,
  VNQ: 0.04,
  AAPL: 0.005,
  MSFT: 0.008,
};

export function dividendYield(profile: AssetProfile): number {
  return yields[profile.symbol] ?? 0;
}

/** The quarterly ex-dates between two New York dates: after `fromDate`, on or before `toDate`. */
export function exDates(fromDate: string, toDate: string): string[] {
  const dates: string[] = [];
  for (let year = Number(fromDate.slice(0, 4)); year <= Number(toDate.slice(0, 4)); year += 1) {
    for (const month of [3, 6, 9, 12]) {
      let date = `${String(year)}-${pad(month)}-20`;
      while (!isTradingDay(date)) date = addDays(date, 1);
      if (date > fromDate && date <= toDate) dates.push(date);
    }
  }
  return dates;
}

/** The factor a bar dated `barDate` is multiplied by when adjusted for the dividends paid after it, up to `nowDate`. */
export function dividendFactor(profile: AssetProfile, barDate: string, nowDate: string): number {
  const yearly = dividendYield(profile);
  if (yearly === 0) return 1;
  return (1 - yearly / 4) ** exDates(barDate, nowDate).length;
}
