import type { IncomingHttpHeaders } from 'node:http';

const limits = { requests: 4000, tokens: 2_000_000, 'input-tokens': 2_000_000, 'output-tokens': 400_000 } as const;

/** `request-id` plus the `anthropic-ratelimit-*` headers every response carries (A5); resets are RFC 3339. */
export function standardHeaders(requestId: string, requestCount: number, now: Date): Record<string, string> {
  const reset = new Date(Math.ceil(now.getTime() / 60_000) * 60_000 + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const headers: Record<string, string> = { 'request-id': requestId };
  for (const [name, limit] of Object.entries(limits)) {
    const used = name === 'requests' ? requestCount : 0;
    headers[`anthropic-ratelimit-${name}-limit`] = String(limit);
    headers[`anthropic-ratelimit-${name}-remaining`] = String(Math.max(0, limit - used));
    headers[`anthropic-ratelimit-${name}-reset`] = reset;
  }
  return headers;
}

/** Permissive CORS, so a page or extension origin can call the simulator; preflights echo what they ask for. */
export function corsHeaders(request: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {
    'access-control-allow-origin': request.origin ?? '*',
    'access-control-expose-headers': '*',
    vary: 'Origin',
  };
  const asked = request['access-control-request-headers'];
  if (asked !== undefined) headers['access-control-allow-headers'] = asked;
  const method = request['access-control-request-method'];
  if (method !== undefined) headers['access-control-allow-methods'] = `${method}, OPTIONS`;
  headers['access-control-max-age'] = '600';
  return headers;
}
