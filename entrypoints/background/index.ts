import { createBackgroundApp } from '@/src/background-app';
import { systemClock, randomIds } from '@/src/platform/clock';
import { createKeepAlive } from '@/src/platform/keep-alive';
import { createContextMenu } from '@/src/platform/context-menu';

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
  });
  createContextMenu({ analyze: (text) => { keepAlive(app.analyzeSelection(text)); } });
});
