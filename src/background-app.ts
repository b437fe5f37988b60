import { createVault } from './platform/vault';
import { createVaultLock, memorySessionStore } from './platform/vault-lock';
import { lockedError } from './protocol/errors';
import { requestSchema, type Request, type RequestType } from './protocol/messages';
import type { Handlers } from './background/port-server';
import { createVaultHandlers } from './background/vault-handlers';
import { deleteSealedRecords, exportStoredAudit } from './store/vault-reset';
import { openDatabase } from './store/db';
import { createKeyRepository } from './store/key-repository';
import { createSettingsRepository } from './store/settings-repository';
import { createConversationRepository } from './store/conversation-repository';
import { createRunRepository } from './store/run-repository';
import { createAuditLog } from './audit/audit-log';
import { createCancelProposalRepository, createProposalRepository, proposalFacts } from './store/proposal-repository';
import { memoryLocalStore } from './platform/local-store';
import { createTradingService } from './trading/trading-service';
import { createTradingNotifier } from './background/trading-notifier';
import { createSpanRecorder } from './monitoring/span-recorder';
import { createMetricsRepository } from './store/metrics-repository';
import { createAlertRepository } from './store/alert-repository';
import { createAlertMonitor } from './monitoring/alert-monitor';
import { baselineOf, createMetricsHandlers, recordEvalImport } from './background/metrics-handlers';
import { createEvalRunHandlers } from './background/eval-run-service';
import { breakerSpan, rateLimitWaitSpan } from './monitoring/span-builders';
import { createResilience } from './resilience';
import type { Fetchers } from './background/turn-runtime';
import { createBrokerFromSettings } from './background/turn-runtime';
import { createPortServer } from './background/port-server';
import { createRequestHandlers } from './background/handlers';
import type { BackgroundPlatform } from './background/background-platform';
import { PORT_NAME, type PushEvent } from './protocol/messages';
import { createProfileRepository } from './store/profile-repository';
import { createMemoryRepository } from './store/memory-repository';
import { createMemoryService } from './memory/memory-service';
import type { TabInfo } from './page/page-context-service';
import { createPortfolioCache } from './memory/portfolio-cache';
import { createSummaryRepository } from './store/summary-repository';
import { createConsentRepository } from './store/consent-repository';
import { createConsentService } from './background/consent-service';
import { withHistoryConsent, withMetricsConsent } from './background/consent-gates';
import { createKeptData } from './background/kept-data';
import { createPrivacyHandlers } from './background/privacy-handlers';
import { createMetricsKeptRepository } from './store/metrics-kept-repository';
import { createRetentionRepository, pruneRuns } from './store/retention-repository';
import { createRetentionService } from './background/retention-service';
import { sealExistingRows } from './store/seal-migration';
import { createNotificationService } from './background/notification-service';
import type { NoticeTarget } from './protocol/notifications';

export type { BackgroundPlatform } from './background/background-platform';

