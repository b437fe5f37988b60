import type Anthropic from '@anthropic-ai/sdk';
import type { ChatMessage } from '../protocol/conversation';
import { AppError, configurationError, toErrorInfo, userInputError } from '../protocol/errors';
import type { PushEvent } from '../protocol/messages';
import type { ConversationRepository } from '../store/conversation-repository';
import { anthropicError } from '../clients/anthropic';

export interface ChatServiceDeps {
  conversations: ConversationRepository;
  /** A ready client and the model to use, or a configuration error when no key is saved. */
  model: () => Promise<{ client: Anthropic; model: string }>;
  broadcast: (event: PushEvent) => void;
  /** Keeps the worker alive while the promise is pending (Chrome stops idle workers). */
  keepAlive: (work: Promise<unknown>) => void;
  /** How often streamed text is saved, so a stopped worker loses at most this much. */
  saveEveryMs?: number;
}

const SYSTEM_PROMPT =
  'You are Clera, a precise and warm financial assistant inside a browser extension. Answer clearly and briefly. ' +
  'Use Markdown (tables, lists) when it helps. You are not a licensed adviser; do not present opinions as certainty.';

/** Builds the Anthropic message list from the saved conversation: user and assistant turns, strictly alternating. */
export function toModelMessages(messages: ChatMessage[]): Anthropic.MessageParam[] {
  const out: Anthropic.MessageParam[] = [];
  for (const message of messages) {
    // Notices and answers that did not finish (stopped, failed, interrupted) are not part of what the model sees.
    if (message.role === 'notice' || message.text.trim() === '') continue;
    if (message.role === 'assistant' && message.status !== 'complete') continue;
    const role = message.role;
    const last = out.at(-1);
    if (last && last.role === role && typeof last.content === 'string') last.content = `${last.content}\n\n${message.text}`;
    else out.push({ role, content: message.text });
  }
  while (out[0]?.role === 'assistant') out.shift();
  return out;
}

/** The minimal chat path: one streamed model answer per user message, saved as it arrives. */
export function createChatService(deps: ChatServiceDeps) {
  const running = new Map<string, { controller: AbortController; messageId: string }>();

  async function stream(conversationId: string, assistant: ChatMessage): Promise<void> {
    const controller = new AbortController();
    running.set(conversationId, { controller, messageId: assistant.id });
    deps.broadcast({ type: 'run-start', conversationId, messageId: assistant.id });
    let text = '';
    let lastSave = Date.now();
    try {
      const { client, model } = await deps.model();
      const history = toModelMessages((await deps.conversations.messages(conversationId)).filter((m) => m.id !== assistant.id));
      const response = client.messages.stream(
        { model, max_tokens: 2048, system: [{ type: 'text', text: SYSTEM_PROMPT, cache_control: { type: 'ephemeral' } }], messages: history },
        { signal: controller.signal },
      );
      for await (const event of response) {
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
          text += event.delta.text;
          deps.broadcast({ type: 'text-delta', conversationId, messageId: assistant.id, text: event.delta.text });
          if (Date.now() - lastSave >= (deps.saveEveryMs ?? 250)) {
            lastSave = Date.now();
            await deps.conversations.update(assistant.id, { text });
          }
        }
      }
      await response.finalMessage();
      const done = await deps.conversations.update(assistant.id, { text, status: 'complete' });
      if (done) deps.broadcast({ type: 'message-upsert', message: done });
      deps.broadcast({ type: 'run-end', conversationId, messageId: assistant.id });
    } catch (error) {
      const stopped = controller.signal.aborted;
      const info = toErrorInfo(stopped ? error : anthropicError(error));
      const saved = await deps.conversations.update(assistant.id, stopped ? { text, status: 'stopped' } : { text, status: 'error', error: info });
      if (saved) deps.broadcast({ type: 'message-upsert', message: saved });
      if (stopped) deps.broadcast({ type: 'run-end', conversationId, messageId: assistant.id });
      else deps.broadcast({ type: 'run-error', conversationId, messageId: assistant.id, error: info });
    } finally {
      running.delete(conversationId);
    }
  }

  async function start(conversationId: string): Promise<ChatMessage> {
    const assistant = await deps.conversations.append({ conversationId, role: 'assistant', text: '', status: 'streaming' });
    deps.broadcast({ type: 'message-upsert', message: assistant });
    deps.keepAlive(stream(conversationId, assistant));
    return assistant;
  }

  return {
    isRunning: (conversationId: string) => running.has(conversationId),

    async send(conversationIdOrNew: string | undefined, text: string) {
      const trimmed = text.trim();
      if (!trimmed) throw userInputError('empty-message', 'Type a message first.');
      await deps.model(); // fail fast, before saving anything, when no key is configured
      const conversation = conversationIdOrNew ? await deps.conversations.get(conversationIdOrNew) : await deps.conversations.create(trimmed.slice(0, 60));
      if (!conversation) throw userInputError('unknown-conversation', 'That conversation no longer exists.');
      if (running.has(conversation.id)) throw userInputError('busy', 'Clera is still answering. Stop it or wait.');
      const existing = await deps.conversations.messages(conversation.id);
      if (existing.length === 0 && conversation.title === 'New chat') await deps.conversations.rename(conversation.id, trimmed.slice(0, 60));
      const user = await deps.conversations.append({ conversationId: conversation.id, role: 'user', text: trimmed, status: 'complete' });
      deps.broadcast({ type: 'message-upsert', message: user });
      deps.broadcast({ type: 'conversations-changed' });
      const assistant = await start(conversation.id);
      return { conversationId: conversation.id, messageId: assistant.id };
    },

    stop(conversationId: string): boolean {
      const run = running.get(conversationId);
      run?.controller.abort();
      return Boolean(run);
    },

    /** Retry answers the last user message again; the failed answer stays in the log, marked as it ended. */
    async retry(conversationId: string, messageId: string) {
      if (running.has(conversationId)) throw userInputError('busy', 'Clera is still answering.');
      const failed = await deps.conversations.message(messageId);
      if (!failed || failed.conversationId !== conversationId || failed.role !== 'assistant' || failed.status === 'complete') {
        throw userInputError('not-retryable', 'Only an answer that did not finish can be retried.');
      }
      await deps.model();
      // The unfinished answer stays in the log as it ended; it is not sent to the model, so the retry answers afresh.
      const assistant = await start(conversationId);
      return { conversationId, messageId: assistant.id };
    },

    /** After a worker restart: answers left mid-stream are marked interrupted, with their partial text kept. */
    async recoverInterrupted(): Promise<number> {
      const stale = await deps.conversations.streaming();
      for (const message of stale) {
        if (running.has(message.conversationId)) continue;
        await deps.conversations.update(message.id, {
          status: 'interrupted',
          error: { kind: 'upstream', code: 'interrupted', message: 'The answer was interrupted when the background stopped.', retryable: true },
        });
      }
      return stale.length;
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
export const missingKey = (): AppError => configurationError('missing-anthropic-key', 'Add your Anthropic API key in Settings to start chatting.');
