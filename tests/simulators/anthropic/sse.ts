import type { ContentBlock, MessageDeltaUsage } from '@anthropic-ai/sdk/resources/messages';
import type { PreparedMessage } from './message-body';
import { splitRandomly, type Random } from './random';

/** One server-sent event; `data.type` always equals `event`, as on the wire. */
export interface SseEvent {
  event: string;
  data: { type: string } & Record<string, unknown>;
}

/** Wire framing: `event: <name>\ndata: <one-line JSON>\n\n`. */
export function formatSseEvent(event: SseEvent): string {
  return `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

function sseEvent(data: SseEvent['data']): SseEvent {
  return { event: data.type, data };
}

const maxTextPiece = 12;
const maxJsonPiece = 10;

function blockStart(block: ContentBlock): Record<string, unknown> {
  switch (block.type) {
    case 'text':
      return block.citations === null ? { type: 'text', text: '' } : { type: 'text', text: '', citations: [] };
    case 'tool_use':
    case 'server_tool_use':
      return { ...block, input: {} };
    default:
      return { ...block };
  }
}

function blockDeltas(block: ContentBlock, verbatimJson: string[] | undefined, random: Random): Record<string, unknown>[] {
  switch (block.type) {
    case 'text': {
      const citations = (block.citations ?? []).map((citation) => ({ type: 'citations_delta', citation }));
      const pieces = block.text === '' ? [''] : splitRandomly(block.text, random, maxTextPiece);
      return [...citations, ...pieces.map((piece) => ({ type: 'text_delta', text: piece }))];
    }
    case 'tool_use':
    case 'server_tool_use': {
      const pieces = verbatimJson ?? ['', ...splitRandomly(JSON.stringify(block.input), random, maxJsonPiece)];
      return pieces.map((piece) => ({ type: 'input_json_delta', partial_json: piece }));
    }
    default:
      // Result blocks (web_search_tool_result) arrive whole in content_block_start.
      return [];
  }
}

/**
 * The full SSE sequence for a message (A4): message_start, ping, then per block start / deltas / stop, then
 * message_delta (with cumulative usage) and message_stop.
 */
export function messageEvents(prepared: PreparedMessage, random: Random): SseEvent[] {
  const { message } = prepared;
  const events: SseEvent[] = [
    sseEvent({
      type: 'message_start',
      message: {
        ...message,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...message.usage, output_tokens: 1, server_tool_use: null },
      },
    }),
    sseEvent({ type: 'ping' }),
  ];
  message.content.forEach((block, index) => {
    events.push(sseEvent({ type: 'content_block_start', index, content_block: blockStart(block) }));
    for (const delta of blockDeltas(block, prepared.partialJson.get(index), random)) {
      events.push(sseEvent({ type: 'content_block_delta', index, delta }));
    }
    events.push(sseEvent({ type: 'content_block_stop', index }));
  });
  const usage: MessageDeltaUsage = {
    input_tokens: message.usage.input_tokens,
    cache_creation_input_tokens: message.usage.cache_creation_input_tokens,
    cache_read_input_tokens: message.usage.cache_read_input_tokens,
    output_tokens: message.usage.output_tokens,
    output_tokens_details: null,
    server_tool_use: message.usage.server_tool_use,
  };
  events.push(
    sseEvent({
      type: 'message_delta',
      delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence, stop_details: null, container: null },
      usage,
    }),
    sseEvent({ type: 'message_stop' }),
  );
  return events;
}

/** The mid-stream `error` event (A4). */
export function errorEvent(errorType: string, message: string): SseEvent {
  return sseEvent({ type: 'error', error: { type: errorType, message } });
}
