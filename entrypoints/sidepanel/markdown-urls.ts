const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL transform for assistant Markdown: keeps http, https and mailto links and drops everything else
 * (javascript:, data:, relative and extension URLs) by returning an empty string.
 */
export function safeUrl(value: string): string {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return '';
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? trimmed : '';
}

/** The host a link leads to, lower-cased (no port), for http(s) links; null for mailto and anything unparseable. */
export function linkHost(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}
