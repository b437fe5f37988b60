import { block, defineRule, pass, warn } from './types';

/**
 * An order whose outcome Clera does not know yet (its answer was lost; the broker is being asked again) may have been
 * placed. Another order for the same symbol could then buy or sell it twice, so it is blocked until the first one is
 * settled; an order for another symbol is flagged, since the buying power and today's totals may not show the first.
 */
export const unsettledOrdersRule = defineRule({
  id: 'unsettled-orders',
  label: 'Earlier orders settled',
  check: ({ draft, facts }) => {
    const unsettled = facts.today.unsettled ?? [];
    const same = unsettled.filter((order) => order.symbol === draft.symbol);
    const first = same[0];
    if (first) {
      return block(
        `Clera is still finding out whether your earlier order (${first.description}) reached Alpaca. Wait until the card says it is settled, so ${draft.symbol} is not traded twice.`,
      );
    }
    if (unsettled.length > 0) {
      const list = unsettled.map((order) => order.description).join('; ');
      return warn(`Clera is still finding out whether ${unsettled.length === 1 ? 'an earlier order' : 'earlier orders'} (${list}) reached Alpaca; the buying power shown may not include ${unsettled.length === 1 ? 'it' : 'them'} yet.`);
    }
    return pass('No earlier order is waiting for the broker\'s answer.');
  },
});
