import { AppError } from './errors';
import { eventSchema, responseSchemas, type PushEvent, type RequestBody, type RequestType, type ResponseData } from './messages';

/** The subset of chrome.runtime.Port the client uses, so tests can pass a fake. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface PortClient {
  request<T extends RequestType>(body: RequestBody<T> & { type: T }): Promise<ResponseData<T>>;
  /** Push events from the background; `reconnected` fires after the worker restarted and the port came back. */
  subscribe(listener: (event: PushEvent | { type: 'reconnected' }) => void): () => void;
  close(): void;
}

interface Pending {
  type: RequestType;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const lostError = (): AppError =>
  new AppError({ kind: 'upstream', code: 'worker-restarted', message: 'The background stopped before answering. Try again.', retryable: true });

/**
 * A page's side of the port. The service worker can be stopped at any time, which disconnects the port: pending
 * requests then fail with a retryable error, and the next request connects again (waking the worker).
 */
export function createPortClient(connect: () => PortLike, makeId: () => string): PortClient {
  let port: PortLike | undefined;
  let everConnected = false;
  const pending = new Map<string, Pending>();
  const listeners = new Set<(event: PushEvent | { type: 'reconnected' }) => void>();

  function ensurePort(): PortLike {
    if (port) return port;
    const next = connect();
    const reconnecting = everConnected;
    everConnected = true;
    port = next;
    next.onMessage.addListener((raw) => {
      const parsed = eventSchema.safeParse(raw);
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.type !== 'response') {
        for (const listener of listeners) listener(event);
        return;
      }
      const entry = pending.get(event.requestId);
      if (!entry) return;
      pending.delete(event.requestId);
      if (!event.ok) {
        entry.reject(new AppError(event.error));
        return;
      }
      const data = responseSchemas[entry.type].safeParse(event.data);
      if (data.success) entry.resolve(data.data);
      else entry.reject(new AppError({ kind: 'internal', code: 'bad-response', message: 'The background sent a reply this page does not understand.' }));
    });
    next.onDisconnect.addListener(() => {
      if (port === next) port = undefined;
      for (const [key, entry] of pending) {
        pending.delete(key);
        entry.reject(lostError());
      }
    });
    if (reconnecting) queueMicrotask(() => { for (const listener of listeners) listener({ type: 'reconnected' }); });
    return next;
  }

  return {
    request(body) {
      return new Promise((resolve, reject) => {
        const id = makeId();
        pending.set(id, { type: body.type, resolve: resolve as (value: unknown) => void, reject });
        try {
          ensurePort().postMessage({ ...body, id });
        } catch {
          // A port whose worker just stopped throws on post: connect again once.
          port = undefined;
          try {
            ensurePort().postMessage({ ...body, id });
          } catch (error) {
            pending.delete(id);
            reject(error instanceof Error ? error : lostError());
          }
        }
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      ensurePort();
      return () => listeners.delete(listener);
    },
    close() {
      port?.disconnect();
      port = undefined;
    },
  };
}
