import type { PageChip } from '../protocol/page';
import { pageFactsSchema } from './page-facts-schema';
import { detectTickers } from './ticker-detection';
import type { ListedAsset } from './asset-cache';

/** A browser tab as the page service sees it (no URL or title unless the extension may read that tab). */
export interface TabInfo {
  tabId: number;
  url?: string;
  title?: string;
}

/** What the page service needs from the browser (entrypoints/background/page-access.ts builds the real one). */
export interface PageAccess {
  /** The active tab of the last focused window, if it is a web page. */
  activeTab(): Promise<TabInfo | null>;
  /** Runs the detection script in the tab and returns what it read (unvalidated), or null without access. */
  readFacts(tabId: number): Promise<unknown>;
}

export interface PageContextDeps {
  access: PageAccess;
  check: (symbol: string) => Promise<ListedAsset | null>;
  broadcast: (page: PageChip | null) => void;
}

/**
 * The page chip of the active tab. Detection runs when the active tab changes or navigates, or when a panel asks;
 * candidates are checked against the broker's asset list in order and the first listed one is shown. Nothing here
 * acts on the page's content: it only picks a symbol to offer, and the user decides what to do with it.
 */
export function createPageContextService(deps: PageContextDeps) {
  let current: PageChip | null = null;
  let generation = 0;

  async function chipFor(tab: TabInfo, raw: unknown): Promise<PageChip | null> {
    const facts = pageFactsSchema.safeParse(raw);
    if (!facts.success) return null;
    for (const candidate of detectTickers(facts.data)) {
      const asset = await deps.check(candidate.symbol);
      if (!asset) continue;
      return {
        tabId: tab.tabId,
        url: facts.data.url,
        title: facts.data.title || (tab.title ?? '').slice(0, 300),
        symbol: asset.symbol,
        name: asset.name ?? candidate.name ?? null,
        source: candidate.source,
      };
    }
    return null;
  }

  function publish(next: PageChip | null): void {
    const same = JSON.stringify(next) === JSON.stringify(current);
    current = next;
    if (!same) deps.broadcast(next);
  }

  return {
    /** Re-detects the active tab (on activation, navigation, window focus, or a panel opening). */
    async refresh(): Promise<PageChip | null> {
      const mine = ++generation;
      const tab = await deps.access.activeTab().catch(() => null);
      if (!tab) {
        if (mine === generation) publish(null);
        return current;
      }
      const raw = await deps.access.readFacts(tab.tabId).catch(() => null);
      const chip = raw === null ? null : await chipFor(tab, raw).catch(() => null);
      // A later refresh (the user switched tabs again meanwhile) wins.
      if (mine === generation) publish(chip);
      return current;
    },
    /** Facts a registered content script reported on page load, for a tab that may be the active one. */
    async reported(tab: TabInfo, raw: unknown): Promise<void> {
      const active = await deps.access.activeTab().catch(() => null);
      if (active?.tabId !== tab.tabId) return;
      const mine = ++generation;
      const chip = await chipFor(tab, raw).catch(() => null);
      if (mine === generation) publish(chip);
    },
    current: () => current,
  };
}
export type PageContextService = ReturnType<typeof createPageContextService>;
