/** The parts of chrome.runtime.MessageSender that decide whether a port may talk to the background. */
export interface SenderLike {
  id?: string | undefined;
  url?: string | undefined;
  origin?: string | undefined;
}

/**
 * Only this extension's own pages (side panel, options, audit, metrics) may use the port. A content script runs
 * with this extension's id but on a web page's URL, so the id alone is not enough: the sending document must be
 * one of the extension's own.
 */
export function isOwnPage(sender: SenderLike, extensionId: string): boolean {
  if (sender.id !== extensionId) return false;
  const origin = `chrome-extension://${extensionId}`;
  if (sender.origin !== undefined && sender.origin !== origin) return false;
  if (!sender.url) return false;
  try {
    // URL.origin is "null" for non-special schemes in some runtimes, so compare protocol and host instead.
    const url = new URL(sender.url);
    return url.protocol === 'chrome-extension:' && url.host === extensionId;
  } catch {
    return false;
  }
}
