import Decimal from 'decimal.js';
import { decimalFrom } from '../../finance/money';
import { formatDollars } from './format';
import { block, defineRule, notCheckedWithoutPrice, pass, warn } from './types';

/**
 * The broker holds a market buy against buying power at 2.5 % to 4 % above the current price (its price collar, which
 * depends on the price), so a market buy by shares needs that much room or it is rejected.
 */
export const marketCollarPct = { smallest: new Decimal('2.5'), largest: new Decimal(4) } as const;

const withCollar = (cost: Decimal, pct: Decimal) => cost.times(pct.plus(100)).div(100);

/**
 * A buy must fit in buying power. The cost is the dollar amount, or shares × (limit price, else ask, else last).
 * A market buy by shares is held by the broker at 2.5–4 % above the price: it blocks when even the smallest collar
 * does not fit, and warns when only the largest does not. A dollar-amount order spends exactly its amount and a limit
 * order at most its limit, so neither gets the collar: a cost exactly equal to buying power passes for them.
 */
export const buyingPowerRule = defineRule({
  id: 'buying-power',
  label: 'Buying power',
  check: ({ draft, facts, price, cost }) => {
    if (draft.side === 'sell') return pass("A sale doesn't use buying power.");
    if (draft.amount === undefined && price === null) return notCheckedWithoutPrice();
    const buyingPower = decimalFrom(facts.account.buyingPower, 'account.buyingPower');
    const about = draft.amount === undefined ? 'about ' : '';
    const costs = `Costs ${about}${formatDollars(cost)}; buying power is ${formatDollars(buyingPower)}`;
    if (cost.gt(buyingPower)) return block(`${costs}.`);
    if (draft.type === 'market' && draft.quantity !== undefined) {
      const smallest = withCollar(cost, marketCollarPct.smallest);
      if (smallest.gt(buyingPower)) {
        return block(`${costs}, but the broker holds a market buy at ${marketCollarPct.smallest.toString()}% to ${marketCollarPct.largest.toString()}% above the price (${formatDollars(smallest)} or more). Use a limit order or fewer shares.`);
      }
      const largest = withCollar(cost, marketCollarPct.largest);
      if (largest.gt(buyingPower)) {
        return warn(`${costs}, but the broker holds a market buy at up to ${marketCollarPct.largest.toString()}% above the price (${formatDollars(largest)}) and may reject it. A limit order avoids this.`);
      }
    }
    return pass(`${costs}, leaving ${formatDollars(buyingPower.minus(cost))}.`);
  },
});
