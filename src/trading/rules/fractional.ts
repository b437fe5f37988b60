import Decimal from 'decimal.js';
import { formatDollars, formatPrice, formatShares } from './format';
import { block, defineRule, pass, warn, type RuleContext, type Verdict } from './types';

/**
 * Dollar amounts and fractions of a share, as Alpaca allows them:
 * - only on a fractionable asset (a dollar amount on any other asset → buy or sell whole shares instead; a
 *   whole-share quantity is always fine);
 * - a dollar amount only as a market order (a limit order takes a number of shares);
 * - a dollar amount or a fractional quantity only with time in force `day` (Alpaca refuses GTC for them).
 */
export const fractionalRule = defineRule({
  id: 'fractional',
  label: 'Fractional shares',
  check: (context) => {
    const { draft, facts } = context;
    const { asset } = facts;
    if (asset === null) return warn(`Not checked: Alpaca doesn't list ${draft.symbol}.`);
    if (draft.amount !== undefined) return checkAmount(context, asset.fractionable);
    const quantity = new Decimal(draft.quantity ?? '0');
    if (quantity.isInteger()) return pass(`Whole shares: ${formatShares(quantity)}.`);
    if (!asset.fractionable) {
      const lower = quantity.floor();
      const options = lower.isZero() ? '1 share' : `${lower.toFixed()} or ${lower.plus(1).toFixed()} shares`;
      return block(`${draft.symbol} trades in whole shares only; use ${options} instead of ${quantity.toFixed()}.`);
    }
    if (draft.time_in_force !== 'day') {
      return block('Fractional shares need a day order (Alpaca allows fractions only with time in force day); change it to day or use whole shares.');
    }
    return pass(`${draft.symbol} can be traded in fractions of a share.`);
  },
});

function checkAmount(context: RuleContext, fractionable: boolean): Verdict {
  const { draft, price, shares, cost } = context;
  const amount = formatDollars(cost);
  const verb = draft.side === 'buy' ? 'buy' : 'sell';
  if (!fractionable) {
    return block(`${draft.symbol} can't be traded in fractions, so not by dollar amount; ${verb} whole shares instead${wholeShareHint(cost, verb, price)}.`);
  }
  if (draft.type !== 'market') {
    return block('A dollar-amount order must be a market order; give a number of shares to set a limit price.');
  }
  if (draft.time_in_force !== 'day') {
    return block('A dollar-amount order must be a day order (Alpaca allows dollar amounts only with time in force day); change it to day.');
  }
  return pass(price === null ? `${draft.symbol} can be traded by dollar amount.` : `${draft.symbol} can be traded by dollar amount: ${amount} is about ${formatShares(shares)}.`);
}

/** " (at $412.00 a share, $1,000.00 buys 2 whole shares)", or nothing without a price. */
function wholeShareHint(amount: Decimal, verb: string, price: Decimal | null): string {
  if (price === null) return '';
  const whole = amount.div(price).floor();
  const verbed = verb === 'buy' ? 'buys' : 'sells';
  return whole.isZero()
    ? ` (one share is about ${formatPrice(price)})`
    : ` (at about ${formatPrice(price)} a share, ${formatDollars(amount)} ${verbed} ${formatShares(whole)})`;
}
