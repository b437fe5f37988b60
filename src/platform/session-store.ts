import type { SessionStore } from './vault-lock';

/**
 * chrome.storage.session: held in memory by the browser while it runs (never written to disk, cleared when the
 * browser closes or the extension reloads), and readable only by the extension's own pages and worker, not by
 * content scripts. The unlocked vault key lives here so a stopped service worker wakes up unlocked.
 */
export function chromeSessionStore(): SessionStore {
  const area = chrome.storage.session;
  void area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  return {
    async get(key) {
      return (await area.get(key))[key];
    },
    async set(key, value) {
      await area.set({ [key]: value });
    },
    async remove(key) {
      await area.remove(key);
    },
  };
}
