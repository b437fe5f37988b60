import type { PortLike } from '../../src/protocol/port-client';
import type { ServerPort } from '../../src/background/port-server';
import type { SenderLike } from '../../src/protocol/sender';

type Listener<T> = (value: T) => void;

/** Two connected in-memory ports with structured cloning, like chrome.runtime ports between a page and the worker. */
export function createFakePortPair(sender: SenderLike, name = 'clera') {
  const toServer = new Set<Listener<unknown>>();
  const toClient = new Set<Listener<unknown>>();
  const serverDisconnect = new Set<() => void>();
  const clientDisconnect = new Set<() => void>();
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    for (const listener of serverDisconnect) listener();
    for (const listener of clientDisconnect) listener();
  };
  const deliver = (listeners: Set<Listener<unknown>>, message: unknown) => {
    if (!open) throw new Error('Attempting to use a disconnected port object');
    const copy = structuredClone(message);
    queueMicrotask(() => { for (const listener of listeners) listener(copy); });
  };
  const client: PortLike = {
    postMessage: (message) => { deliver(toServer, message); },
    disconnect: close,
    onMessage: { addListener: (listener) => toClient.add(listener) },
    onDisconnect: { addListener: (listener) => clientDisconnect.add(listener) },
  };
  const server: ServerPort = {
    name,
    sender,
    postMessage: (message) => { deliver(toClient, message); },
    disconnect: close,
    onMessage: { addListener: (listener) => toServer.add(listener) },
    onDisconnect: { addListener: (listener) => serverDisconnect.add(listener) },
  };
  return { client, server, close };
}
