import { AppError } from './errors';

/**
 * Where the user's keys may go. A key (the Anthropic API key, the Alpaca key ID and secret) is sent only to an official
 * host over https, to this computer (loopback: a local gateway or a test simulator), or to an origin the user confirmed
 * once in Settings (recorded, revocable). Anything else is refused before a request is made, with the host named.
 * Pure: the options page shows the same decision the background enforces.
 */

/** The hosts Clera's own code talks to with a key: Anthropic's API and Alpaca's trading (live, paper) and market data. */
export const OFFICIAL_KEY_HOSTS: readonly string[] = ['api.anthropic.com', 'api.alpaca.markets', 'paper-api.alpaca.markets', 'data.alpaca.markets'];

/** This computer, as a URL names it (`URL.hostname` keeps the brackets of an IPv6 address). */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

export type KeyHostDecision =
  | { allowed: true; origin: string; host: string; why: 'official' | 'loopback' | 'confirmed' }
  | { allowed: false; origin: string | null; host: string | null; why: 'invalid' | 'userinfo' | 'not-https' | 'unconfirmed'; message: string };

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The origin a confirmation is recorded for (`https://host[:port]`), or null for a URL that can never be confirmed:
 * not a URL, not https, carrying a user name or password, or on loopback / an official host (which need none).
 */
export function confirmableOrigin(url: string): string | null {
  const decision = keyHostDecision(url, []);
  return !decision.allowed && decision.why === 'unconfirmed' ? decision.origin : null;
}

/**
 * Whether a request to `url` may carry the user's keys, given the origins the user confirmed. Exact matches only:
 * `api.alpaca.markets.evil.com`, `api.anthropic.com.` or an official host on another port are not official; a URL
 * with a user name or password (`https://api.anthropic.com@evil.com`) is refused outright; outside loopback only
 * https is allowed, even for a confirmed origin.
 */
export function keyHostDecision(url: string, confirmedOrigins: readonly string[]): KeyHostDecision {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    return { allowed: false, origin: null, host: null, why: 'invalid', message: `"${url}" is not an http(s) URL, so Clera does not send your keys to it.` };
  }
  const host = parsed.hostname.toLowerCase();
  const origin = parsed.origin;
  if (parsed.username !== '' || parsed.password !== '') {
    return { allowed: false, origin, host, why: 'userinfo', message: `The URL for ${host} carries a user name or password; Clera does not send your keys to such a URL. Remove the part before "@".` };
  }
  if (LOOPBACK_HOSTS.includes(host)) return { allowed: true, origin, host, why: 'loopback' };
  if (parsed.protocol !== 'https:') {
    return { allowed: false, origin, host, why: 'not-https', message: `${host} is not on this computer, so your keys go to it only over https://.` };
  }
  if (parsed.port === '' && OFFICIAL_KEY_HOSTS.includes(host)) return { allowed: true, origin, host, why: 'official' };
  if (confirmedOrigins.includes(origin)) return { allowed: true, origin, host, why: 'confirmed' };
  return {
    allowed: false,
    origin,
    host,
    why: 'unconfirmed',
    message: `Clera did not send your keys to ${host}: it is not an official Anthropic or Alpaca host. If you run a gateway there, trust ${origin} in Settings (Advanced), or clear the base URL.`,
  };
}

/** The error for a refused destination: a configuration problem the user fixes in Settings, naming the host. */
export function untrustedKeyHostError(decision: Extract<KeyHostDecision, { allowed: false }>): AppError {
  return new AppError({ kind: 'configuration', code: 'untrusted-key-host', message: decision.message, details: { host: decision.host, origin: decision.origin, why: decision.why } });
}

/** Throws `untrusted-key-host` unless a request to `url` may carry the user's keys. */
export function assertKeyHost(url: string, confirmedOrigins: readonly string[]): void {
  const decision = keyHostDecision(url, confirmedOrigins);
  if (!decision.allowed) throw untrustedKeyHostError(decision);
}

/**
 * Sends a request that carries a key without following redirects. A browser's fetch would follow one and take custom
 * headers (`x-api-key`, Alpaca's key headers) along to wherever it points, past the check above; none of the APIs
 * Clera calls redirects, so a redirect is refused with `key-redirect-refused`, naming both hosts, and nothing is sent on.
 * The browser reports a redirect as an opaque response; Node's fetch as the 3xx itself.
 */
export function withoutRedirects(send: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = input instanceof Request ? await send(new Request(input, { redirect: 'manual' })) : await send(input, { ...init, redirect: 'manual' });
    if (response.type !== 'opaqueredirect' && (response.status < 300 || response.status > 399 || response.status === 304)) return response;
    const from = parse(input instanceof Request ? input.url : input instanceof URL ? input.href : input)?.host ?? 'the server';
    const location = response.headers.get('location');
    const to = location ? parse(location)?.host : undefined;
    throw new AppError({
      kind: 'configuration',
      code: 'key-redirect-refused',
      message: `${from} answered with a redirect${to ? ` to ${to}` : ''}; Clera does not follow redirects with your keys, so nothing was sent there. Check the base URL in Settings.`,
      details: { host: from, ...(to ? { redirectedTo: to } : {}) },
    });
  };
}

/**
 * Wraps the fetch that carries a key so that every request is checked before it leaves: a request to any other
 * destination is refused with `untrusted-key-host` and never reaches the network, and a redirect is not followed.
 */
export function keyGuardedFetch(send: typeof fetch, confirmedOrigins: readonly string[]): typeof fetch {
  const direct = withoutRedirects(send);
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    try {
      assertKeyHost(url, confirmedOrigins);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return direct(input, init);
  };
}
