import type Anthropic from '@anthropic-ai/sdk';
import type { ChatMessage } from '../protocol/conversation';
import { AppError, configurationError, toErrorInfo, userInputError } from '../protocol/errors';
import type { PushEvent } from '../protocol/messages';
import type { ConversationRepository } from '../store/conversation-repository';
import type { RunRepository } from '../store/run-repository';
import { anthropicError } from '../clients/anthropic';
import { runTurn, type RunLoopDeps } from '../agents/run-loop';
import { freshRunState, type RunState } from '../agents/run-state';
import type { Clock } from '../platform/clock';
import type { Broker } from '../trading/trading-service';
import type { OrderDesk } from '../tools/define-tool';
import type { SpanRecorder } from '../monitoring/span-recorder';
import { forRun, recordRun, runMetrics } from '../monitoring/run-metrics';
import { easternDate } from '../finance/calendar-date';
import { checkAnswerFigures, type AnswerCheck } from '../verification/answer-check';
import type { MemoryService } from '../memory/memory-service';
import { readUntrustedText } from '../memory/untrusted';
import type { MemoriesUsed } from '../protocol/memory';
import { compactHistory } from '../memory/history-compactor';
import type { SummaryRepository } from '../store/summary-repository';
import { streamModelCall } from '../agents/model-call';
import { assignVariant, variantLabel, type SplitArm } from '../agents/experiments';
import type { ConsentPolicy } from '../protocol/privacy';
import { chartsOfTurn } from '../agents/turn-charts';

/** What a turn needs that depends on the saved settings and keys; built once per turn and used for all of it. */
export type TurnRuntime = Omit<RunLoopDeps, 'save' | 'onText' | 'onActivity' | 'signal' | 'toolContext' | 'clock'> & {
  toolContext: (signal: AbortSignal) => RunLoopDeps['toolContext'];
  /** The prompt experiment split from settings; a conversation's variant is drawn from its id. */
  experiment?: readonly SplitArm[];
  /** The turn's settings and Alpaca clients, for the order desk (so a proposal reads no settings of its own). */
  broker: () => Promise<Broker>;
  /** Past this many tokens of history, older turns are summarised (from the turn's settings). */
  historyBudget: number;
};

export interface ChatServiceDeps {
  conversations: ConversationRepository;
  runs: RunRepository;
  clock: Clock;
  /** A ready runtime, or a configuration error when no Anthropic key is saved. */
  runtime: () => Promise<TurnRuntime>;
  broadcast: (event: PushEvent) => void;
  /** Keeps the worker alive while the promise is pending (Chrome stops idle workers). */
  keepAlive: (work: Promise<unknown>) => void;
  /** How often streamed text is saved, so a stopped worker loses at most this much. */
  saveEveryMs?: number;
  /** Metric spans for every model call, tool call, fallback and run; flushed when a run ends. */
  metrics?: SpanRecorder;
  /** The order desk for a run: it can only propose orders, which the user then confirms or rejects. */
  orderDesk?: (context: { conversationId: string; runId: string; pageText: boolean; madeUnder?: MemoriesUsed; broker: TurnRuntime['broker'] }) => OrderDesk;
  /** Profile and memories: read into the prompt, proposed by the model; off in an incognito conversation. */
  memory?: MemoryService;
  /** Long conversations: past the token budget, older turns are summarised once and the summary replaces them. */
  history?: { summaries: SummaryRepository };
  /** Consent per data category, asked at each use: page text, web search and learning memories are checked here. */
  consent?: ConsentPolicy;
}

/** Builds the Anthropic message list from the saved conversation: user and assistant turns, strictly alternating. */
export function toModelMessages(messages: ChatMessage[]): Anthropic.MessageParam[] {
  const out: Anthropic.MessageParam[] = [];
  for (const message of messages) {
    // Notices and answers that did not finish (stopped, failed, interrupted) are not part of what the model sees.
    if (message.role === 'notice' || message.text.trim() === '') continue;
    if (message.role === 'assistant' && message.status !== 'complete') continue;
    const role = message.role;
    // Blocks rather than plain strings: the same form the turn was first sent in, so the cached prefix matches.
    const last = out.at(-1);
    const lastBlock = last && typeof last.content !== 'string' ? last.content.at(-1) : undefined;
    if (last?.role === role && lastBlock?.type === 'text') lastBlock.text = `${lastBlock.text}\n\n${message.text}`;
    else out.push({ role, content: [{ type: 'text', text: message.text }] });
  }
  while (out[0]?.role === 'assistant') out.shift();
  return out;
}

