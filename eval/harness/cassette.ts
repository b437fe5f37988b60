import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { parseJson } from '../../src/protocol/json';

/**
 * Recorded live model responses ("cassettes"): for each case, the Anthropic responses in the order the case asked for
 * them. A live run records them; a replay serves them back so the run can be re-graded offline without a key.
 */
export const cassetteSchema = z.object({
  version: z.literal(1),
  recordedAt: z.string(),
  entries: z.array(z.object({ url: z.string(), requestModel: z.string().nullable(), status: z.number().int(), contentType: z.string(), body: z.string() })),
});
export type Cassette = z.infer<typeof cassetteSchema>;

export function readCassette(path: string): Cassette | null {
  return existsSync(path) ? parseJson(cassetteSchema, readFileSync(path, 'utf8')) : null;
}

export function writeCassette(path: string, cassette: Cassette): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(cassette, null, 1)}\n`);
}

const modelOf = (init: RequestInit | undefined): string | null => {
  if (typeof init?.body !== 'string') return null;
  return /"model"\s*:\s*"([^"]+)"/.exec(init.body)?.[1] ?? null;
};

export const urlOf = (input: Parameters<typeof fetch>[0]) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/** Passes Anthropic calls through and keeps each response body (the stream is read whole, then handed on). */
export function recordingFetch(base: typeof fetch, anthropicOrigin: string, cassette: Cassette): typeof fetch {
  return async (input, init) => {
    const url = urlOf(input);
    const response = await base(input, init);
    if (!url.startsWith(anthropicOrigin)) return response;
    const body = await response.text();
    const contentType = response.headers.get('content-type') ?? 'application/json';
    cassette.entries.push({ url: new URL(url).pathname, requestModel: modelOf(init), status: response.status, contentType, body });
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

/** Serves recorded Anthropic responses in order; anything else goes to `base`. A missing entry is an error, never a guess. */
export function replayingFetch(base: typeof fetch, anthropicOrigin: string, cassette: Cassette, errors: string[]): typeof fetch {
  let next = 0;
  return (input, init) => {
    const url = urlOf(input);
    if (!url.startsWith(anthropicOrigin)) return base(input, init);
    const entry = cassette.entries[next];
    next += 1;
    if (!entry) {
      errors.push(`replay: the cassette has no response ${next} (it holds ${cassette.entries.length})`);
      return Promise.resolve(new Response(JSON.stringify({ type: 'error', error: { type: 'api_error', message: 'no recorded response' } }), { status: 500, headers: { 'content-type': 'application/json', 'x-should-retry': 'false' } }));
    }
    return Promise.resolve(new Response(entry.body, { status: entry.status, headers: { 'content-type': entry.contentType } }));
  };
}
