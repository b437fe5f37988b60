/** One HTTP server (trading or market data) on 127.0.0.1: recording, CORS, faults, auth, rate limit, routing. */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

const corsHeaders = {
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
  'Access-Control-Allow-Private-Network': 'true',
  'Access-Control-Max-Age': '600',
};

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, reply: Reply, extraHeaders: Record<string, string>): void {
  if (response.destroyed || response.writableEnded) return;
  const headers: Record<string, string> = { ...extraHeaders, ...reply.headers };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  response.writeHead(reply.status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.body));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function handle(options: ServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = (request.method ?? 'GET').toUpperCase();
  const text = await readBody(request);
  const parsed = text === '' ? undefined : safeParseJson(z.unknown(), text);
  const headers: Record<string, string> = {};
  for (const name of Object.keys(request.headers)) headers[name] = header(request, name) ?? '';
  options.requests.push({
    server: options.name,
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body: parsed === undefined ? undefined : parsed.ok ? parsed.value : text,
    time: new Date(),
  });

  const cors: Record<string, string> = { ...corsHeaders, 'Access-Control-Allow-Origin': header(request, 'origin') ?? '*' };
  if (method === 'OPTIONS') {
    send(response, { status: 204 }, { ...cors, 'Access-Control-Allow-Headers': header(request, 'access-control-request-headers') ?? '*' });
    return;
  }

  const match = findRoute(options.routes, method, url.pathname);
  const keys = Faults.keys(method, url.pathname, match?.route.template);
  const latency = options.faults.latencyFor(keys);
  if (latency > 0) await sleep(latency);
  const drop = options.faults.takeDrop(keys);
  if (drop && drop.afterProcessing !== true) {
    request.socket.destroy();
    return;
  }

  const keyId = header(request, 'apca-api-key-id');
  const rateKey = `${options.name}:${keyId ?? ''}`;
  const injected = options.faults.takeStatus(keys);
  if (injected !== undefined) {
    send(response, faultReply(options.name, injected, options.state.rateLimiter.peek(rateKey)), cors);
    return;
  }
  if (keyId !== options.keyId || header(request, 'apca-api-secret-key') !== options.secret) {
    send(response, forbidden, { ...cors, ...options.state.rateLimiter.peek(rateKey) });
    return;
  }
  const rate = options.state.rateLimiter.hit(rateKey);
  const withRate = { ...cors, ...rate.headers };
  if (!rate.allowed) {
    send(response, options.name === 'trading' ? tradingError(429, 42910000, 'rate limit exceeded') : dataError(429, 'rate limit exceeded'), withRate);
    return;
  }
  let reply: Reply;
  if (!match) {
    reply = options.name === 'trading' ? tradingError(404, 40410000, 'endpoint not found') : dataError(404, 'endpoint not found');
  } else if (parsed !== undefined && !parsed.ok) {
    reply = options.name === 'trading' ? tradingError(400, 40010000, 'request body format is invalid') : dataError(400, 'request body format is invalid');
  } else {
    reply = match.route.handler({ params: match.params, query: url.searchParams, body: parsed?.ok ? parsed.value : undefined, state: options.state });
  }
  if (drop) {
    request.socket.destroy();
    return;
  }
  send(response, reply, withRate);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      send(response, options.name === 'trading' ? tradingError(500, 50010000, `simulator error: ${message}`) : dataError(500, `simulator error: ${message}`), {});
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
