import type { BackgroundPlatform } from './background-platform';
import type { Handlers } from './port-server';
import type { PushEvent, Session } from '../protocol/messages';
import { effectiveMode, resolveEndpoints } from '../protocol/settings';
import type { SettingsRepository } from '../store/settings-repository';
import type { ConversationRepository } from '../store/conversation-repository';
import { createChatService } from './chat-service';
import { createTurnRuntime, type Fetchers } from './turn-runtime';
import type { HealthMap } from '../protocol/health';
import { findTicker, quotedSelection } from './analyze-ticker';
import type { RunRepository } from '../store/run-repository';
import type { AuditLog } from '../audit/types';
import type { TradingService } from '../trading/trading-service';
import type { ProposalRepository } from '../store/proposal-repository';
import type { SpanRecorder } from '../monitoring/span-recorder';
import { approvalSpan } from '../monitoring/span-builders';
import { testConnections } from './connection-test';
import { userInputError } from '../protocol/errors';
import type { MemoryService } from '../memory/memory-service';
import type { ProfileRepository } from '../store/profile-repository';
import { createMemoryHandlers } from './memory-handlers';
import { createPageHandlers } from './page-handlers';
import type { PortfolioCache } from '../memory/portfolio-cache';
import type { SummaryRepository } from '../store/summary-repository';
import type { createMetricsHandlers } from './metrics-handlers';

export interface HandlerDeps {
  settings: SettingsRepository;
  conversations: ConversationRepository;
  runs: RunRepository;
  audit: AuditLog;
  trading: TradingService;
  proposals: ProposalRepository;
  metrics: SpanRecorder;
  fetchers: Fetchers;
  health: () => HealthMap | undefined;
  platform: BackgroundPlatform;
  broadcast: (event: PushEvent) => void;
  memory: MemoryService;
  profiles: ProfileRepository;
  portfolioCache?: PortfolioCache;
  summaries: SummaryRepository;
  /** The metrics view's requests and answer feedback (src/background/metrics-handlers.ts). */
  metricsView: ReturnType<typeof createMetricsHandlers>;
}

