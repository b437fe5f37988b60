export const ANALYZE_MENU_ID = 'clera-analyze-ticker';

/** What "Analyze ticker" hands over: the selection, or (on a page) the tab's title and address. */
export interface AnalyzeInput {
  selection?: string;
  title?: string;
  url?: string;
}

/**
 * The "Analyze ticker" context menu, on a selection and on the page. A click opens the side panel (this must happen
 * synchronously inside the click's user gesture) and hands the selected text, or the page's title and URL, to
 * `analyze`. The click grants `activeTab`, which is what makes the tab's title and URL readable on any site.
 * Returns the click handler (end-to-end builds expose it, since tests cannot right-click a browser menu).
 */
export function createContextMenu(deps: { analyze: (input: AnalyzeInput) => void }) {
  chrome.runtime.onInstalled.addListener(() => {
    chrome.contextMenus.create({ id: ANALYZE_MENU_ID, title: 'Analyze ticker with Clera', contexts: ['selection', 'page'] }, () => {
      // Reading lastError marks it handled: the item already exists after an update, which is fine.
      if (chrome.runtime.lastError) return;
    });
  });

  const onClicked = (info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab) => {
    if (info.menuItemId !== ANALYZE_MENU_ID) return;
    if (tab?.windowId !== undefined) void chrome.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    if (info.selectionText) {
      deps.analyze({ selection: info.selectionText });
      return;
    }
    const fallback: AnalyzeInput = { ...(tab?.title ? { title: tab.title } : {}), url: tab?.url ?? info.pageUrl };
    if (tab?.id === undefined) {
      deps.analyze(fallback);
      return;
    }
    // The tab as Chrome reports it now (the click's activeTab grant makes its title and URL readable).
    void chrome.tabs.get(tab.id).then(
      (current) => { deps.analyze({ ...fallback, ...(current.title ? { title: current.title } : {}), ...(current.url ? { url: current.url } : {}) }); },
      () => { deps.analyze(fallback); },
    );
  };
  chrome.contextMenus.onClicked.addListener(onClicked);
  return { onClicked };
}
