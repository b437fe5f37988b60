import Decimal from 'decimal.js';
import { decimalFrom, toMoney, type DecimalString } from './money';

/** The broker's own figures (Alpaca `GET /v2/account`); the market values are optional because not every broker reports them. */
export interface ReportedEquity {
  equity: DecimalString;
  longMarketValue?: DecimalString | null | undefined;
  shortMarketValue?: DecimalString | null | undefined;
}

export interface EquityReconciliation {
  /** `reconciled`: cash plus the positions' market values equals the reported equity to the cent. */
  status: 'reconciled' | 'difference';
  /** One sentence with the figures: either "… reconciled to the cent." or the difference. */
  statement: string;
  /** Why the figures differ, told from the account's own market values; null when they reconcile. */
  reason: string | null;
}

/**
 * Checks cash plus the sum of the listed positions' market values against the equity the broker reports. When they
 * differ, the account's long and short market values tell where: the positions were priced at another moment than the
 * account (the account's market value differs from the listed sum), or the account holds an amount in neither cash nor
 * positions (its equity differs from its own cash plus market value). Exact decimals; compared at the cent.
 */
export function reconcileEquity(cash: Decimal, investments: Decimal, reported: ReportedEquity): EquityReconciliation {
  const equity = decimalFrom(reported.equity, 'account.equity');
  const computed = cash.plus(investments);
  const difference = equity.minus(computed);
  const sumText = `Cash ${dollars(cash)} plus market values ${dollars(investments)} = ${dollars(computed)}`;
  if (toMoney(difference) === '0.00') {
    return { status: 'reconciled', statement: `${sumText}, the equity the broker reports: reconciled to the cent.`, reason: null };
  }
  return {
    status: 'difference',
    statement: `${sumText}, but the broker reports equity of ${dollars(equity)}: a difference of ${dollars(difference)}.`,
    reason: differenceReason(cash, investments, equity, reported),
  };
}

function differenceReason(cash: Decimal, investments: Decimal, equity: Decimal, reported: ReportedEquity): string {
  const long = reported.longMarketValue ?? null;
  const short = reported.shortMarketValue ?? null;
  if (long === null || short === null) {
    return "The broker did not report its long and short market values, so the cause cannot be told from the data read.";
  }
  const accountMarketValue = decimalFrom(long, 'account.long_market_value').plus(decimalFrom(short, 'account.short_market_value'));
  const pricing = accountMarketValue.minus(investments);
  const outside = equity.minus(cash.plus(accountMarketValue));
  const reasons: string[] = [];
  if (toMoney(pricing) !== '0.00') {
    reasons.push(
      `The account values the positions at ${dollars(accountMarketValue)} while the listed positions add up to ${dollars(investments)}: ` +
        `the two were priced at different moments (prices moved between the reads), which accounts for ${dollars(pricing)}.`,
    );
  }
  if (toMoney(outside) !== '0.00') {
    reasons.push(
      `The broker's equity holds ${dollars(outside)} that is not in cash or in the positions (for example a pending transfer, an accrued fee or a holding not listed).`,
    );
  }
  return reasons.length > 0 ? reasons.join(' ') : 'The parts differ only by rounding below the cent in the broker\'s figures.';
}

/** "$1234.50" or "-$10.00", to the cent. */
function dollars(value: Decimal): string {
  const text = toMoney(value);
  return text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`;
}
