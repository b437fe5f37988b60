import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { defaultScript } from './default-script';
import { sendJson } from './deliver';
import { errorBody } from './error-body';
import { MessagesHandler } from './handler';
import { newId } from './ids';
import { standardHeaders } from './response-headers';
import type { Fault, RecordedRequest, Script } from './types';

export interface AnthropicSimulatorOptions {
  /** The only key accepted (default `sk-ant-test`). */
  apiKey?: string;
  /** Default: an echo of the last user message. */
  script?: Script;
  /** Seed for where text and tool-input JSON are split into deltas (default 1). */
  seed?: number;
  /** Prefixes shorter than this many (estimated) tokens are not cached, like the API's minimum (default 0). */
  cacheMinimumTokens?: number;
}

export interface AnthropicSimulator {
  /** `http://127.0.0.1:<port>`; pass it as the SDK's `baseURL`. */
  url: string;
  /** Every request received, in order (preflights and rejected ones too). */
  requests: RecordedRequest[];
  /** Errors thrown by the script; each also answered a non-retryable 500. */
  scriptErrors: Error[];
  /** Replaces the script and restarts its call count at 0. */
  setScript(script: Script): void;
  setApiKey(key: string): void;
  /** Applies to the next valid Messages request, before the script runs; several queue up in order. */
  enqueueFault(fault: Fault): void;
  /**
   * Clears requests, script errors, queued faults and the prompt cache; restores the script given at start (or the
   * echo script) and restarts its call count.
   */
  reset(): void;
  /** Stops listening and destroys open sockets and pending delays. */
  close(): Promise<void>;
}

/** Starts a local, wire-faithful Anthropic Messages API on 127.0.0.1 and a random port. */
export async function startAnthropicSimulator(options: AnthropicSimulatorOptions = {}): Promise<AnthropicSimulator> {
  const simulator = new MessagesHandler(
    options.apiKey ?? 'sk-ant-test',
    options.script ?? defaultScript,
    options.seed ?? 1,
    options.cacheMinimumTokens ?? 0,
  );
  const sockets = new Set<Socket>();
  const server = createServer((incoming, response) => {
    simulator.handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed && !simulator.aborter.signal.aborted) {
        const message = error instanceof Error ? error.message : String(error);
        const requestId = newId.request();
        const body = errorBody('api_error', `Simulator failure: ${message}`, requestId);
        sendJson(response, 500, { ...standardHeaders(requestId, 0, new Date()), 'x-should-retry': 'false' }, body);
      } else {
        response.socket?.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests: simulator.requests,
    scriptErrors: simulator.scriptErrors,
    setScript(script) {
      simulator.script = script;
      simulator.call = 0;
    },
    setApiKey(key) {
      simulator.apiKey = key;
    },
    enqueueFault(fault) {
      simulator.faults.push(fault);
    },
    reset() {
      simulator.reset();
    },
    close() {
      simulator.aborter.abort();
      return new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
