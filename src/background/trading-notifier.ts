import type { PushEvent } from '../protocol/messages';
import type { ConversationRepository } from '../store/conversation-repository';
import type { TradingNotifier } from '../trading/notifier';

/** Trading's notifier: proposal changes go to every panel; messages are saved in the conversation, then pushed. */
export function createTradingNotifier(deps: { conversations: ConversationRepository; broadcast: (event: PushEvent) => void }): TradingNotifier {
  return {
    proposalChanged(proposal) {
      deps.broadcast({ type: 'proposal-upsert', proposal });
    },
    cancelChanged(cancel) {
      deps.broadcast({ type: 'cancel-upsert', cancel });
    },
    async say(proposal, text) {
      const note = await deps.conversations.append({ conversationId: proposal.conversationId, role: 'assistant', text, status: 'complete', meta: { agent: 'trade_executor' } });
      deps.broadcast({ type: 'message-upsert', message: note });
    },
  };
}
