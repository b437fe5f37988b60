/** Injected failures: scripted status codes, latency and dropped connections, per route. */
import type { Reply, ServerName } from './http.ts';

export interface DropOptions {
  /** true: the request is processed (an order IS created) and then the connection is destroyed instead of answering. */
  afterProcessing?: boolean;
}

export interface FaultControls {
  /** The next requests on the route answer these statuses in turn (with Alpaca-shaped bodies), then normally again. */
  setStatusSequence(routeKey: string, statuses: readonly number[]): void;
  /** Delay before each answer on the route ('*' for every route); 0 removes it. */
  setLatency(routeKey: string, ms: number): void;
  /** Destroys the socket of the next request on the route instead of answering. */
  dropNext(routeKey: string, options?: DropOptions): void;
  clear(): void;
}

/**
 * Route keys are 'METHOD path', where path is either the spec template ('GET /v2/orders/{order_id}')
 * or a concrete path ('GET /v2/positions/AAPL').
 */
export function normalizeRouteKey(routeKey: string): string {
  if (routeKey.trim() === '*') return '*';
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(routeKey);
  if (!match?.[1] || !match[2]) throw new Error(`A route key looks like 'POST /v2/orders', got '${routeKey}'`);
  return `${match[1].toUpperCase()} ${match[2].split('?')[0] ?? ''}`;
}

export class Faults implements FaultControls {
  readonly #statuses = new Map<string, number[]>();
  readonly #latency = new Map<string, number>();
  readonly #drops = new Map<string, DropOptions[]>();

  setStatusSequence(routeKey: string, statuses: readonly number[]): void {
    for (const status of statuses) if (!Number.isInteger(status) || status < 200 || status > 599) throw new RangeError(`Not an HTTP status: ${String(status)}`);
    this.#statuses.set(normalizeRouteKey(routeKey), [...statuses]);
  }

  setLatency(routeKey: string, ms: number): void {
    if (ms <= 0) this.#latency.delete(normalizeRouteKey(routeKey));
    else this.#latency.set(normalizeRouteKey(routeKey), ms);
  }

  dropNext(routeKey: string, options: DropOptions = {}): void {
    const key = normalizeRouteKey(routeKey);
    this.#drops.set(key, [...(this.#drops.get(key) ?? []), options]);
  }

  clear(): void {
    this.#statuses.clear();
    this.#latency.clear();
    this.#drops.clear();
  }

  /** The keys a request answers to: concrete path first, then the template. */
  static keys(method: string, path: string, template: string | undefined): string[] {
    const concrete = `${method} ${path}`;
    return template === undefined || template === path ? [concrete] : [concrete, `${method} ${template}`];
  }

  latencyFor(keys: readonly string[]): number {
    for (const key of keys) {
      const ms = this.#latency.get(key);
      if (ms !== undefined) return ms;
    }
    return this.#latency.get('*') ?? 0;
  }

  takeDrop(keys: readonly string[]): DropOptions | undefined {
    return this.#take(this.#drops, keys);
  }

  takeStatus(keys: readonly string[]): number | undefined {
    return this.#take(this.#statuses, keys);
  }

  #take<T>(map: Map<string, T[]>, keys: readonly string[]): T | undefined {
    for (const key of keys) {
      const queue = map.get(key);
      if (!queue || queue.length === 0) continue;
      const next = queue.shift();
      if (queue.length === 0) map.delete(key);
      return next;
    }
    return undefined;
  }
}

const tradingBodies: Record<number, { code?: number; message: string }> = {
  400: { code: 40010000, message: 'request is malformed' },
  401: { code: 40110000, message: 'request is not authorized' },
  403: { message: 'forbidden.' },
  404: { code: 40410000, message: 'resource not found' },
  422: { code: 40010001, message: 'request parameters are invalid' },
  429: { code: 42910000, message: 'rate limit exceeded' },
  500: { code: 50010000, message: 'internal server error occurred' },
  502: { code: 50010000, message: 'bad gateway' },
  503: { code: 50310000, message: 'service unavailable' },
  504: { code: 50410000, message: 'gateway timeout' },
};

/** The answer for an injected status, shaped like the real server's answer for that status. */
export function faultReply(server: ServerName, status: number, rateHeaders: Record<string, string>): Reply {
  const known = tradingBodies[status] ?? { code: status * 100_000, message: `simulated status ${String(status)}` };
  const body = server === 'trading' ? known : { message: known.message };
  const headers = status === 429 ? { ...rateHeaders, 'X-RateLimit-Remaining': '0' } : rateHeaders;
  return status === 204 ? { status, headers } : { status, body, headers };
}
