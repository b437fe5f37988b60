import type { BackgroundPlatform } from './background-platform';
import type { Handlers } from './port-server';
import type { PushEvent } from '../protocol/messages';
import type { SettingsRepository } from '../store/settings-repository';
import type { ConversationRepository } from '../store/conversation-repository';
import { createChatService } from './chat-service';
import { createTurnRuntime, type Fetchers } from './turn-runtime';
import type { HealthMap } from '../protocol/health';
import { createAnalyzeSelection } from './analyze-ticker';
import type { RunRepository } from '../store/run-repository';
import type { AuditLog } from '../audit/types';
import { parseHeadText } from '../protocol/audit';
import { userInputError } from '../protocol/errors';
import type { TradingService } from '../trading/trading-service';
import type { ProposalRepository } from '../store/proposal-repository';
import type { SpanRecorder } from '../monitoring/span-recorder';
import type { MemoryService } from '../memory/memory-service';
import type { ProfileRepository } from '../store/profile-repository';
import { createMemoryHandlers } from './memory-handlers';
import type { VaultHandlers } from './vault-handlers';
import { createPageHandlers } from './page-handlers';
import type { PortfolioCache } from '../memory/portfolio-cache';
import type { SummaryRepository } from '../store/summary-repository';
import type { createMetricsHandlers } from './metrics-handlers';
import { createSessionService } from './session-service';
import { createSettingsService } from './settings-service';
import { createApprovalService } from './approval-service';
import { createConversationArchive } from './conversation-archive';
import type { ConsentPolicy } from '../protocol/privacy';
import type { createPrivacyHandlers } from './privacy-handlers';
import type { createEvalRunHandlers } from './eval-run-service';

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
  /** "Run evaluation" on the metrics page. */
  evalRun: ReturnType<typeof createEvalRunHandlers>;
  /** Consent per data category, checked where the data is used; and the Privacy region's requests. */
  consent?: ConsentPolicy;
  privacy: (chat: { isRunning: (conversationId: string) => boolean }) => ReturnType<typeof createPrivacyHandlers>;
  /** The conversation a notification click asked for, once: a panel opening without one starts there. */
  focusRequest?: () => string | undefined;
}

/**
 * The services behind the port, and the request handlers: each handler only delegates (the protocol has already
 * validated the request); rules live in the services.
 */
export function createRequestHandlers(deps: HandlerDeps) {
  const { settings, conversations, platform } = deps;
  const runtime = () => createTurnRuntime({ settings, fetchers: deps.fetchers, clock: platform.clock, ...(deps.portfolioCache ? { portfolioCache: deps.portfolioCache } : {}) });

  const chat = createChatService({
    conversations,
    runs: deps.runs,
    clock: platform.clock,
    broadcast: deps.broadcast,
    keepAlive: platform.keepAlive,
    runtime,
    orderDesk: (context) => deps.trading.desk(context),
    metrics: deps.metrics,
    memory: deps.memory,
    history: { summaries: deps.summaries },
    ...(deps.consent ? { consent: deps.consent } : {}),
  });
  const pages = createPageHandlers({
    settings,
    fetchers: deps.fetchers,
    clock: platform.clock,
    pages: platform.pages,
    broadcast: deps.broadcast,
    send: (conversationId, text, pageText) => chat.send(conversationId, text, pageText),
    ...(deps.consent ? { consent: deps.consent } : {}),
  });
  const sessions = createSessionService({ settings, conversations, proposals: deps.proposals, cancels: (conversationId) => deps.trading.cancelsFor(conversationId), memory: deps.memory, chat, health: deps.health, broadcast: deps.broadcast });
  const settingsService = createSettingsService({ settings, fetch: platform.fetch, clock: platform.clock, broadcast: deps.broadcast, onSaved: () => { pages.settingsChanged(); } });
  const approvals = createApprovalService({ trading: deps.trading, metrics: deps.metrics, clock: platform.clock });
  const analyzeSelection = createAnalyzeSelection({ conversations, chat, clock: platform.clock, runtime, broadcast: deps.broadcast });

  const archive = createConversationArchive({ conversations, runs: deps.runs, clock: platform.clock });

  // The lock's own requests are answered outside (src/background/vault-handlers.ts), even while locked.
  const handlers: Omit<Handlers, keyof VaultHandlers> = {
    'session-open': (request) => sessions.open(request.conversationId ?? deps.focusRequest?.()),
    'chat-send': (request) => chat.send(request.conversationId, request.text),
    'chat-stop': (request) => Promise.resolve({ stopped: chat.stop(request.conversationId) }),
    'chat-retry': (request) => chat.retry(request.conversationId, request.messageId),
    'chat-new': (request) => sessions.create(request.incognito === true),
    'conversation-open': (request) => sessions.openExisting(request.conversationId),
    'conversation-list': async () => ({ conversations: await conversations.list(100) }),
    'conversation-delete': (request) => sessions.remove(request.conversationId),
    'conversation-export': (request) => archive.export(request.conversationId),
    'conversation-search': async (request) => ({ hits: await archive.search(request.query) }),
    'settings-get': () => settingsService.view(),
    'settings-save': (request) => settingsService.save(request.settings, request.secrets),
    'proposal-decide': async (request) => ({ proposal: await approvals.decide(request.proposalId, request.decision, request.liveConfirmed, request.revision) }),
    'cancel-decide': async (request) => ({ cancel: await deps.trading.decideCancel(request.proposalId, request.decision) }),
    'proposal-edit': async (request) => ({ proposal: await deps.trading.edit(request.proposalId, request.changes) }),
    'audit-list': async (request) => ({ entries: await deps.audit.list(request.limit) }),
    'audit-verify': () => deps.audit.verify(),
    'audit-export': () => deps.audit.exportJson(),
    'audit-head': async () => ({ head: await deps.audit.head(), pinned: await deps.audit.pinned() }),
    'audit-pin': async (request) => {
      const head = request.head === null ? null : parseHeadText(request.head);
      if (request.head !== null && head === null) throw userInputError('invalid-head', 'A head is its entry number and hash, as Copy head hash gives it: "#12" followed by 64 hexadecimal characters.');
      await deps.audit.pin(head);
      return { pinned: head };
    },
    ...createMemoryHandlers({ memory: deps.memory, profiles: deps.profiles }),
    ...deps.metricsView,
    ...deps.evalRun,
    ...deps.privacy(chat),
    'connection-test': () => settingsService.testConnections(),
    'key-origin-trust': (request) => settingsService.trustKeyOrigin(request.origin),
    'key-origin-revoke': (request) => settingsService.revokeKeyOrigin(request.origin),
    ...pages.handlers,
  };

  return { handlers, chat, analyzeSelection, pages };
}
