import type { Clock } from '../platform/clock';
import { userInputError } from '../protocol/errors';
import { matchSnippet, type ConversationExport, type ExportedMessage, type SearchHit } from '../protocol/conversation-export';
import type { ConversationRepository } from '../store/conversation-repository';
import type { RunRepository } from '../store/run-repository';

export interface ConversationArchiveDeps {
  conversations: Pick<ConversationRepository, 'get' | 'list' | 'messages'>;
  runs: Pick<RunRepository, 'get'>;
  clock: Clock;
}

/** Most conversations a search returns. */
export const SEARCH_LIMIT = 50;

/**
 * Export and search over the user's conversations. Messages are sealed at rest, so both decrypt in the background
 * (through the repository) and only the result crosses to the panel.
 */
export function createConversationArchive(deps: ConversationArchiveDeps) {
  async function exported(conversationId: string): Promise<ConversationExport> {
    const conversation = await deps.conversations.get(conversationId);
    if (!conversation) throw userInputError('unknown-conversation', 'That conversation no longer exists.');
    const messages: ExportedMessage[] = [];
    for (const message of await deps.conversations.messages(conversationId)) {
      const run = message.role === 'assistant' && message.meta?.runId ? await deps.runs.get(message.meta.runId) : undefined;
      const tools = run
        ? Object.values(run.state.toolResults)
            .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
            .map((tool) => ({ name: tool.name, agent: tool.agent, ok: tool.ok, at: tool.endedAt }))
        : [];
      messages.push({
        role: message.role,
        text: message.text,
        createdAt: message.createdAt,
        ...(message.meta?.agent ? { agent: message.meta.agent } : {}),
        charts: message.meta?.charts ?? [],
        citations: message.meta?.citations ?? [],
        tools,
      });
    }
    const { id, title, createdAt, updatedAt } = conversation;
    return { format: 'clera-conversation', version: 1, exportedAt: deps.clock.now().toISOString(), conversation: { id, title, createdAt, updatedAt }, messages };
  }

  /** Conversations whose title or any message contains the words (case-insensitive), most recent first. */
  async function search(query: string): Promise<SearchHit[]> {
    const words = query.trim();
    if (!words) return [];
    const hits: SearchHit[] = [];
    for (const conversation of await deps.conversations.list(100_000)) {
      let first: { snippet: string } | null = null;
      let matches = 0;
      const inTitle = matchSnippet(conversation.title, words);
      if (inTitle) matches += inTitle.matches;
      for (const message of await deps.conversations.messages(conversation.id)) {
        const found = matchSnippet(message.text, words);
        if (!found) continue;
        first ??= found;
        matches += found.matches;
      }
      if (matches > 0) hits.push({ conversationId: conversation.id, title: conversation.title, updatedAt: conversation.updatedAt, snippet: first?.snippet ?? conversation.title, matches });
      if (hits.length >= SEARCH_LIMIT) break;
    }
    return hits;
  }

  return { export: exported, search };
}
