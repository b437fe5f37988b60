/**
 * The Alpaca simulator without a server: a `fetch` that answers the two simulated base URLs in this process, through
 * the same dispatch as the HTTP servers. The extension's "Run evaluation" gives it to the agent core, so an
 * evaluation case runs against the case's account fixture and no request can leave the browser for a broker.
 * Loopback URLs on ports nothing listens on: the app's settings accept them without a key-host confirmation, and
 * the fetch answers them before any network is involved.
 */
import { dataRoutes } from './data-routes.ts';
import { dispatch, simulatorError } from './dispatch.ts';
import type { RecordedRequest } from './dispatch.ts';
import type { FaultControls } from './faults.ts';
import type { Route, ServerName } from './http.ts';
import type { SimulatorState } from './state.ts';
import { tradingRoutes } from './trading-routes.ts';
import { simulatorCore, type AlpacaSimulatorOptions } from './core.ts';

export const IN_PROCESS_TRADING_URL = 'http://127.0.0.1:1';
export const IN_PROCESS_DATA_URL = 'http://127.0.0.1:2';

export interface InProcessAlpaca {
  readonly tradingUrl: string;
  readonly dataUrl: string;
  readonly keyId: string;
  readonly secret: string;
  readonly requests: RecordedRequest[];
  readonly state: SimulatorState;
  readonly faults: FaultControls;
  /** Answers requests to `tradingUrl` and `dataUrl`; anything else is refused (a TypeError, like a network failure). */
  readonly fetch: typeof fetch;
  /** Whether `url` is one of the two simulated base URLs. */
  handles(url: string): boolean;
}

const urlOf = (input: Parameters<typeof fetch>[0]) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

async function bodyText(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Promise<string> {
  if (init?.body !== undefined && init.body !== null) {
    if (typeof init.body === 'string') return init.body;
    return new Response(init.body).text();
  }
  return input instanceof Request ? input.text() : '';
}

function headersOf(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Record<string, string> {
  const headers = new Headers(input instanceof Request ? input.headers : undefined);
  new Headers(init?.headers).forEach((value, name) => { headers.set(name, value); });
  const out: Record<string, string> = {};
  headers.forEach((value, name) => { out[name.toLowerCase()] = value; });
  return out;
}

export function createInProcessAlpaca(options: AlpacaSimulatorOptions = {}): InProcessAlpaca {
  const core = simulatorCore(options);
  const servers: Record<string, { name: ServerName; routes: readonly Route[] }> = {
    [new URL(IN_PROCESS_TRADING_URL).origin]: { name: 'trading', routes: tradingRoutes },
    [new URL(IN_PROCESS_DATA_URL).origin]: { name: 'data', routes: dataRoutes },
  };
  const serverFor = (url: string) => {
    try {
      return servers[new URL(url).origin];
    } catch {
      return undefined;
    }
  };
  const fetcher: typeof fetch = async (input, init) => {
    const url = urlOf(input);
    const server = serverFor(url);
    if (!server) throw new TypeError(`The in-process Alpaca simulator does not answer ${url}`);
    if (init?.signal?.aborted) throw init.signal.reason instanceof Error ? init.signal.reason : new DOMException('The operation was aborted.', 'AbortError');
    const parsed = new URL(url);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const options = { ...core, name: server.name, routes: server.routes };
    let outcome;
    try {
      outcome = await dispatch(options, { method, url: `${parsed.pathname}${parsed.search}`, headers: headersOf(input, init), body: await bodyText(input, init) });
    } catch (error) {
      outcome = { kind: 'reply' as const, reply: simulatorError(server.name, error), headers: {} };
    }
    if (outcome.kind === 'drop') throw new TypeError('Failed to fetch (the simulator dropped the connection)');
    const headers: Record<string, string> = { ...outcome.headers, ...outcome.reply.headers };
    if (outcome.reply.body === undefined) return new Response(null, { status: outcome.reply.status, headers });
    return new Response(JSON.stringify(outcome.reply.body), { status: outcome.reply.status, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
  };
  return {
    tradingUrl: IN_PROCESS_TRADING_URL,
    dataUrl: IN_PROCESS_DATA_URL,
    keyId: core.keyId,
    secret: core.secret,
    requests: core.requests,
    state: core.state,
    faults: core.faults,
    fetch: fetcher,
    handles: (url) => serverFor(url) !== undefined,
  };
}
