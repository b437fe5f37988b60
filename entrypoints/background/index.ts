import { createBackgroundApp } from '@/src/background-app';
import { systemClock, randomIds } from '@/src/platform/clock';
import { createKeepAlive } from '@/src/platform/keep-alive';
import { createContextMenu } from '@/src/platform/context-menu';

const FOLLOW_UP_ALARM = 'clera-follow-up';

export default defineBackground(() => {
  // The toolbar button opens the side panel.
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  // Web pages cannot reach us (no externally_connectable); anything external that tries is refused explicitly.
  chrome.runtime.onConnectExternal.addListener((port) => { port.disconnect(); });
  chrome.runtime.onMessageExternal.addListener((_message, _sender, sendResponse) => {
    sendResponse({ ok: false, error: 'refused' });
  });

  const keepAlive = createKeepAlive(() => chrome.runtime.getPlatformInfo());
  const app = createBackgroundApp({
    extensionId: chrome.runtime.id,
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    ids: randomIds,
    keepAlive,
    onConnect: (listener) => { chrome.runtime.onConnect.addListener(listener); },
    log: (level, message, details) => { console[level](`[clera] ${message}`, details ?? ''); },
    scheduleFollowUp: (delayMinutes) => { void chrome.alarms.create(FOLLOW_UP_ALARM, { delayInMinutes: Math.max(0.5, delayMinutes) }); },
  });
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOW_UP_ALARM) keepAlive(app.followUp());
  });
  createContextMenu({ analyze: (text) => { keepAlive(app.analyzeSelection(text)); } });
});
