
/** A 48 px alert mark (an exclamation on the accent colour): notifications need an icon and the extension ships none. */
const ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAcElEQVR42u3asRGAQAgEQPqxH3u2Ks1M9Gc0knuXGfLbhACoGtSybnunrifVLfQrTEr4W0Ra+AsC4EtAavgTAQDQEDAqAAAAAAAAAAAAAAAAAIDZAbYSAPZCphAAAIAx6k7mSvkjQPyrwRTPHqnvNgdSYBtY3cjE4QAAAABJRU5ErkJggg==';

/** Quality alerts as Chrome notifications and a toolbar badge; clicking a notification opens the metrics view. */
/** The monitor's AlertPort (src/monitoring/alert-monitor.ts), written out so the platform imports nothing above it. */
export interface AlertNotifier {
  notify(alert: { id: string; title: string; message: string }): void;
  setBadge(text: string): void;
}

export function createAlertNotifier(openMetrics: () => void): AlertNotifier {
  chrome.notifications.onClicked.addListener((id) => {
    if (!id.startsWith('clera-alert:')) return;
    openMetrics();
    void chrome.notifications.clear(id);
  });
  return {
    notify(alert) {
      void chrome.notifications
        .create(`clera-alert:${alert.id}`, { type: 'basic', iconUrl: ICON, title: alert.title, message: alert.message, priority: 1 })
        .catch(() => undefined);
    },
    setBadge(text) {
      void chrome.action.setBadgeText({ text }).catch(() => undefined);
      if (text) void chrome.action.setBadgeBackgroundColor({ color: '#b3261e' }).catch(() => undefined);
      void chrome.action.setTitle({ title: text ? `Open Clera (${text} quality alert${text === '1' ? '' : 's'})` : 'Open Clera' }).catch(() => undefined);
    },
  };
}
