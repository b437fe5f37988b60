import type { CancelProposal } from '../protocol/cancel-proposal';
import type { Proposal } from '../protocol/proposal';

/**
 * How trading tells the user what happened, without knowing about panels or conversations: the background
 * implements it (src/background/trading-notifier.ts) with its port broadcast and the conversation repository.
 */
export interface TradingNotifier {
  /** The proposal changed: every open panel redraws its card. */
  proposalChanged(proposal: Proposal): void;
  /** A cancel proposal changed: every open panel redraws its Cancel confirmation card. */
  cancelChanged(cancel: CancelProposal): void;
  /** A message from the trade executor in the proposal's conversation (an order placed, filled, not placed…). */
  say(proposal: Pick<Proposal, 'conversationId'>, text: string): Promise<void>;
}
