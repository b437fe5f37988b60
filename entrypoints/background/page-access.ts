import { financeOrigins } from '@/src/page/finance-sites';
import type { PageAccess, TabInfo } from '@/src/page/page-context-service';
import { PAGE_FACTS_MESSAGE } from '@/src/page/page-facts';

/** The id of the registered detection script (registered only once the user granted the finance sites). */
export const DETECT_SCRIPT_ID = 'clera-page-detect';
const DETECT_FILE = 'content-scripts/page-detect.js';
const ARTICLE_FILE = 'content-scripts/page-article.js';

const isWebUrl = (url: string | undefined) => url === undefined || url.startsWith('https://') || url.startsWith('http://');

export interface PageWatchers {
  /** The active tab changed, navigated or finished loading, or another window took focus. */
  onChange: () => void;
  /** A registered detection script reported a page load. */
  onReport: (tab: TabInfo, facts: unknown) => void;
}

/**
 * The browser side of page detection. The extension reads a tab only where Chrome lets it: the finance sites after
 * the user granted them (optional host permissions), loopback pages (already a required host), and the tab a user
 * clicked Clera on (`activeTab`). Everything else fails quietly and the chip stays hidden.
 */
export function createChromePageAccess(): PageAccess & {
  readArticle(tabId: number): Promise<unknown>;
  watch(watchers: PageWatchers): void;
  syncDetectionScript(): Promise<void>;
} {
  let lastWebTabId: number | null = null;

  async function run(tabId: number, file: string): Promise<unknown> {
    const [first] = await chrome.scripting.executeScript({ target: { tabId }, files: [file] });
    return first?.result ?? null;
  }

  async function syncDetectionScript(): Promise<void> {
    const granted = (await chrome.permissions.getAll()).origins ?? [];
    const matches = financeOrigins.filter((origin) => granted.includes(origin));
    const registered = await chrome.scripting.getRegisteredContentScripts({ ids: [DETECT_SCRIPT_ID] });
    if (registered.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [DETECT_SCRIPT_ID] });
    if (matches.length === 0) return;
    await chrome.scripting.registerContentScripts([{ id: DETECT_SCRIPT_ID, js: [DETECT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true }]);
  }

  return {
    async activeTab() {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id !== undefined && isWebUrl(tab.url)) {
        lastWebTabId = tab.id;
        return { tabId: tab.id, ...(tab.url ? { url: tab.url } : {}), ...(tab.title ? { title: tab.title } : {}) };
      }
      // The panel opened as a tab of its own (or a Chrome page) is in front: keep the last web page it followed.
      if (lastWebTabId === null) return null;
      const last = await chrome.tabs.get(lastWebTabId).catch(() => null);
      if (last?.id === undefined || !isWebUrl(last.url)) return null;
      return { tabId: last.id, ...(last.url ? { url: last.url } : {}), ...(last.title ? { title: last.title } : {}) };
    },
    readFacts: (tabId) => run(tabId, DETECT_FILE),
    readArticle: (tabId) => run(tabId, ARTICLE_FILE),
    syncDetectionScript,
    watch(watchers) {
      chrome.tabs.onActivated.addListener(() => { watchers.onChange(); });
      chrome.tabs.onUpdated.addListener((_tabId, change, tab) => {
        if (tab.active && (change.url !== undefined || change.status === 'complete')) watchers.onChange();
      });
      chrome.windows.onFocusChanged.addListener((windowId) => {
        if (windowId !== chrome.windows.WINDOW_ID_NONE) watchers.onChange();
      });
      chrome.permissions.onAdded.addListener(() => { void syncDetectionScript().catch(() => undefined); });
      chrome.permissions.onRemoved.addListener(() => { void syncDetectionScript().catch(() => undefined); });
      chrome.runtime.onMessage.addListener((message: unknown, sender) => {
        // Only our own content script, in a tab, is heard; pages cannot message the extension (no externally_connectable).
        if (sender.id !== chrome.runtime.id || sender.tab?.id === undefined) return;
        if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== PAGE_FACTS_MESSAGE) return;
        watchers.onReport({ tabId: sender.tab.id, ...(sender.tab.url ? { url: sender.tab.url } : {}) }, (message as { facts?: unknown }).facts);
      });
    },
  };
}
