/**
 * A `fetch` wrapper that times every request the background makes: from the call until the last byte of the
 * response body has arrived. The body is drained eagerly into a new stream, so the time the consumer (the SDK's SSE
 * parser, openapi-fetch's JSON parse, the agent loop's callbacks) spends on each chunk is not counted as waiting;
 * the consumer still receives the chunks as they arrive (streaming is preserved).
 */

export interface RequestTiming {
  method: string;
  url: string;
  /** `performance.now()` when fetch was called. */
  start: number;
  /** When the status line and headers arrived. */
  headersAt: number;
  /** When the body ended (or failed / was cancelled); equals headersAt for bodiless responses. */
  end: number;
  status: number;
  bytes: number;
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

function methodOf(input: RequestInfo | URL, init: RequestInit | undefined): string {
  if (init?.method) return init.method.toUpperCase();
  if (typeof input !== 'string' && !(input instanceof URL)) return input.method.toUpperCase();
  return 'GET';
}

export function createTimingFetch(base: typeof fetch = globalThis.fetch) {
  const timings: RequestTiming[] = [];

  const timed: typeof fetch = async (input, init) => {
    const entry: RequestTiming = { method: methodOf(input, init), url: urlOf(input), start: performance.now(), headersAt: Number.NaN, end: Number.NaN, status: 0, bytes: 0 };
    timings.push(entry);
    let response: Response;
    try {
      response = await base(input, init);
    } catch (error) {
      entry.headersAt = entry.end = performance.now();
      throw error;
    }
    entry.headersAt = performance.now();
    entry.status = response.status;
    const source = response.body;
    if (!source) {
      entry.end = entry.headersAt;
      return response;
    }
    const reader = source.getReader();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        void (async () => {
          try {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) break;
              entry.bytes += value.byteLength;
              controller.enqueue(value);
            }
            entry.end = performance.now();
            controller.close();
          } catch (error) {
            if (Number.isNaN(entry.end)) entry.end = performance.now();
            try {
              controller.error(error);
            } catch {
              // The consumer already cancelled the stream.
            }
          }
        })();
      },
      cancel(reason) {
        if (Number.isNaN(entry.end)) entry.end = performance.now();
        return reader.cancel(reason);
      },
    });
    const wrapped = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    Object.defineProperty(wrapped, 'url', { value: response.url });
    return wrapped;
  };

  return { fetch: timed, timings };
}