export const missingKey = (): AppError => configurationError('missing-anthropic-key', 'Add your Anthropic API key in Settings to start chatting.');

function safely<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

/** The run's order desk, asking at each proposal whether the turn has read untrusted text by then. */
function untrustedAwareDesk(
  make: NonNullable<ChatServiceDeps['orderDesk']>,
  run: Omit<Parameters<NonNullable<ChatServiceDeps['orderDesk']>>[0], 'pageText'>,
  untrusted: () => boolean,
): OrderDesk {
  return {
    propose: (draft) => make({ ...run, pageText: untrusted() }).propose(draft),
    proposeCancel: (orderId) => make({ ...run, pageText: untrusted() }).proposeCancel(orderId),
  };
}

/** Chat turns: each user message starts a durable run of the agent loop that writes one streamed answer. */
export function createChatService(deps: ChatServiceDeps) {
  const running = new Map<string, { controller: AbortController; messageId: string }>();
  const allows = (category: Parameters<ConsentPolicy['allows']>[0]) => deps.consent?.allows(category) ?? true;

  async function execute(conversationId: string, runId: string, initial: RunState, runtime: TurnRuntime): Promise<void> {
    const controller = new AbortController();
    const messageId = initial.assistantMessageId;
    running.set(conversationId, { controller, messageId });
    deps.broadcast({ type: 'run-start', conversationId, messageId });
    // The loop owns the run state and the streamed text; this keeps the latest it reported, for a run that ends early.
    // Page text reaches the model request only while the user consents (checked again here: a Retry carries the old state).
    let state = initial.pageText !== null && !allows('page-text') ? { ...initial, pageText: null } : initial;
    let lastTextSave = deps.clock.monotonic();
    const startedAt = deps.clock.now();
    // The variant is drawn from the conversation id, so it is known before the turn starts and tags all its spans.
    const variant = assignVariant(conversationId, runtime.experiment ?? []);
    const metrics = deps.metrics ? forRun(deps.metrics, { runId, conversationId, variant: variantLabel(variant) }) : undefined;
    let firstTextMs: number | undefined;
    let outcome = 'ok';
    let used: MemoriesUsed | undefined;
    let figures: AnswerCheck | undefined;
    try {
      const all = await deps.conversations.messages(conversationId);
      const user = all.find((m) => m.id === state.userMessageId);
      if (!user) throw userInputError('missing-question', 'The question this answer belongs to is gone.');
      const conversation = await deps.conversations.get(conversationId);
      const before = all.filter((m) => m.seq < user.seq);
      const history = deps.history && conversation?.incognito !== true
        ? (
            await compactHistory(
              { summaries: deps.history.summaries, clock: deps.clock },
              {
                conversationId,
                earlier: before,
                budget: runtime.historyBudget,
                toModelMessages,
                summarise: async (system, text) => {
                  deps.broadcast({ type: 'activity', conversationId, label: 'Summarising our earlier conversation…' });
                  const result = await streamModelCall(
                    runtime.client,
                    { model: runtime.models.supervisor, max_tokens: 600, stream: true, system, messages: [{ role: 'user', content: text }] },
                    { signal: AbortSignal.any([controller.signal, deps.clock.timeout(60_000)]), onText: () => undefined },
                  );
                  return result.text;
                },
              },
            )
          ).messages
        : toModelMessages(before);
      // An incognito conversation neither reads nor writes memory. A profile or memory that cannot be read never
      // stops the turn: it is left out (and reported on the options page).
      const memory = conversation?.incognito === true ? undefined : deps.memory;
      const personal = memory ? await memory.forTurn(conversationId).catch(() => undefined) : undefined;
      if (personal && (personal.used.memories.length > 0 || personal.used.profile.length > 0)) used = personal.used;
      const earlierPageText = all.some((m) => m.meta?.pageText === true && m.seq <= user.seq);
      const outcome = await runTurn({ history, userText: user.text, personal: personal?.text }, state, {
        ...runtime,
        webSearch: runtime.webSearch && allows('web-search'),
        promptVariants: variant.prompts,
        toolContext: {
          ...runtime.toolContext(controller.signal),
          // A turn that carried page text, follows one in this conversation, or has read news or web search results by
          // the time it proposes an order flags that order (asked at proposal time, of the run state saved so far).
          ...(deps.orderDesk
            ? { orders: untrustedAwareDesk(deps.orderDesk, { conversationId, runId, ...(used ? { madeUnder: used } : {}), broker: runtime.broker }, () => readUntrustedText(state, earlierPageText)) }
            : {}),
          ...(memory && allows('memories')
            ? {
                memory: memory.desk({
                  conversationId,
                  messageId: user.id,
                  answerId: messageId,
                  ...(conversation ? { conversationTitle: conversation.title } : {}),
                  untrusted: () => readUntrustedText(state, earlierPageText),
                }),
              }
            : {}),
          ...(personal ? { profile: personal.profile } : {}),
        },
        clock: deps.clock,
        signal: controller.signal,
        ...(metrics ? runMetrics(metrics, deps.clock) : {}),
        save: async (next) => {
          state = next;
          await deps.runs.save(runId, next);
          await deps.conversations.update(messageId, { text: next.text });
          lastTextSave = deps.clock.monotonic();
        },
        onText: (delta, text) => {
          firstTextMs ??= Math.max(0, deps.clock.now().getTime() - startedAt.getTime());
          state = { ...state, text };
          deps.broadcast({ type: 'text-delta', conversationId, messageId, text: delta });
          if (deps.clock.monotonic() - lastTextSave >= (deps.saveEveryMs ?? 250)) {
            lastTextSave = deps.clock.monotonic();
            void deps.conversations.update(messageId, { text });
          }
        },
        onActivity: (label) => { deps.broadcast({ type: 'activity', conversationId, label }); },
      });
      state = outcome.state;
      // Every figure of the answer is checked against this turn's tool results; a check that throws marks nothing.
      figures = safely(() => checkAnswerFigures({ text: outcome.text, toolResults: state.toolResults }, user.text, easternDate(deps.clock.now().toISOString()) ?? ''));
      const earlier = await deps.conversations.messages(conversationId);
      const disclosed = earlier.some((m) => m.meta?.disclosure === true);
      const fallbackReasons = [...state.modelFallbacks, ...state.fallbacks].map((f) => f.reason);
      const charts = chartsOfTurn(state.toolResults);
      const done = await deps.conversations.update(messageId, {
        text: outcome.text,
        status: 'complete',
        meta: {
          runId,
          agent: outcome.answeredBy,
          ...(outcome.citations.length ? { citations: outcome.citations } : {}),
          ...(outcome.touchedSecurities && !disclosed ? { disclosure: true } : {}),
          ...(fallbackReasons.length ? { fallback: fallbackReasons.join('; ') } : {}),
          ...(used ? { memoriesUsed: used } : {}),
          ...(figures ? { ungroundedFigures: figures.ungrounded } : {}),
          ...(charts.length > 0 ? { charts } : {}),
          variant: variantLabel(variant),
        },
      });
      await deps.runs.setStatus(runId, 'completed');
      if (done) deps.broadcast({ type: 'message-upsert', message: done });
      deps.broadcast({ type: 'run-end', conversationId, messageId });
    } catch (error) {
      const stopped = controller.signal.aborted;
      const info = toErrorInfo(stopped ? error : error instanceof AppError ? error : anthropicError(error));
      outcome = stopped ? 'cancelled' : `${info.kind}:${info.code}`;
      await deps.runs.setStatus(runId, stopped ? 'stopped' : 'failed');
      const saved = await deps.conversations.update(messageId, stopped ? { text: state.text, status: 'stopped' } : { text: state.text, status: 'error', error: info });
      if (saved) deps.broadcast({ type: 'message-upsert', message: saved });
      if (stopped) deps.broadcast({ type: 'run-end', conversationId, messageId });
      else deps.broadcast({ type: 'run-error', conversationId, messageId, error: info });
    } finally {
      running.delete(conversationId);
      if (metrics) {
        const detail = figures ? { figuresChecked: figures.figuresChecked, ungroundedFigures: figures.ungrounded.length } : undefined;
        recordRun(metrics, state, state.answeredBy ?? 'supervisor', startedAt, deps.clock.now(), outcome, { ...(detail ? { detail } : {}), ...(firstTextMs === undefined ? {} : { ttftMs: firstTextMs }) });
        void metrics.flush();
      }
    }
  }

  async function begin(conversationId: string, state: RunState, runtime: TurnRuntime): Promise<void> {
    const run = await deps.runs.create(conversationId, state);
    deps.keepAlive(execute(conversationId, run.id, state, runtime));
  }

  return {
    isRunning: (conversationId: string) => running.has(conversationId),

    /** Tells every conversation with a running answer what it is waiting for (e.g. a rate limit). */
    broadcastActivity(label: string) {
      for (const conversationId of running.keys()) deps.broadcast({ type: 'activity', conversationId, label });
    },

    /** Starts a turn. `ready` is a runtime the caller already built for this turn (Analyze ticker), so none is rebuilt. */
    async send(conversationIdOrNew: string | undefined, text: string, pageText: string | null = null, ready?: TurnRuntime) {
      const trimmed = text.trim();
      if (!trimmed) throw userInputError('empty-message', 'Type a message first.');
      // Settings and keys are read once for the whole turn; this also fails fast, before saving anything, without a key.
      const runtime = ready ?? (await deps.runtime());
      const conversation = conversationIdOrNew ? await deps.conversations.get(conversationIdOrNew) : await deps.conversations.create(trimmed.slice(0, 60));
      if (!conversation) throw userInputError('unknown-conversation', 'That conversation no longer exists.');
      if (running.has(conversation.id)) throw userInputError('busy', 'Clera is still answering. Stop it or wait.');
      const existing = await deps.conversations.messages(conversation.id);
      if (existing.length === 0 && conversation.title === 'New chat') await deps.conversations.rename(conversation.id, trimmed.slice(0, 60));
      const sentPageText = pageText && allows('page-text') ? pageText : null;
      const user = await deps.conversations.append({ conversationId: conversation.id, role: 'user', text: trimmed, status: 'complete', ...(sentPageText ? { meta: { pageText: true } } : {}) });
      deps.broadcast({ type: 'message-upsert', message: user });
      deps.broadcast({ type: 'conversations-changed' });
      const assistant = await deps.conversations.append({ conversationId: conversation.id, role: 'assistant', text: '', status: 'streaming' });
      deps.broadcast({ type: 'message-upsert', message: assistant });
      await begin(conversation.id, freshRunState(user.id, assistant.id, sentPageText), runtime);
      return { conversationId: conversation.id, messageId: assistant.id };
    },

    /** Adds a notice line to a conversation (e.g. "no ticker found in the selection"); no model call. */
    async notice(conversationIdOrNew: string | undefined, text: string) {
      const conversation = (conversationIdOrNew ? await deps.conversations.get(conversationIdOrNew) : undefined) ?? (await deps.conversations.create());
      const note = await deps.conversations.append({ conversationId: conversation.id, role: 'notice', text, status: 'complete' });
      deps.broadcast({ type: 'message-upsert', message: note });
      return { conversationId: conversation.id, messageId: note.id };
    },

    stop(conversationId: string): boolean {
      const run = running.get(conversationId);
      run?.controller.abort();
      return Boolean(run);
    },

    /**
     * Retry answers an unfinished turn again in a new message. The saved run state carries over: tool results it
     * already has are reused, so nothing that ran is run twice.
     */
    async retry(conversationId: string, messageId: string) {
      if (running.has(conversationId)) throw userInputError('busy', 'Clera is still answering.');
      const failed = await deps.conversations.message(messageId);
      if (!failed || failed.conversationId !== conversationId || failed.role !== 'assistant' || failed.status === 'complete' || failed.status === 'streaming') {
        throw userInputError('not-retryable', 'Only an answer that did not finish can be retried.');
      }
      const previous = await deps.runs.byAssistantMessage(conversationId, messageId);
      if (!previous) throw userInputError('not-retryable', 'There is nothing saved to retry for this answer.');
      const runtime = await deps.runtime();
      const assistant = await deps.conversations.append({ conversationId, role: 'assistant', text: '', status: 'streaming' });
      deps.broadcast({ type: 'message-upsert', message: assistant });
      const resumed: RunState = {
        ...previous.state,
        assistantMessageId: assistant.id,
        text: '',
        modelCalls: previous.state.transcript.filter((m) => m.role === 'assistant').length,
      };
      await begin(conversationId, resumed, runtime);
      return { conversationId, messageId: assistant.id };
    },

    /** After a worker restart: runs left mid-way are marked interrupted, with their partial text kept and Retry offered. */
    async recoverInterrupted(): Promise<number> {
      const stale = await deps.runs.withStatus('running');
      for (const run of stale) {
        if (running.has(run.conversationId)) continue;
        await deps.runs.setStatus(run.id, 'interrupted');
        await deps.conversations.update(run.state.assistantMessageId, {
          status: 'interrupted',
          error: { kind: 'upstream', code: 'interrupted', message: 'The answer was interrupted when the background stopped.', retryable: true },
        });
      }
      const orphans = await deps.conversations.streaming();
      for (const message of orphans) {
        if (running.has(message.conversationId)) continue;
        await deps.conversations.update(message.id, { status: 'interrupted', error: { kind: 'upstream', code: 'interrupted', message: 'The answer was interrupted when the background stopped.', retryable: true } });
      }
      return stale.length + orphans.length;
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
