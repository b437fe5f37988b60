import { z } from 'zod';
import { AppError } from '../protocol/errors';
import { defineTool } from './define-tool';

/**
 * Cancelling an open order is the user's decision too: the model can only PROPOSE the cancel. The user sees a Cancel
 * confirmation card with the order, and nothing reaches the broker until they press Confirm cancel.
 */
export const cancelOrder = defineTool({
  name: 'cancel_order',
  description:
    'Propose cancelling one open order at Alpaca by its order id, when the user asks to cancel it. It does NOT cancel ' +
    'the order: it shows the user a Cancel confirmation card, and only the user can confirm. An order that already ' +
    'filled, was cancelled or expired cannot be cancelled; the result says so.',
  input: z.object({ order_id: z.string().trim().min(1).max(128).regex(/^[\w-]+$/, 'An order id is a UUID.').describe('The broker order id to cancel.') }),
  sideEffect: 'write',
  activity: () => 'Preparing the cancel for your confirmation…',
  run: async ({ order_id }, context) => {
    if (!context.orders) {
      throw new AppError({ kind: 'configuration', code: 'no-order-desk', message: 'A cancel can only be proposed from a chat with the user.' });
    }
    return context.orders.proposeCancel(order_id);
  },
});
