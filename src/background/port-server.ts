import { requestSchema, type PushEvent, type Request, type RequestType, type ResponseData } from '../protocol/messages';
import { isOwnPage, type SenderLike } from '../protocol/sender';
import { toErrorInfo } from '../protocol/errors';

export interface ServerPort {
  name: string;
  sender?: SenderLike | undefined;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export type Handlers = { [T in RequestType]: (request: Extract<Request, { type: T }>) => Promise<ResponseData<T>> };

export interface PortServer {
  /** Call for every chrome.runtime.onConnect. Ports from anything but this extension's pages are refused. */
  accept(port: ServerPort): boolean;
  broadcast(event: PushEvent): void;
  readonly refused: number;
}

export function createPortServer(options: {
  extensionId: string;
  portName: string;
  /** The handlers may still be starting up (the worker was just woken by this very port): requests wait for them. */
  handlers: Handlers | Promise<Handlers>;
  onRefused?: (sender: SenderLike | undefined) => void }): PortServer {
  const ports = new Set<ServerPort>();
  let refused = 0;

  const post = (port: ServerPort, message: unknown) => {
    try {
      port.postMessage(message);
    } catch {
      ports.delete(port);
    }
  };

  async function handle(port: ServerPort, raw: unknown) {
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) {
      const requestId = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : undefined;
      if (requestId) post(port, { type: 'response', requestId, ok: false, error: { kind: 'internal', code: 'bad-request', message: 'The request was not understood.', retryable: false } });
      return;
    }
    const request = parsed.data;
    try {
      const handlers = await options.handlers;
      const handler = handlers[request.type] as (r: Request) => Promise<unknown>;
      const data = await handler(request);
      post(port, { type: 'response', requestId: request.id, ok: true, data });
    } catch (error) {
      post(port, { type: 'response', requestId: request.id, ok: false, error: toErrorInfo(error) });
    }
  }

  return {
    accept(port) {
      if (port.name !== options.portName || !port.sender || !isOwnPage(port.sender, options.extensionId)) {
        refused += 1;
        options.onRefused?.(port.sender);
        port.disconnect();
        return false;
      }
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
      port.onMessage.addListener((raw) => {
        void handle(port, raw);
      });
      return true;
    },
    broadcast(event) {
      for (const port of ports) post(port, event);
    },
    get refused() {
      return refused;
    },
  };
}
