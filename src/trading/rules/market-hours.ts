import Decimal from 'decimal.js';
import { formatNewYorkTime } from './format';
import { block, defineRule, pass, warn } from './types';

/**
 * Orders while the market is closed. Decision (kept simple): when closed,
 * - a market order is allowed with a warning: it waits and executes at the next open, at whatever price the open
 *   brings, so the reason suggests a limit order where one is possible;
 * - a limit order on whole shares is fine: it waits for the open and fills only at the limit or better;
 * - a dollar-amount order or a fractional quantity must be a market day order, which Alpaca queues for the open;
 *   any other combination is blocked (the fractional rule also refuses some of them at any hour).
 * The estimate's `executes` is the next open whenever the market is closed.
 */
export const marketHoursRule = defineRule({
  id: 'market-hours',
  label: 'Market hours',
  check: ({ draft, facts }) => {
    const { market } = facts;
    if (market.isOpen) return pass(`The market is open until ${formatNewYorkTime(market.nextClose)}.`);
    const nextOpen = formatNewYorkTime(market.nextOpen);
    const fractional = draft.amount !== undefined || !new Decimal(draft.quantity ?? '0').isInteger();
    if (fractional && !(draft.type === 'market' && draft.time_in_force === 'day')) {
      return block(
        `Market is closed; a dollar-amount or fractional order can only wait for the next open (${nextOpen}) as a market order for the day.`,
      );
    }
    if (draft.type === 'market') {
      const suggestion = fractional
        ? 'The price may move by then; for a price cap, give a whole number of shares and a limit price.'
        : `The price may move by then; a limit order sets the ${draft.side === 'buy' ? 'most you pay' : 'least you accept'}.`;
      return warn(`Market is closed; this order would execute at the next open, ${nextOpen}. ${suggestion}`);
    }
    return pass(`Market is closed; the limit order waits for the next open, ${nextOpen}, and fills only at your limit or better.`);
  },
});
