/**
 * Demo mode (`npm start`): the extension talks to the local simulators only. The build drops every remote host from
 * the manifest, and this fetch refuses any address that is not loopback, so no setting typed in the demo can reach a
 * real broker or model.
 */
export function isLoopbackUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/** A fetch that refuses every request to a non-loopback address (before any byte leaves the browser). */
export function loopbackOnlyFetch(inner: typeof fetch): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!isLoopbackUrl(url)) {
      return Promise.reject(new TypeError(`Demo mode talks only to the local simulators; refused ${new URL(url, 'http://invalid/').host || 'that address'}.`));
    }
    return inner(input, init);
  };
}
