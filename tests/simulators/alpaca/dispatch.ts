/**
 * What either simulated server does with one request, whatever carried it: recording, CORS, faults, auth, rate limit,
 * routing. The Node HTTP server (server.ts) and the in-process fetch (in-process.ts, which the extension's "Run
 * evaluation" uses so no request can reach a real broker) both answer through this, so they cannot drift apart.
 */
import { z } from 'zod';
import { safeParseJson } from '../../../src/protocol/json.ts';
import { faultReply, Faults } from './faults.ts';
import { dataError, findRoute, forbidden, tradingError } from './http.ts';
import type { Reply, Route, ServerName } from './http.ts';
import type { AlpacaSimulatorState } from './state.ts';

export interface RecordedRequest {
  readonly server: ServerName;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  readonly body: unknown;
  /** Wall-clock arrival time. */
  readonly time: Date;
}

export interface ServerOptions {
  readonly name: ServerName;
  readonly routes: readonly Route[];
  readonly state: AlpacaSimulatorState;
  readonly faults: Faults;
  readonly requests: RecordedRequest[];
  readonly keyId: string;
  readonly secret: string;
}

export interface IncomingRequest {
  readonly method: string;
  /** Path and query (`/v2/orders?status=all`). */
  readonly url: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A reply to send with its extra headers, or a dropped connection (the socket is destroyed, nothing is answered). */
export type Outcome = { kind: 'reply'; reply: Reply; headers: Record<string, string> } | { kind: 'drop' };

const corsHeaders = {
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
  'Access-Control-Allow-Private-Network': 'true',
  'Access-Control-Max-Age': '600',
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function dispatch(options: ServerOptions, request: IncomingRequest): Promise<Outcome> {
  const url = new URL(request.url || '/', 'http://127.0.0.1');
  const method = request.method.toUpperCase();
  const text = request.body;
  const parsed = text === '' ? undefined : safeParseJson(z.unknown(), text);
  const header = (name: string): string | undefined => request.headers[name];
  options.requests.push({
    server: options.name,
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { ...request.headers },
    body: parsed === undefined ? undefined : parsed.ok ? parsed.value : text,
    time: new Date(),
  });

  const cors: Record<string, string> = { ...corsHeaders, 'Access-Control-Allow-Origin': header('origin') ?? '*' };
  if (method === 'OPTIONS') {
    return { kind: 'reply', reply: { status: 204 }, headers: { ...cors, 'Access-Control-Allow-Headers': header('access-control-request-headers') ?? '*' } };
  }

  const match = findRoute(options.routes, method, url.pathname);
  const keys = Faults.keys(method, url.pathname, match?.route.template);
  const latency = options.faults.latencyFor(keys);
  if (latency > 0) await sleep(latency);
  const drop = options.faults.takeDrop(keys);
  if (drop && drop.afterProcessing !== true) return { kind: 'drop' };

  const keyId = header('apca-api-key-id');
  const rateKey = `${options.name}:${keyId ?? ''}`;
  const injected = options.faults.takeStatus(keys);
  if (injected !== undefined) {
    return { kind: 'reply', reply: faultReply(options.name, injected, options.state.rateLimiter.peek(rateKey)), headers: cors };
  }
  if (keyId !== options.keyId || header('apca-api-secret-key') !== options.secret) {
    return { kind: 'reply', reply: forbidden, headers: { ...cors, ...options.state.rateLimiter.peek(rateKey) } };
  }
  const rate = options.state.rateLimiter.hit(rateKey);
  const withRate = { ...cors, ...rate.headers };
  if (!rate.allowed) {
    return { kind: 'reply', reply: options.name === 'trading' ? tradingError(429, 42910000, 'rate limit exceeded') : dataError(429, 'rate limit exceeded'), headers: withRate };
  }
  let reply: Reply;
  if (!match) {
    reply = options.name === 'trading' ? tradingError(404, 40410000, 'endpoint not found') : dataError(404, 'endpoint not found');
  } else if (parsed !== undefined && !parsed.ok) {
    reply = options.name === 'trading' ? tradingError(400, 40010000, 'request body format is invalid') : dataError(400, 'request body format is invalid');
  } else {
    reply = match.route.handler({ params: match.params, query: url.searchParams, body: parsed?.ok ? parsed.value : undefined, state: options.state });
  }
  if (drop) return { kind: 'drop' };
  return { kind: 'reply', reply, headers: withRate };
}

/** A route handler that threw: the simulator's own 500. */
export function simulatorError(name: ServerName, error: unknown): Reply {
  const message = error instanceof Error ? error.message : String(error);
  return name === 'trading' ? tradingError(500, 50010000, `simulator error: ${message}`) : dataError(500, `simulator error: ${message}`);
}
