import { AppError } from '../protocol/errors';
import { orderDraftSchema } from '../trading/order-draft';
import { defineTool } from './define-tool';

/**
 * The only way the model can move toward an order: it PROPOSES one. The proposal is saved, every pre-trade rule runs
 * outside the model, and the user sees an Order confirmation card; nothing reaches the broker until they confirm.
 */
export const proposeOrder = defineTool({
  name: 'propose_order',
  description:
    'Propose a stock or ETF order for the user to confirm: buy or sell, a dollar amount or a number of shares, market or ' +
    'limit (with a limit price), day or GTC. It does NOT place the order: it shows the user a confirmation card with ' +
    'the pre-trade checks, and only the user can confirm. Call it once per order, only when the user asked to trade.',
  input: orderDraftSchema,
  sideEffect: 'write',
  activity: (draft) => `Preparing your ${draft.side} order for ${draft.symbol}…`,
  run: async (draft, context) => {
    if (!context.orders) {
      throw new AppError({ kind: 'configuration', code: 'no-order-desk', message: 'Orders can only be proposed from a chat with the user.' });
    }
    return context.orders.propose(draft);
  },
});
