import { z } from 'zod';
import { unwrap } from '../clients/alpaca/alpaca';
import { AppError, userInputError } from '../protocol/errors';
import { defineTool } from './define-tool';
import { readResponse } from './support/alpaca-response';
import { compactOrder, orderStatusSchema } from './get-order-status';

/** Cancels an open order (it moves no money: it stops an order that has not filled). */
export const cancelOrder = defineTool({
  name: 'cancel_order',
  description:
    'Cancel one open order at Alpaca by its order id, when the user asks to cancel it. Returns the order afterwards. ' +
    'A filled or already cancelled order cannot be cancelled; the result says so.',
  agent: 'trade_executor',
  input: z.object({ order_id: z.string().trim().min(1).max(128).regex(/^[\w-]+$/, 'An order id is a UUID.').describe('The broker order id to cancel.') }),
  sideEffect: 'write',
  needsApproval: false,
  activity: () => 'Cancelling the order…',
  run: async ({ order_id }, context) => {
    const result = await context.alpaca.trading.DELETE('/v2/orders/{order_id}', { params: { path: { order_id } }, signal: context.signal });
    let cancelRequested = true;
    let note = 'Cancellation requested.';
    if (!result.response.ok) {
      if (result.response.status === 404) throw userInputError('unknown-order', 'Alpaca has no order with that id.');
      if (result.response.status !== 422) unwrap('trading', result);
      cancelRequested = false;
      note = 'Alpaca says this order can no longer be cancelled (it is filled, cancelled or expired).';
    }
    const after = await context.alpaca.trading.GET('/v2/orders/{order_id}', { params: { path: { order_id } }, signal: context.signal });
    if (!after.response.ok) throw new AppError({ kind: 'upstream', code: 'order-unreadable', message: 'The order could not be read back after the cancel request.', retryable: true });
    return { cancelRequested, note, order: compactOrder(readResponse(orderStatusSchema, unwrap('trading', after), 'an order')) };
  },
});