/** The composition root: wires store, clients, services and the protocol. Nothing here runs at import time. */
export function createBackgroundApp(platform: BackgroundPlatform) {
  const db = platform.database ?? openDatabase();
  let broadcast: (event: PushEvent) => void = () => undefined;
  // A notification click asks for a conversation; a panel that opens within a minute starts on it.
  let focus: { conversationId: string; at: number } | null = null;
  const takeFocus = (): string | undefined => {
    const wanted = focus && platform.clock.monotonic() - focus.at < 60_000 ? focus.conversationId : undefined;
    focus = null;
    return wanted;
  };

  // The optional passphrase lock: every seal and open asks it for the data key, and while it is locked nothing that
  // needs the key starts (the services below are built once it is unlocked; without a passphrase that is at once).
  const lock = createVaultLock({ records: createKeyRepository(db), session: platform.session ?? memorySessionStore(), clock: platform.clock });
  let announcedLocked: boolean | undefined;
  const announceStatus = (status: { passphrase: boolean; locked: boolean; idleMinutes: number }) => {
    announcedLocked = status.locked;
    broadcast({ type: 'vault-status', status });
  };
  /** Locks when idle too long; tells the pages when the state changed. Returns whether the vault is locked. */
  const lockedNow = async () => {
    const locked = await lock.checkIdle();
    if (locked !== announcedLocked) announceStatus(await lock.status());
    return locked;
  };

  const started = (async () => {
    await lock.whenUnlocked();
    const vault = createVault(lock.dataKey);
    const settings = createSettingsRepository(db, vault, platform.clock);
    // Consent per data category, read before anything can use the data; the gates below and the services ask it.
    const consent = createConsentService({ repository: createConsentRepository(db, platform.clock, platform.ids) });
    await consent.load();
    // Rows written before v11 are sealed in the background; the repositories read both shapes meanwhile.
    platform.keepAlive(sealExistingRows(db, vault, platform.clock).catch((error: unknown) => { platform.log('warn', 'Could not seal older rows yet; will retry on the next start.', { error: String(error) }); }));
    const conversations = withHistoryConsent(createConversationRepository(db, vault, platform.clock, platform.ids), consent.policy);
    const runs = createRunRepository(db, vault, platform.clock, platform.ids, {
      onUnreadable: (run) => { platform.log('warn', 'A saved run could not be read; it cannot be resumed.', { runId: run.id, reason: run.reason }); },
    });
    const audit = await createAuditLog({ db, vault, clock: platform.clock, local: platform.localStore ?? memoryLocalStore(), proposals: proposalFacts(db) });
    const proposals = createProposalRepository(db, vault, platform.clock);
    const profiles = createProfileRepository(db, vault, platform.clock);
    // Shared by the tools of a turn and across turns; any order event (a proposal saved or updated) drops it.
    const portfolioCache = createPortfolioCache({ clock: platform.clock });
    const memory = createMemoryService({
      memories: createMemoryRepository(db, vault),
      profiles,
      clock: platform.clock,
      ids: platform.ids,
      cap: async () => (await settings.get()).memory.cap,
      onUpsert: (item) => { broadcast({ type: 'memory-upsert', memory: item }); },
      onRemove: (item) => { broadcast({ type: 'memory-remove', memoryId: item.id, conversationId: item.source.conversationId }); },
    });
    const { monitoring } = await settings.get();
    const metricsRepository = createMetricsRepository(db);
    const alertRepository = createAlertRepository(db);
    const cancelProposals = createCancelProposalRepository(db, vault, platform.clock);
    // Fills, rejections, expiring cards and quality alerts as Chrome notifications (each under its setting), and the
    // one toolbar badge (pending confirmations first, then open alerts).
    const notifications = createNotificationService({
      port: platform.notifications,
      settings: async () => (await settings.get()).notifications,
      proposals,
      cancels: cancelProposals,
      clock: platform.clock,
      log: (message, details) => { platform.log('warn', message, details); },
    });
    const alertMonitor = createAlertMonitor({ source: metricsRepository, alerts: alertRepository, clock: platform.clock, ids: platform.ids, port: platform.notifications ? notifications.alertPort : platform.alerts });
    const evaluateAlerts = () => alertMonitor.evaluate().catch((error: unknown) => { platform.log('warn', 'Could not evaluate the alert rules.', { error: String(error) }); return []; });
    const metrics = withMetricsConsent(createSpanRecorder({
      db,
      clock: platform.clock,
      ids: platform.ids,
      retention: { maxAgeDays: monitoring.retentionDays, maxRows: monitoring.maxSpans },
      // After each turn (its run span lands with the turn's last batch) the alert rules are judged again.
      onWritten: (spans) => { if (spans.some((span) => span.kind === 'agent-run')) platform.keepAlive(evaluateAlerts()); },
    }), consent.policy);
    // Spans by the recorder's age and count limits; feedback, evaluation imports and alert history by the same age.
    const pruneMetrics = async () => {
      const cutoff = new Date(platform.clock.now().getTime() - (await settings.get()).monitoring.retentionDays * 86_400_000).toISOString();
      const [spans] = await Promise.all([metrics.prune(), metricsRepository.prune(cutoff), alertRepository.prune(cutoff)]);
      return spans;
    };
    // Every call to Anthropic and Alpaca goes through its dependency's policies (timeout, retries for idempotent
    // requests only, circuit breaker with persisted state, rate limit); health changes reach the panels' banner.
    const chatRef: { current?: { broadcastActivity: (label: string) => void; isRunning: (conversationId: string) => boolean } } = {};
    const resilience = await createResilience({
      db,
      fetch: platform.fetch,
      clock: platform.clock,
      ...(platform.resilience ?? {}),
      onBreakerChange: (change) => {
        metrics.record(breakerSpan({ dependency: change.dependency, from: change.from, to: change.to, at: change.at }));
        broadcast({ type: 'service-health', health: resilience.health() });
      },
      onRetry: () => { broadcast({ type: 'service-health', health: resilience.health() }); },
      onWait: (info) => {
        metrics.record(rateLimitWaitSpan({ dependency: info.dependency, startedAt: platform.clock.now(), endedAt: new Date(platform.clock.now().getTime() + info.waitMs) }));
        chatRef.current?.broadcastActivity(`Waiting for ${info.dependency === 'anthropic' ? 'Anthropic' : 'Alpaca'}’s rate limit…`);
      },
    });
    const fetchers: Fetchers = {
      anthropic: resilience.fetchFor('anthropic'),
      alpacaTrading: resilience.fetchFor('alpaca-trading'),
      alpacaData: resilience.fetchFor('alpaca-data'),
      resilient: true,
    };
    const trading = createTradingService({
      proposals,
      cancels: cancelProposals,
      audit,
      // Any order event (a proposal saved or updated) drops the cached portfolio.
      notifier: createTradingNotifier({
        conversations,
        broadcast: (event) => {
          if (event.type === 'proposal-upsert' || event.type === 'cancel-upsert') portfolioCache.invalidate();
          if (event.type === 'proposal-upsert') platform.keepAlive(notifications.proposalChanged(event.proposal));
          if (event.type === 'cancel-upsert') platform.keepAlive(notifications.cancelChanged());
          broadcast(event);
        },
      }),
      clock: platform.clock,
      ids: platform.ids,
      keepAlive: platform.keepAlive,
      broker: () => createBrokerFromSettings({ settings, fetchers }),
      scheduleFollowUp: platform.scheduleFollowUp,
      suitability: async (current) => ({ profile: (await profiles.get()).profile, mode: current.memory.suitability }),
      ...(platform.orderLookupDelaysMs ? { lookupDelaysMs: platform.orderLookupDelaysMs } : {}),
      ...(platform.orderUnknownWindowMs === undefined ? {} : { unknownWindowMs: platform.orderUnknownWindowMs }),
    });
    const summaries = createSummaryRepository(db, vault);
    const retention = createRetentionService({
      repository: createRetentionRepository(db),
      clock: platform.clock,
      conversations,
      pruneRuns: (before) => pruneRuns(db, before),
      memory,
      audit,
      pruneMetrics,
      isRunning: (conversationId) => chatRef.current?.isRunning(conversationId) ?? false,
      log: (message, details) => { platform.log('warn', message, details); },
    });
    const created = createRequestHandlers({ focusRequest: takeFocus, settings, conversations, runs, audit, trading, proposals, metrics, fetchers, health: () => resilience.health(), platform, broadcast: (event) => { broadcast(event); }, memory, profiles, portfolioCache, summaries,
      metricsView: createMetricsHandlers({ repository: metricsRepository, alerts: alertRepository, monitor: alertMonitor, conversations, runs, clock: platform.clock, ids: platform.ids, consent: consent.policy,
        experiment: {
          split: async () => (await settings.get()).experiment.split,
          setSplit: async (split) => { await settings.save({ ...(await settings.get()), experiment: { split } }, {}); },
        },
      }),
      evalRun: createEvalRunHandlers({
        runner: platform.evaluation,
        settings,
        fetch: platform.fetch,
        clock: platform.clock,
        newId: () => platform.ids.next('evalrun'),
        keepAlive: platform.keepAlive,
        broadcast: (event) => { broadcast(event); },
        variant: async () => baselineOf((await settings.get()).experiment.split).replace(/@v\d+$/, ''),
        record: (file) => recordEvalImport({ repository: metricsRepository, ids: platform.ids, clock: platform.clock }, file),
        log: (message, details) => { platform.log('warn', message, details); },
      }),
      consent: consent.policy,
      privacy: (chat) => createPrivacyHandlers({
        consent,
        kept: createKeptData({ conversations, metrics: createMetricsKeptRepository(db), memory, isRunning: chat.isRunning }),
        retention,
        metricsRetentionDays: async () => (await settings.get()).monitoring.retentionDays,
        conversations: async () => Promise.all((await conversations.list(100_000)).reverse().map(async (c) => ({ title: c.title, messages: await conversations.messages(c.id) }))),
        now: () => platform.clock.now(),
        onDeleted: () => { broadcast({ type: 'conversations-changed' }); },
      }),
    });
    // Orders first: expire stale proposals, then ask the broker about any order whose outcome a stop left unknown.
    await trading.expireDue();
    platform.keepAlive(trading.reconcile().catch((error: unknown) => { platform.log('warn', 'Could not reconcile orders yet.', { error: String(error) }); }));
    chatRef.current = created.chat;
    const recovered = await created.chat.recoverInterrupted();
    if (recovered > 0) platform.log('info', `Marked ${recovered} unfinished answer(s) as interrupted after a restart.`);
    platform.keepAlive(notifications.refreshBadge());
    platform.keepAlive(retention.prune().catch((error: unknown) => { platform.log('warn', 'Retention could not run.', { error: String(error) }); }));
    return { ...created, trading, evaluateAlerts, retention, notifications };
  })();
  started.catch((error: unknown) => {
    platform.log('warn', 'The background failed to start.', { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  });

  // The port server exists from the first moment, so a port that wakes the worker gets its listeners attached
  // synchronously and no message is lost while the database opens; requests wait for the handlers.
  const vaultHandlers = createVaultHandlers({
    lock,
    wipeSealed: async () => {
      const exported = await exportStoredAudit(db, platform.clock);
      await deleteSealedRecords(db);
      return exported;
    },
    announce: (status) => { announceStatus(status); },
  });
  // Requests from the pages: the lock's own are answered at once; any other is user activity (it restarts the idle
  // time) and, while locked, answers the typed `locked` error without waiting for anything.
  const requestTypes = requestSchema.options.map<RequestType>((option) => option.shape.type.value);
  const handlers = Object.fromEntries(
    requestTypes.map((type) => [
      type,
      async (request: Request) => {
        const own = (vaultHandlers as Partial<Record<RequestType, (r: Request) => Promise<unknown>>>)[type];
        if (own) return own(request);
        if (await lockedNow()) throw lockedError();
        lock.touch();
        const handler = ((await started).handlers as Partial<Record<RequestType, (r: Request) => Promise<unknown>>>)[type];
        if (!handler) throw new Error(`No handler for ${type}`);
        return handler(request);
      },
    ]),
  ) as unknown as Handlers;
  /** Background work (alarms) runs only while unlocked; locked, it waits for a later alarm. */
  const whenOpen = async <T>(work: (app: Awaited<typeof started>) => Promise<T>, what: string): Promise<T | undefined> => {
    if (await lockedNow()) {
      platform.log('info', `Clera is locked: ${what} waits until it is unlocked.`);
      return undefined;
    }
    return work(await started);
  };
  /** What the user started outside a page (omnibox, context menu): locked, it fails with the typed error. */
  const unlocked = async () => {
    if (await lockedNow()) throw lockedError();
    lock.touch();
    return started;
  };

  const server = createPortServer({
    extensionId: platform.extensionId,
    portName: PORT_NAME,
    handlers,
    onRefused: (sender) => { platform.log('warn', 'Refused a connection that is not from one of Clera’s own pages.', { url: sender?.url ?? 'unknown' }); },
  });
  broadcast = (event) => { server.broadcast(event); };
  platform.onConnect((port) => { server.accept(port); });

  const ready = started.then(() => undefined);
  return {
    ready,
    db,
    /** The passphrase lock (Lock now, unlock, idle time). */
    lock,
    /** The lock alarm: locks once idle past the setting and tells the open pages. */
    checkLock: async () => { await lockedNow(); },
    /** What the "Analyze ticker" context menu does with the selected text (or the page title). */
    analyzeSelection: async (selection: string) => (await unlocked()).analyzeSelection(selection),
    /** The omnibox (`clera <question>`): asks in a new conversation and shows it in the open panels. */
    ask: async (text: string) => {
      const { chat } = await unlocked();
      const sent = await chat.send(undefined, text).catch(async (error: unknown) => chat.notice(undefined, error instanceof Error ? error.message : String(error)));
      broadcast({ type: 'conversations-changed' });
      broadcast({ type: 'conversation-focus', conversationId: sent.conversationId });
      return sent;
    },
    /** The active tab changed or navigated: re-detect the page chip. */
    pageChanged: async () => { await whenOpen(async (app) => { await app.pages.pageChanged(); }, 'page detection'); },
    /** A registered detection script reported a page load. */
    pageReported: async (tab: TabInfo, facts: unknown) => { await whenOpen(async (app) => { await app.pages.pageReported(tab, facts); }, 'page detection'); },
    /** The alerts alarm: judge the alert rules over their windows. */
    evaluateAlerts: async () => { await whenOpen((app) => app.evaluateAlerts(), 'the alert rules'); },
    /** The retention alarm: prunes each category past its retention (the audit log keeps a signed checkpoint). */
    pruneRetention: async () => whenOpen((app) => app.retention.prune(), 'retention'),
    /** A click on one of Clera's notifications (the platform has opened the panel or a tab): show that conversation. */
    openTarget: (target: NoticeTarget) => {
      if (target.kind !== 'conversation') return;
      focus = { conversationId: target.conversationId, at: platform.clock.monotonic() };
      broadcast({ type: 'conversation-focus', conversationId: target.conversationId, ...(target.proposalId ? { proposalId: target.proposalId } : {}) });
    },
    /** A per-proposal wake-up (reminder before a card expires, or its expiry): expire what is due, then remind. */
    wake: async (key: string) => {
      return whenOpen(async ({ trading, notifications }) => {
        await trading.expireDue();
        return notifications.wake(key);
      }, 'an order card reminder');
    },
    /** The follow-up alarm: expire proposals and keep following open orders. */
    followUp: async () => {
      await whenOpen(async ({ trading }) => {
        await trading.expireDue();
        await trading.reconcile();
      }, 'following orders');
    },
    get refusedConnections() { return server.refused; },
  };
}
