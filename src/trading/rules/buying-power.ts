import Decimal from 'decimal.js';
import { decimalFrom } from '../../finance/money';
import { formatDollars } from './format';
import { block, defineRule, notCheckedWithoutPrice, pass, warn } from './types';

/** Room left for a market order by shares, whose price can move before it fills. */
export const marketOrderCushionPct = 1;

/**
 * A buy must fit in buying power. The cost is the dollar amount, or shares × (limit price, else ask, else last).
 * A market order by shares can fill above the estimate, so it warns when buying power covers the cost but not the
 * cost plus 1 %. A dollar-amount order spends exactly its amount and a limit order at most its limit, so neither gets
 * the cushion: a cost exactly equal to buying power passes for them.
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
    const cushioned = cost.times(new Decimal(100).plus(marketOrderCushionPct)).div(100);
    if (draft.type === 'market' && draft.quantity !== undefined && cushioned.gt(buyingPower)) {
      return warn(`${costs}: less than ${marketOrderCushionPct}% to spare if the price rises before the order fills.`);
    }
    return pass(`${costs}, leaving ${formatDollars(buyingPower.minus(cost))}.`);
  },
});
