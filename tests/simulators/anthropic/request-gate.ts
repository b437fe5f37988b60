import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { safeParseJson } from '../../../src/protocol/json';
import { findConversationError } from './conversation-rules';
import { findCacheControlError } from './prompt-segments';
import { describeIssues, messagesRequestSchema, type MessagesRequest } from './request-schema';

export interface Rejection {
  status: number;
  errorType: string;
  message: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * CORS guard then key check (A1). A chrome-extension origin must opt in with
 * `anthropic-dangerous-direct-browser-access: true`; the key may come as `x-api-key` or `Authorization: Bearer`.
 */
export function checkAccess(headers: IncomingHttpHeaders, apiKey: string): Rejection | null {
  const origin = header(headers, 'origin');
  if (origin?.startsWith('chrome-extension://') && header(headers, 'anthropic-dangerous-direct-browser-access') !== 'true') {
    return {
      status: 401,
      errorType: 'authentication_error',
      message: "CORS requests must set 'anthropic-dangerous-direct-browser-access' header",
    };
  }
  const apiKeyHeader = header(headers, 'x-api-key');
  const authorization = header(headers, 'authorization');
  if (apiKeyHeader === undefined && authorization === undefined) {
    return { status: 401, errorType: 'authentication_error', message: 'x-api-key header is required' };
  }
  if (apiKeyHeader === apiKey || authorization === `Bearer ${apiKey}`) return null;
  return { status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' };
}

export type BodyCheck = { ok: true; request: MessagesRequest } | ({ ok: false } & Rejection);

function invalid(message: string): BodyCheck {
  return { ok: false, status: 400, errorType: 'invalid_request_error', message };
}

/** Parses and validates a Messages request body: shape (zod), then conversation and cache-breakpoint rules. */
export function checkMessagesBody(text: string): BodyCheck {
  const json = safeParseJson(z.unknown(), text);
  if (!json.ok) return invalid('There was an error parsing the body: expected a JSON object');
  const parsed = messagesRequestSchema.safeParse(json.value);
  if (!parsed.success) return invalid(describeIssues(parsed.error));
  const conversationError = findConversationError(parsed.data.messages) ?? findCacheControlError(parsed.data);
  if (conversationError !== null) return invalid(conversationError);
  return { ok: true, request: parsed.data };
}
