import type { BackgroundPlatform } from '../background-app';
import type { Handlers } from './port-server';
import type { PushEvent, Session } from '../protocol/messages';
import { effectiveMode, resolveEndpoints } from '../protocol/settings';
import type { SettingsRepository } from '../store/settings-repository';
import type { ConversationRepository } from '../store/conversation-repository';
import { createChatService, missingKey } from './chat-service';
import { createAnthropic } from '../clients/anthropic';
import { testConnections } from './connection-test';
import { userInputError } from '../protocol/errors';

export interface HandlerDeps {
  settings: SettingsRepository;
  conversations: ConversationRepository;
  platform: BackgroundPlatform;
  broadcast: (event: PushEvent) => void;
}

export function createRequestHandlers(deps: HandlerDeps) {
  const { settings, conversations, platform } = deps;

  const chat = createChatService({
    conversations,
    broadcast: deps.broadcast,
    keepAlive: platform.keepAlive,
    async model() {
      const [current, secrets] = await Promise.all([settings.get(), settings.secrets()]);
      if (!secrets.anthropicApiKey) throw missingKey();
      const client = createAnthropic({ apiKey: secrets.anthropicApiKey, baseURL: resolveEndpoints(current).anthropic, fetch: platform.fetch });
      return { client, model: current.models.supervisor };
    },
  });

  async function session(conversationId?: string): Promise<Session> {
    const [current, secrets] = await Promise.all([settings.get(), settings.secretsStatus()]);
    let conversation = conversationId ? await conversations.get(conversationId) : (await conversations.list(1))[0];
    conversation ??= await conversations.create();
    return {
      conversation,
      messages: await conversations.messages(conversation.id),
      running: chat.isRunning(conversation.id),
      mode: effectiveMode(current),
      configured: secrets.anthropicApiKey.set,
    };
  }

  async function settingsView() {
    return { settings: await settings.get(), secrets: await settings.secretsStatus() };
  }

  const handlers: Handlers = {
    'session-open': (request) => session(request.conversationId),
    'chat-send': (request) => chat.send(request.conversationId, request.text),
    'chat-stop': (request) => Promise.resolve({ stopped: chat.stop(request.conversationId) }),
    'chat-retry': (request) => chat.retry(request.conversationId, request.messageId),
    'chat-new': async () => {
      // Reuse an empty conversation rather than piling up blank ones.
      const latest = (await conversations.list(1))[0];
      if (latest && (await conversations.messages(latest.id)).length === 0) return session(latest.id);
      const created = await conversations.create();
      deps.broadcast({ type: 'conversations-changed' });
      return session(created.id);
    },
    'conversation-open': async (request) => {
      if (!(await conversations.get(request.conversationId))) throw userInputError('unknown-conversation', 'That conversation no longer exists.');
      return session(request.conversationId);
    },
    'conversation-list': async () => ({ conversations: await conversations.list(100) }),
    'conversation-delete': async (request) => {
      if (chat.isRunning(request.conversationId)) chat.stop(request.conversationId);
      await conversations.remove(request.conversationId);
      deps.broadcast({ type: 'conversations-changed' });
      return { deleted: true };
    },
    'settings-get': settingsView,
    'settings-save': async (request) => {
      const next = request.settings;
      if (next.tradingMode === 'live' && !next.liveConfirmedAt) {
        throw userInputError('live-unconfirmed', 'Switching to live trading needs the explicit confirmation.');
      }
      if (next.tradingMode === 'paper') next.liveConfirmedAt = null;
      await settings.save(next, request.secrets);
      const view = await settingsView();
      deps.broadcast({ type: 'settings-changed', mode: effectiveMode(view.settings), configured: view.secrets.anthropicApiKey.set });
      return view;
    },
    'connection-test': async () => {
      const current = await settings.get();
      const checks = await testConnections({ fetch: platform.fetch, settings: current, secrets: await settings.secrets(), endpoints: resolveEndpoints(current) });
      return { checks };
    },
  };

  return { handlers, chat };
}
