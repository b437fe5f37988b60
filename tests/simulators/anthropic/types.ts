import type { MessagesRequest } from './request-schema';

/** A citation the simulator attaches to a text block (the web-search kind). */
export interface ScriptedCitation {
  url: string;
  title: string;
  citedText: string;
}

export interface ScriptedTextBlock {
  type: 'text';
  text: string;
  citations?: ScriptedCitation[];
}

export interface ScriptedToolUseBlock {
  type: 'tool_use';
  name: string;
  input: Record<string, unknown>;
  id?: string;
  /**
   * Exact `partial_json` pieces to stream for this block, sent verbatim. Without it the serialised input is split at
   * seeded-random points and the first piece is "".
   */
  partialJson?: string[];
}

export interface ScriptedServerToolUseBlock {
  type: 'server_tool_use';
  name: 'web_search';
  input: { query: string };
  id?: string;
}

export interface ScriptedSearchResult {
  url: string;
  title: string;
  pageAge?: string;
}

export interface ScriptedWebSearchResultBlock {
  type: 'web_search_tool_result';
  /** Id of the server_tool_use block this answers; defaults to the closest preceding server_tool_use. */
  toolUseId?: string;
  results: ScriptedSearchResult[];
}

export type ScriptedBlock =
  | ScriptedTextBlock
  | ScriptedToolUseBlock
  | ScriptedServerToolUseBlock
  | ScriptedWebSearchResultBlock;

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'pause_turn' | 'refusal';

/** Token counts that replace the simulator's estimates. */
export interface UsageOverrides {
  inputTokens?: number;
  outputTokens?: number;
  cacheCreationInputTokens?: number;
  cacheReadInputTokens?: number;
}

/** Delays applied to one reply: before the status line, and between two SSE events. */
export interface Latency {
  firstByteMs?: number;
  perChunkMs?: number;
}

export interface ScriptedMessage {
  kind: 'message';
  blocks: ScriptedBlock[];
  /** Default: `tool_use` when a tool_use block is present, else `end_turn`. */
  stopReason?: StopReason;
  /** Reported as `stop_sequence` (only meaningful with stopReason `stop_sequence`). */
  stopSequence?: string;
  usage?: UsageOverrides;
  /** Default: the model named in the request. */
  model?: string;
  latency?: Latency;
}

/** An HTTP error answer (A5): body `{"type":"error","error":{…},"request_id":…}`. */
export interface StatusFault {
  kind: 'status';
  status: number;
  /** Default: the type the API uses for that status (429 → rate_limit_error, 529 → overloaded_error, …). */
  errorType?: string;
  message?: string;
  /** Sent as `error.details` (e.g. `{ error_code: 'enforced_spend_limit_reached' }`). */
  details?: Record<string, unknown>;
  retryAfterSeconds?: number;
  retryAfterMs?: number;
  /** Sent as `x-should-retry: true|false`, which overrides the SDK's own retry rules. */
  shouldRetry?: boolean;
}

/**
 * A 200 SSE answer that sends `afterEvents` events of `message` (default: the default reply), then an `error` event,
 * then ends. On a non-streaming request it becomes the matching HTTP error (529 or 500).
 */
export interface StreamErrorFault {
  kind: 'stream-error';
  afterEvents: number;
  errorType: 'overloaded_error' | 'api_error';
  message?: ScriptedMessage;
}

/**
 * Destroys the socket. `afterEvents: 0` drops before any byte. On a streaming request n > 0 sends n SSE events of
 * `message` (default: the default reply) first; on a non-streaming request n > 0 sends the headers and half the body.
 */
export interface DropFault {
  kind: 'drop';
  afterEvents: number;
  message?: ScriptedMessage;
}

/** Delays another reply. Queued without `reply`, it delays whatever the script answers to the next request. */
export interface LatencyFault extends Latency {
  kind: 'latency';
  reply?: ScriptedMessage | StatusFault | StreamErrorFault | DropFault;
}

export type Fault = StatusFault | StreamErrorFault | DropFault | LatencyFault;

export type Reply = ScriptedMessage | Fault;

export interface ScriptContext {
  /** 0-based count of script invocations since the script was set (requests answered by a queued fault skip it). */
  call: number;
}

/** Decides the answer to one valid Messages request. */
export type Script = (request: MessagesRequest, context: ScriptContext) => Reply | Promise<Reply>;

export interface RecordedRequest {
  method: string;
  path: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when there was no body or it was not JSON. */
  body: unknown;
  /** Milliseconds since the epoch when the request arrived. */
  time: number;
}