export function createRequestHandlers(deps: HandlerDeps) {
  const { settings, conversations, platform } = deps;

  const chat = createChatService({
    conversations,
    runs: deps.runs,
    clock: platform.clock,
    broadcast: deps.broadcast,
    keepAlive: platform.keepAlive,
    runtime: () => createTurnRuntime({ settings, fetchers: deps.fetchers, clock: platform.clock, ...(deps.portfolioCache ? { portfolioCache: deps.portfolioCache } : {}) }),
    orderDesk: (context) => deps.trading.desk(context),
    metrics: deps.metrics,
    memory: deps.memory,
    history: { summaries: deps.summaries, budget: async () => (await settings.get()).memory.conversationTokenBudget },
  });

  /** Incognito conversations are not kept once no panel shows them: a panel opening fresh, or leaving one, drops them. */
  async function dropIncognito(keep?: string): Promise<void> {
    for (const conversation of await conversations.incognito()) {
      if (conversation.id === keep || chat.isRunning(conversation.id)) continue;
      await conversations.remove(conversation.id);
      await deps.memory.forConversation(conversation.id).then((left) => Promise.all(left.map((memory) => deps.memory.remove(memory.id))));
    }
  }
  const pages = createPageHandlers({
    settings,
    fetchers: deps.fetchers,
    clock: platform.clock,
    pages: platform.pages,
    broadcast: deps.broadcast,
    send: (conversationId, text, pageText) => chat.send(conversationId, text, pageText),
  });

  async function session(conversationId?: string): Promise<Session> {
    const [current, secrets] = await Promise.all([settings.get(), settings.secretsStatus()]);
    let conversation = conversationId ? await conversations.get(conversationId) : (await conversations.list(1))[0];
    conversation ??= await conversations.create();
    return {
      conversation,
      messages: await conversations.messages(conversation.id),
      proposals: await deps.proposals.forConversation(conversation.id),
      memories: await deps.memory.forConversation(conversation.id),
      ...(deps.health() ? { health: deps.health() } : {}),
      running: chat.isRunning(conversation.id),
      mode: effectiveMode(current),
      configured: secrets.anthropicApiKey.set,
    };
  }

  async function settingsView() {
    return { settings: await settings.get(), secrets: await settings.secretsStatus() };
  }

  const handlers: Handlers = {
    'session-open': async (request) => {
      await dropIncognito(request.conversationId);
      return session(request.conversationId);
    },
    'chat-send': (request) => chat.send(request.conversationId, request.text),
    'chat-stop': (request) => Promise.resolve({ stopped: chat.stop(request.conversationId) }),
    'chat-retry': (request) => chat.retry(request.conversationId, request.messageId),
    'chat-new': async (request) => {
      await dropIncognito();
      if (request.incognito) return session((await conversations.create('Incognito chat', { incognito: true })).id);
      // Reuse an empty conversation rather than piling up blank ones.
      const latest = (await conversations.list(1))[0];
      if (latest && (await conversations.messages(latest.id)).length === 0) return session(latest.id);
      const created = await conversations.create();
      deps.broadcast({ type: 'conversations-changed' });
      return session(created.id);
    },
    'conversation-open': async (request) => {
      if (!(await conversations.get(request.conversationId))) throw userInputError('unknown-conversation', 'That conversation no longer exists.');
      await dropIncognito(request.conversationId);
      return session(request.conversationId);
    },
    'conversation-list': async () => ({ conversations: await conversations.list(100) }),
    'conversation-delete': async (request) => {
      if (chat.isRunning(request.conversationId)) chat.stop(request.conversationId);
      await conversations.remove(request.conversationId);
      await deps.summaries.remove(request.conversationId);
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
      pages.settingsChanged();
      const view = await settingsView();
      deps.broadcast({ type: 'settings-changed', mode: effectiveMode(view.settings), configured: view.secrets.anthropicApiKey.set });
      return view;
    },
    'proposal-decide': async (request) => {
      const proposal = await deps.trading.decide(request.proposalId, request.decision, request.liveConfirmed);
      const decidedAt = platform.clock.now();
      deps.metrics.record({
        ...approvalSpan({ proposalId: proposal.id, decision: `${request.decision}:${proposal.status}`, latencyMs: Math.max(0, decidedAt.getTime() - new Date(proposal.createdAt).getTime()), decidedAt }),
        runId: proposal.runId,
        conversationId: proposal.conversationId,
      });
      return { proposal };
    },
    'proposal-edit': async (request) => ({ proposal: await deps.trading.edit(request.proposalId, request.changes) }),
    'audit-list': async (request) => ({ entries: await deps.audit.list(request.limit) }),
    'audit-verify': () => deps.audit.verify(),
    'audit-export': () => deps.audit.exportJson(),
    ...createMemoryHandlers({ memory: deps.memory, profiles: deps.profiles }),
    ...deps.metricsView,
    'connection-test': async () => {
      const current = await settings.get();
      const checks = await testConnections({ fetch: platform.fetch, clock: platform.clock, settings: current, secrets: await settings.secrets(), endpoints: resolveEndpoints(current) });
      return { checks };
    },
    ...pages.handlers,
  };

  /** The "Analyze ticker" context menu's handler: finds a valid ticker in the selection and asks the analyst. */
  async function analyzeSelection(selection: string): Promise<{ conversationId: string; symbol: string | null }> {
    const runtime = await createTurnRuntime({ settings, fetchers: deps.fetchers, clock: platform.clock }).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
    const conversation = await conversations.create('Analyze ticker');
    deps.broadcast({ type: 'conversations-changed' });
    deps.broadcast({ type: 'conversation-focus', conversationId: conversation.id });
    if (runtime instanceof Error) {
      await chat.notice(conversation.id, runtime.message);
      return { conversationId: conversation.id, symbol: null };
    }
    const target = await findTicker(selection, runtime.toolContext(platform.clock.timeout(15_000)).alpaca).catch((error: unknown) => ({
      ok: false as const,
      reason: error instanceof Error ? error.message : String(error),
    }));
    if (!target.ok) {
      await chat.notice(conversation.id, target.reason);
      return { conversationId: conversation.id, symbol: null };
    }
    const label = target.name ? `${target.symbol} (${target.name})` : target.symbol;
    await chat.send(conversation.id, `Analyze ${label}: price, recent performance against the S&P 500, and the latest news.`, quotedSelection(selection));
    return { conversationId: conversation.id, symbol: target.symbol };
  }

  return { handlers, chat, analyzeSelection, pages };
}
