export const ANALYZE_MENU_ID = 'clera-analyze-ticker';

/**
 * The "Analyze ticker" context menu, on a selection and on the page. A click opens the side panel (this must happen
 * synchronously inside the click's user gesture) and hands the selected text, or the page title, to `analyze`.
 */
export function createContextMenu(deps: { analyze: (text: string) => void }) {
  chrome.runtime.onInstalled.addListener(() => {
    chrome.contextMenus.create({ id: ANALYZE_MENU_ID, title: 'Analyze ticker with Clera', contexts: ['selection', 'page'] }, () => {
      // Reading lastError marks it handled: the item already exists after an update, which is fine.
      if (chrome.runtime.lastError) return;
    });
  });

  const onClicked = (info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab) => {
    if (info.menuItemId !== ANALYZE_MENU_ID) return;
    if (tab?.windowId !== undefined) void chrome.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    deps.analyze(info.selectionText ?? tab?.title ?? '');
  };
  chrome.contextMenus.onClicked.addListener(onClicked);
  // End-to-end tests cannot right-click a browser menu; they call this same handler in the worker.
  (globalThis as { cleraContextMenuClick?: typeof onClicked }).cleraContextMenuClick = onClicked;
}
