import type { PushEvent, Session } from '../protocol/messages';
import { effectiveMode } from '../protocol/settings';
import type { HealthMap } from '../protocol/health';
import { userInputError } from '../protocol/errors';
import type { SettingsRepository } from '../store/settings-repository';
import type { ConversationRepository } from '../store/conversation-repository';
import type { ProposalRepository } from '../store/proposal-repository';
import type { CancelProposal } from '../protocol/cancel-proposal';
import type { MemoryService } from '../memory/memory-service';
import { isDeleteBlocked } from '../store/conversation-deletion';
import type { ChatService } from './chat-service';

export interface SessionServiceDeps {
  settings: SettingsRepository;
  conversations: ConversationRepository;
  proposals: ProposalRepository;
  /** The cancel proposals of a conversation (the trading service's). */
  cancels: (conversationId: string) => Promise<CancelProposal[]>;
  memory: MemoryService;
  chat: ChatService;
  health: () => HealthMap | undefined;
  broadcast: (event: PushEvent) => void;
}

/** What a panel shows for a conversation, and the conversation list's rules (reuse a blank chat, drop incognito ones). */
export function createSessionService(deps: SessionServiceDeps) {
  const { conversations, chat } = deps;

  /**
   * Incognito conversations are not kept once no panel shows them: a panel opening fresh, or leaving one, drops them.
   * One whose order still waits for a decision (or is open at the broker) stays until that order ends.
   */
  async function dropIncognito(keep?: string): Promise<void> {
    for (const conversation of await conversations.incognito()) {
      if (conversation.id === keep || chat.isRunning(conversation.id)) continue;
      try {
        await conversations.remove(conversation.id);
      } catch (error) {
        if (isDeleteBlocked(error)) continue;
        throw error;
      }
      await deps.memory.forConversation(conversation.id).then((left) => Promise.all(left.map((memory) => deps.memory.remove(memory.id))));
    }
  }

  async function session(conversationId?: string): Promise<Session> {
    const [current, secrets] = await Promise.all([deps.settings.get(), deps.settings.secretsStatus()]);
    let conversation = conversationId ? await conversations.get(conversationId) : (await conversations.list(1))[0];
    conversation ??= await conversations.create();
    return {
      conversation,
      messages: await conversations.messages(conversation.id),
      proposals: await deps.proposals.forConversation(conversation.id),
      cancels: await deps.cancels(conversation.id),
      memories: await deps.memory.forConversation(conversation.id),
      ...(deps.health() ? { health: deps.health() } : {}),
      running: chat.isRunning(conversation.id),
      mode: effectiveMode(current),
      configured: secrets.anthropicApiKey.set,
    };
  }

  return {
    async open(conversationId?: string): Promise<Session> {
      await dropIncognito(conversationId);
      return session(conversationId);
    },

    async openExisting(conversationId: string): Promise<Session> {
      if (!(await conversations.get(conversationId))) throw userInputError('unknown-conversation', 'That conversation no longer exists.');
      await dropIncognito(conversationId);
      return session(conversationId);
    },

    async create(incognito: boolean): Promise<Session> {
      await dropIncognito();
      if (incognito) return session((await conversations.create('Incognito chat', { incognito: true })).id);
      // Reuse an empty conversation rather than piling up blank ones.
      const latest = (await conversations.list(1))[0];
      if (latest && (await conversations.messages(latest.id)).length === 0) return session(latest.id);
      const created = await conversations.create();
      deps.broadcast({ type: 'conversations-changed' });
      return session(created.id);
    },

    /** Refused with a message the panel shows while one of the conversation's orders waits for a decision or is open. */
    async remove(conversationId: string): Promise<{ deleted: true }> {
      if (chat.isRunning(conversationId)) chat.stop(conversationId);
      await conversations.remove(conversationId);
      deps.broadcast({ type: 'conversations-changed' });
      return { deleted: true };
    },
  };
}
