import type { ConsentCategory } from '../protocol/privacy';
import type { ConversationRepository } from '../store/conversation-repository';
import { isDeleteBlocked } from '../store/conversation-deletion';
import type { MetricsKeptRepository } from '../store/metrics-kept-repository';
import type { MemoryService } from '../memory/memory-service';

export interface KeptData {
  /** How much a category has kept that its revocation offers to delete; null when nothing is kept apart. */
  count(category: ConsentCategory): Promise<number | null>;
  /** Deletes what the category kept; resolves to how many items went. */
  remove(category: ConsentCategory): Promise<number>;
}

export interface KeptDataDeps {
  conversations: ConversationRepository;
  metrics: MetricsKeptRepository;
  memory: MemoryService;
  /** Conversations with an answer being written are left alone (their turn owns them). */
  isRunning: (conversationId: string) => boolean;
}

const ALL = 100_000;

/**
 * What each consent category has kept, and its deletion: conversations (all of them for history, the ones that carried
 * page text for page text; their runs go with them), metric spans, memories, and answer feedback (evaluation).
 * Web search results live only inside the answers and their runs: nothing is kept apart for them.
 */
export function createKeptData(deps: KeptDataDeps): KeptData {
  async function withPageText(): Promise<string[]> {
    const out: string[] = [];
    for (const conversation of await deps.conversations.list(ALL)) {
      const messages = await deps.conversations.messages(conversation.id);
      if (messages.some((message) => message.meta?.pageText === true)) out.push(conversation.id);
    }
    return out;
  }
  async function conversationIds(category: 'history' | 'page-text'): Promise<string[]> {
    const ids = category === 'history' ? (await deps.conversations.list(ALL)).map((conversation) => conversation.id) : await withPageText();
    return ids.filter((id) => !deps.isRunning(id));
  }
  /** A conversation whose order waits for a decision or is open at the broker stays (and is not counted). */
  async function removeConversations(ids: readonly string[]): Promise<number> {
    let removed = 0;
    for (const id of ids) {
      try {
        await deps.conversations.remove(id);
        removed += 1;
      } catch (error) {
        if (!isDeleteBlocked(error)) throw error;
      }
    }
    return removed;
  }

  return {
    async count(category) {
      switch (category) {
        case 'history':
        case 'page-text':
          return (await conversationIds(category)).length;
        case 'metrics':
          return deps.metrics.spans();
        case 'memories':
          return (await deps.memory.list()).memories.length;
        case 'evaluation':
          return deps.metrics.feedback();
        case 'web-search':
          return null;
      }
    },
    async remove(category) {
      switch (category) {
        case 'history':
        case 'page-text':
          return removeConversations(await conversationIds(category));
        case 'metrics':
          return deps.metrics.deleteSpans();
        case 'memories':
          return deps.memory.removeAll();
        case 'evaluation':
          return deps.metrics.deleteFeedback();
        case 'web-search':
          return 0;
      }
    },
  };
}
