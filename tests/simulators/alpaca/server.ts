/** One HTTP server (trading or market data) on 127.0.0.1: recording, CORS, faults, auth, rate limit, routing. */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, simulatorError, type ServerOptions } from './dispatch.ts';
import type { Reply } from './http.ts';

export type { RecordedRequest, ServerOptions } from './dispatch.ts';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
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

async function handle(options: ServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
  const outcome = await dispatch(options, { method: request.method ?? 'GET', url: request.url ?? '/', headers, body: await readBody(request) });
  if (outcome.kind === 'drop') {
    request.socket.destroy();
    return;
  }
  send(response, outcome.reply, outcome.headers);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      send(response, simulatorError(options.name, error), {});
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
