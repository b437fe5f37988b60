/**
 * Opening the side panel from this page. Chrome allows `sidePanel.open` only inside a user gesture, so the window id
 * is read when the page loads and the click calls `open` at once. Where the panel cannot open (an older Chrome, a
 * headless run), the panel page opens in a tab instead.
 */
export function openSidePanel(): () => void {
  const api = (globalThis as { chrome?: typeof chrome }).chrome;
  let windowId: number | undefined;
  void api?.windows.getCurrent().then((window) => { windowId = window.id; }).catch(() => undefined);
  return () => {
    if (!api?.sidePanel || windowId === undefined) {
      window.open(api?.runtime ? api.runtime.getURL('/sidepanel.html') : 'sidepanel.html', '_blank');
      return;
    }
    api.sidePanel.open({ windowId }).catch(() => { window.open(api.runtime.getURL('/sidepanel.html'), '_blank'); });
  };
}
