import { createBackgroundApp } from '@/src/background-app';
import { systemClock, randomIds } from '@/src/platform/clock';
import { createKeepAlive } from '@/src/platform/keep-alive';
import { createContextMenu } from '@/src/platform/context-menu';
import { createChromePageAccess } from './page-access';
import { createBrowserEntryPoints } from '@/src/platform/entry-points';
import { pageAnalyzeText } from '@/src/page/page-analyze-text';
import { loopbackOnlyFetch } from '@/src/platform/demo-mode';
import { chromeLocalStore } from '@/src/platform/local-store';
import { chromeSessionStore } from '@/src/platform/session-store';
import { createChromeNotifications, WAKE_ALARM_PREFIX } from './notifications';
import type { NoticeTarget } from '@/src/protocol/notifications';
import { createEvaluationRunner } from '@/eval/in-extension/index';

const FOLLOW_UP_ALARM = 'clera-follow-up';
const ALERTS_ALARM = 'clera-alerts';
const RETENTION_ALARM = 'clera-retention';
const LOCK_ALARM = 'clera-lock';

export default defineBackground(() => {
  // The toolbar button opens the side panel.
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  // Web pages cannot reach us (no externally_connectable); anything external that tries is refused explicitly.
  chrome.runtime.onConnectExternal.addListener((port) => { port.disconnect(); });
  chrome.runtime.onMessageExternal.addListener((_message, _sender, sendResponse) => {
    sendResponse({ ok: false, error: 'refused' });
  });

  const keepAlive = createKeepAlive(() => chrome.runtime.getPlatformInfo());
  const pages = createChromePageAccess();
  // Clicks may arrive before the app exists (a click wakes the worker): they wait for it.
  let openTarget: (target: NoticeTarget) => void = () => undefined;
  const notifications = createChromeNotifications({ onOpen: (target) => { openTarget(target); } });
  const app = createBackgroundApp({
    extensionId: chrome.runtime.id,
    // The demo build (`npm start`) can reach the local simulators only, whatever the settings say.
    fetch: __CLERA_DEMO__ ? loopbackOnlyFetch((input, init) => fetch(input, init)) : (input, init) => fetch(input, init),
    clock: systemClock,
    ids: randomIds,
    keepAlive,
    onConnect: (listener) => { chrome.runtime.onConnect.addListener(listener); },
    log: (level, message, details) => { console[level](`[clera] ${message}`, details ?? ''); },
    scheduleFollowUp: (delayMinutes) => { void chrome.alarms.create(FOLLOW_UP_ALARM, { delayInMinutes: Math.max(0.5, delayMinutes) }); },
    pages,
    localStore: chromeLocalStore(),
    session: chromeSessionStore(),
    notifications,
    // "Run evaluation" on the metrics page: the evaluation set, run with the user's key against an in-process broker.
    evaluation: createEvaluationRunner(),
  });
  openTarget = (target) => { keepAlive(app.ready.then(() => { app.openTarget(target); })); };
  // The alert rules are judged every 5 minutes (and after each turn, by the app).
  void chrome.alarms.create(ALERTS_ALARM, { periodInMinutes: 5 });
  void chrome.alarms.create(RETENTION_ALARM, { periodInMinutes: 60 });
  // The passphrase lock's idle check (a key use past the idle time locks too; this catches a quiet browser).
  void chrome.alarms.create(LOCK_ALARM, { periodInMinutes: 1 });
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOW_UP_ALARM) keepAlive(app.followUp());
    if (alarm.name === ALERTS_ALARM) keepAlive(app.evaluateAlerts());
    if (alarm.name === RETENTION_ALARM) keepAlive(app.pruneRetention());
    if (alarm.name === LOCK_ALARM) keepAlive(app.checkLock());
    if (alarm.name.startsWith(WAKE_ALARM_PREFIX)) keepAlive(app.wake(alarm.name.slice(WAKE_ALARM_PREFIX.length)));
  });
  const menu = createContextMenu({ analyze: (input) => { keepAlive(app.analyzeSelection(input.selection ?? pageAnalyzeText(input))); } });
  pages.watch({
    onChange: () => { keepAlive(app.pageChanged()); },
    onReport: (tab, facts) => { keepAlive(app.pageReported(tab, facts)); },
  });
  keepAlive(pages.syncDetectionScript().catch(() => undefined));
  createBrowserEntryPoints({ ask: (text) => { keepAlive(app.ask(text)); }, onboarding: !__CLERA_DEMO__ });
  // End-to-end builds only (CLERA_E2E_HOOKS=1): tests cannot right-click a browser menu, so they call the same
  // handler here. The flag is a build-time constant, so production bundles do not contain this line.
  if (__CLERA_E2E_HOOKS__) (globalThis as { cleraContextMenuClick?: typeof menu.onClicked }).cleraContextMenuClick = menu.onClicked;
  // E2E only: what a notification click does (tests cannot click a system notification).
  if (__CLERA_E2E_HOOKS__) (globalThis as { cleraNotificationTarget?: (target: NoticeTarget) => void }).cleraNotificationTarget = (target) => { openTarget(target); };
});
