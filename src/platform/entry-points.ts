/** The command that opens the side panel (manifest `commands`; users can change its keys at chrome://extensions/shortcuts). */
export const OPEN_PANEL_COMMAND = 'open-side-panel';

/**
 * The ways into Clera besides the toolbar button: the keyboard shortcut, the omnibox keyword `clera`, and the
 * onboarding page on first install.
 */
export function createBrowserEntryPoints(deps: { ask: (text: string) => void; onboarding?: boolean }) {
  chrome.commands.onCommand.addListener((command, tab) => {
    if (command !== OPEN_PANEL_COMMAND || tab?.windowId === undefined) return;
    // Inside the shortcut's user gesture, so Chrome allows opening the panel; the shortcut also grants activeTab.
    void chrome.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
  });

  void Promise.resolve(chrome.omnibox.setDefaultSuggestion({ description: 'Ask Clera: %s' })).catch(() => undefined);
  chrome.omnibox.onInputEntered.addListener((text) => {
    const question = text.trim().slice(0, 2_000);
    if (!question) return;
    void chrome.windows.getLastFocused().then(
      (window) => (window.id === undefined ? Promise.reject(new Error('no window')) : chrome.sidePanel.open({ windowId: window.id })),
    ).catch(() =>
      // Chrome may refuse to open the side panel from the omnibox: show the panel in a tab instead.
      chrome.tabs.create({ url: chrome.runtime.getURL('/sidepanel.html') }),
    ).catch(() => undefined);
    deps.ask(question);
  });

  if (deps.onboarding !== false) {
    chrome.runtime.onInstalled.addListener((details) => {
      if (details.reason === 'install') void chrome.tabs.create({ url: chrome.runtime.getURL('/onboarding.html') }).catch(() => undefined);
    });
  }
}
