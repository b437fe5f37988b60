import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { errorBody, errorKindFor } from './error-body';
import { prepareMessage, type PreparedMessage } from './message-body';
import type { PromptCache } from './prompt-cache';
import type { Random } from './random';
import type { MessagesRequest } from './request-schema';
import { errorEvent, formatSseEvent, messageEvents, type SseEvent } from './sse';
import type { DropFault, Latency, ScriptedMessage, StatusFault, StreamErrorFault } from './types';

/** What delivering one reply needs to know besides the reply itself. */
export interface Delivery {
  response: ServerResponse;
  request: MessagesRequest;
  requestId: string;
  headers: Record<string, string>;
  cache: PromptCache;
  random: Random;
  signal: AbortSignal;
  latency: Latency;
  /** Used by stream faults that name no message. */
  fallback: ScriptedMessage;
}

export type Deliverable = ScriptedMessage | StatusFault | StreamErrorFault | DropFault;

async function pause(ms: number | undefined, signal: AbortSignal): Promise<void> {
  if (ms !== undefined && ms > 0) await delay(ms, undefined, { signal });
}

export function sendJson(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): void {
  response.writeHead(status, { ...headers, 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function sendStatus(delivery: Delivery, fault: StatusFault): void {
  const kind = errorKindFor(fault.status);
  const headers = { ...delivery.headers };
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  if (fault.shouldRetry !== undefined) headers['x-should-retry'] = String(fault.shouldRetry);
  const body = errorBody(fault.errorType ?? kind.type, fault.message ?? kind.message, delivery.requestId, fault.details);
  sendJson(delivery.response, fault.status, headers, body);
}

function prepare(delivery: Delivery, scripted: ScriptedMessage): PreparedMessage {
  return prepareMessage(scripted, delivery.request.model, delivery.cache.account(delivery.request));
}

/** Writes the SSE head and events; stops early (leaving the socket open) when the client is gone. */
async function writeEvents(delivery: Delivery, events: SseEvent[]): Promise<void> {
  const { response } = delivery;
  if (!response.headersSent) {
    response.writeHead(200, {
      ...delivery.headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
    });
    response.flushHeaders();
  }
  for (const event of events) {
    await pause(delivery.latency.perChunkMs, delivery.signal);
    if (response.destroyed) return;
    response.write(formatSseEvent(event));
  }
}

async function sendMessage(delivery: Delivery, scripted: ScriptedMessage): Promise<void> {
  const prepared = prepare(delivery, scripted);
  if (delivery.request.stream !== true) {
    sendJson(delivery.response, 200, delivery.headers, prepared.message);
    return;
  }
  await writeEvents(delivery, messageEvents(prepared, delivery.random));
  delivery.response.end();
}

async function sendStreamError(delivery: Delivery, fault: StreamErrorFault): Promise<void> {
  const message = fault.errorType === 'overloaded_error' ? 'Overloaded' : 'Internal server error';
  if (delivery.request.stream !== true) {
    const status = fault.errorType === 'overloaded_error' ? 529 : 500;
    sendStatus(delivery, { kind: 'status', status, errorType: fault.errorType, message });
    return;
  }
  const events = messageEvents(prepare(delivery, fault.message ?? delivery.fallback), delivery.random);
  await writeEvents(delivery, [...events.slice(0, fault.afterEvents), errorEvent(fault.errorType, message)]);
  delivery.response.end();
}

async function sendDrop(delivery: Delivery, fault: DropFault): Promise<void> {
  const { response } = delivery;
  if (fault.afterEvents <= 0) {
    response.socket?.destroy();
    return;
  }
  const prepared = prepare(delivery, fault.message ?? delivery.fallback);
  if (delivery.request.stream === true) {
    await writeEvents(delivery, messageEvents(prepared, delivery.random).slice(0, fault.afterEvents));
  } else {
    const body = JSON.stringify(prepared.message);
    response.writeHead(200, { ...delivery.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    response.write(body.slice(0, Math.floor(body.length / 2)));
  }
  // Let the written bytes leave before cutting the connection.
  await delay(5, undefined, { signal: delivery.signal });
  response.socket?.destroy();
}

/** Sends one resolved reply, honouring its first-byte and per-chunk delays. */
export async function deliver(delivery: Delivery, reply: Deliverable): Promise<void> {
  await pause(delivery.latency.firstByteMs, delivery.signal);
  if (delivery.response.destroyed) return;
  switch (reply.kind) {
    case 'message':
      await sendMessage(delivery, reply);
      return;
    case 'status':
      sendStatus(delivery, reply);
      return;
    case 'stream-error':
      await sendStreamError(delivery, reply);
      return;
    case 'drop':
      await sendDrop(delivery, reply);
      return;
  }
}
