/** Route and reply shapes shared by the trading and market data servers. */
import type { AlpacaSimulatorState } from './state.ts';

export type ServerName = 'trading' | 'data';

export interface Reply {
  readonly status: number;
  /** JSON body; absent for 204. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body; undefined when empty, null when not JSON. */
  readonly body: unknown;
  readonly state: AlpacaSimulatorState;
}

export type Handler = (request: RouteRequest) => Reply;

export interface Route {
  readonly server: ServerName;
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  /** The path as the OpenAPI spec writes it, e.g. /v2/orders/{order_id}. */
  readonly template: string;
  readonly handler: Handler;
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

/** Trading API errors: {"code": 8 digits, "message": "..."} plus optional extra fields. */
export function tradingError(status: number, code: number, message: string, extra: Readonly<Record<string, string>> = {}): Reply {
  return { status, body: { ...extra, code, message } };
}

/** Market data errors: {"message": "..."}. */
export function dataError(status: number, message: string): Reply {
  return { status, body: { message } };
}

/** What Alpaca answers to missing or wrong keys, on both servers (the spec says 401; the service says 403). */
export const forbidden: Reply = { status: 403, body: { message: 'forbidden.' } };

/** Matches a path against a template; returns the decoded {params} or undefined. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const expected = template.split('/');
  const actual = path.split('/');
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (name !== undefined) {
      if (value === '') return undefined;
      params[name] = decodeURIComponent(value);
    } else if (segment !== value) {
      return undefined;
    }
  }
  return params;
}

export function findRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  // Literal templates win over ones with parameters (/v2/stocks/bars/latest before /v2/stocks/{symbol}/bars).
  const ordered = [...routes].sort((a, b) => Number(a.template.includes('{')) - Number(b.template.includes('{')));
  for (const route of ordered) {
    if (route.method !== method) continue;
    const params = matchTemplate(route.template, path);
    if (params) return { route, params };
  }
  return undefined;
}
