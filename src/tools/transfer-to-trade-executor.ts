import { z } from 'zod';
import { defineTool } from './define-tool';

/**
 * The supervisor hands a request to the trade desk with this tool. It has no effect outside the run: calling it only
 * decides that the agent owning it (the trade desk, see its agent file) writes the next answer. Market and portfolio
 * questions need no hand-off: the supervisor calls those tools directly, which saves a model round trip.
 */
export const transferToTradeExecutor = defineTool({
  name: 'transfer_to_trade_executor',
  description:
    'Hand the conversation to the trade desk for placing, checking or cancelling orders. Pass a one-line summary of what the user wants to do.',
  input: z.object({ request: z.string().min(1).max(500).describe('What the user wants, e.g. "buy $500 of AAPL"') }),
  sideEffect: 'none',
  handsOff: true,
  activity: () => 'Preparing your order…',
  run: () => Promise.resolve({ handedOff: true }),
});
