import { z } from 'zod';
import { readOrder, requestCancel } from '../clients/alpaca/orders';
import { AppError, userInputError } from '../protocol/errors';
import { defineTool } from './define-tool';
import { compactOrder } from './get-order-status';

/** Cancels an open order (it moves no money: it stops an order that has not filled). */
export const cancelOrder = defineTool({
  name: 'cancel_order',
  description:
    'Cancel one open order at Alpaca by its order id, when the user asks to cancel it. Returns the order afterwards. ' +
    'A filled or already cancelled order cannot be cancelled; the result says so.',
  input: z.object({ order_id: z.string().trim().min(1).max(128).regex(/^[\w-]+$/, 'An order id is a UUID.').describe('The broker order id to cancel.') }),
  sideEffect: 'write',
  activity: () => 'Cancelling the order…',
  run: async ({ order_id }, context) => {
    const outcome = await requestCancel(context, order_id);
    if (outcome === null) throw userInputError('unknown-order', 'Alpaca has no order with that id.');
    const cancelRequested = outcome === 'requested';
    const note = cancelRequested ? 'Cancellation requested.' : 'Alpaca says this order can no longer be cancelled (it is filled, cancelled or expired).';
    // An HTTP refusal of the read-back means "unreadable"; a dropped connection or a bad shape passes through.
    context.portfolioCache?.invalidate();
    const after = await readOrder(context, order_id).catch((error: unknown) => {
      if (error instanceof AppError && typeof error.details?.status === 'number') return null;
      throw error;
    });
    if (!after) throw new AppError({ kind: 'upstream', code: 'order-unreadable', message: 'The order could not be read back after the cancel request.', retryable: true });
    return { cancelRequested, note, order: compactOrder(after) };
  },
});
