import { createPortClient, type PortClient } from '@/src/protocol/port-client';
import { PORT_NAME } from '@/src/protocol/messages';

/**
 * The pages' only contact with chrome.*: the port to the background and opening the options page.
 * Outside the extension (a page opened as a file, a unit test) chrome.runtime is missing; callers then show a
 * disconnected state instead of crashing.
 */
function runtime(): typeof chrome.runtime | undefined {
  const candidate = (globalThis as { chrome?: { runtime?: typeof chrome.runtime } }).chrome?.runtime;
  return candidate && typeof candidate.connect === 'function' ? candidate : undefined;
}

/** A client for the background's port, or null when this page does not run inside the extension. */
export function connectBackground(): PortClient | null {
  const api = runtime();
  if (!api) return null;
  return createPortClient(() => api.connect({ name: PORT_NAME }), () => crypto.randomUUID());
}

export function openOptionsPage(): void {
  const api = runtime();
  if (api) void api.openOptionsPage().catch(() => undefined);
}

/** The full URL of one of the extension's own pages (e.g. `audit.html`); the bare path outside the extension. */
export function extensionPageUrl(path: string): string {
  const api = runtime();
  return api ? api.getURL(path) : path;
}
