import { targetOf, type NoticeTarget, type NotificationPort } from '@/src/protocol/notifications';

/** Alarm names of the per-proposal wake-ups (a reminder before a card expires, and its expiry). */
export const WAKE_ALARM_PREFIX = 'clera-wake:';

/**
 * Clera's notifications with chrome.notifications (the icon is a file of the extension: Chrome refuses data: URLs),
 * the toolbar badge with chrome.action, and wake-ups with chrome.alarms. A click opens the side panel at once, inside
 * the click's user gesture (a tab with the panel page if Chrome refuses), then `onOpen` shows the conversation.
 */
export function createChromeNotifications(deps: { onOpen: (target: NoticeTarget) => void }): NotificationPort {
  chrome.notifications.onClicked.addListener((id) => {
    const target = targetOf(id);
    if (!target) return;
    void chrome.notifications.clear(id).catch(() => undefined);
    if (target.kind === 'metrics') {
      void chrome.tabs.create({ url: chrome.runtime.getURL('/metrics.html') }).catch(() => undefined);
      return;
    }
    const query = new URLSearchParams({ conversation: target.conversationId, ...(target.proposalId ? { card: target.proposalId } : {}) });
    chrome.sidePanel
      .open({ windowId: chrome.windows.WINDOW_ID_CURRENT })
      .catch(() => chrome.tabs.create({ url: chrome.runtime.getURL(`/sidepanel.html?${query.toString()}`) }))
      .catch(() => undefined);
    deps.onOpen(target);
  });
  const icon = chrome.runtime.getURL('/notification-icon.png');
  return {
    show(notice) {
      void chrome.notifications
        .create(notice.id, { type: 'basic', iconUrl: icon, title: notice.title, message: notice.message, priority: notice.kind === 'alerts' ? 1 : 2 })
        .catch(() => undefined);
    },
    clear(id) {
      void chrome.notifications.clear(id).catch(() => undefined);
    },
    setBadge(view) {
      void chrome.action.setBadgeText({ text: view.text }).catch(() => undefined);
      if (view.text) void chrome.action.setBadgeBackgroundColor({ color: view.color }).catch(() => undefined);
      void chrome.action.setTitle({ title: view.title }).catch(() => undefined);
    },
    wakeAt(key, at) {
      void chrome.alarms.create(`${WAKE_ALARM_PREFIX}${key}`, { when: at.getTime() });
    },
    cancelWake(key) {
      void chrome.alarms.clear(`${WAKE_ALARM_PREFIX}${key}`);
    },
  };
}
