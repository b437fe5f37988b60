import type { Span } from './span';

/**
 * Spans as files a user can load elsewhere: CSV (one row per span), JSON (the spans as stored) and OTLP/JSON with the
 * OpenTelemetry GenAI semantic conventions, so an observability tool shows model calls, tool calls and agent runs as
 * it shows any other GenAI trace. Spans of one run share a trace; the run's own span is the parent of the others.
 */
export const exportFormats = ['csv', 'json', 'otlp'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const csvColumns = ['id', 'kind', 'runId', 'conversationId', 'agent', 'tool', 'model', 'startedAt', 'endedAt', 'latencyMs', 'ttftMs', 'outcome', 'fallbackUsed', 'inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'costUsd', 'route', 'variant'] as const;

function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function spansToCsv(spans: readonly Span[]): string {
  const rows = spans.map((span) =>
    [
      span.id, span.kind, span.runId, span.conversationId, span.agent, span.tool, span.model, span.startedAt, span.endedAt, span.latencyMs, span.ttftMs,
      span.outcome, span.fallbackUsed, span.tokens?.input, span.tokens?.output, span.tokens?.cacheRead, span.tokens?.cacheWrite, span.costUsd, span.route?.join(' > '), span.variant,
    ].map(csvCell).join(','),
  );
  return [csvColumns.join(','), ...rows].join('\r\n') + '\r\n';
}

export const spansToJson = (spans: readonly Span[]): string => JSON.stringify({ format: 'clera-spans', version: 1, spans }, null, 2);

/** A stable hex id of `length` characters from a string (FNV-1a rounds); OTLP wants 32 hex for traces, 16 for spans. */
export function hexId(text: string, length: 16 | 32): string {
  let out = '';
  for (let round = 0; out.length < length; round += 1) {
    let hash = 0x811c9dc5 ^ round;
    for (let index = 0; index < text.length; index += 1) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

type AttributeValue = { stringValue: string } | { intValue: string } | { doubleValue: number } | { boolValue: boolean };
interface Attribute {
  key: string;
  value: AttributeValue;
}
const attribute = (key: string, value: string | number | boolean): Attribute => ({
  key,
  value: typeof value === 'string' ? { stringValue: value } : typeof value === 'boolean' ? { boolValue: value } : Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value },
});
const nanos = (instant: string) => `${String(Date.parse(instant))}000000`;

const SPAN_KIND_INTERNAL = 1;
const SPAN_KIND_CLIENT = 3;
const STATUS_OK = 1;
const STATUS_ERROR = 2;

function operation(span: Span): { name: string; operation?: string; kind: number } {
  switch (span.kind) {
    case 'model-call':
      return { name: `chat ${span.model ?? ''}`.trim(), operation: 'chat', kind: SPAN_KIND_CLIENT };
    case 'tool-call':
      return { name: `execute_tool ${span.tool ?? ''}`.trim(), operation: 'execute_tool', kind: SPAN_KIND_INTERNAL };
    case 'agent-run':
      return { name: `invoke_agent ${span.agent ?? ''}`.trim(), operation: 'invoke_agent', kind: SPAN_KIND_INTERNAL };
    default:
      return { name: span.kind, kind: SPAN_KIND_INTERNAL };
  }
}

function attributesOf(span: Span): Attribute[] {
  const op = operation(span);
  const list: Attribute[] = [];
  if (op.operation) list.push(attribute('gen_ai.operation.name', op.operation));
  if (span.kind === 'model-call') list.push(attribute('gen_ai.provider.name', 'anthropic'));
  if (span.model) list.push(attribute('gen_ai.request.model', span.model));
  if (span.agent) list.push(attribute('gen_ai.agent.name', span.agent));
  if (span.tool) list.push(attribute('gen_ai.tool.name', span.tool));
  if (span.conversationId) list.push(attribute('gen_ai.conversation.id', span.conversationId));
  if (span.tokens) {
    list.push(attribute('gen_ai.usage.input_tokens', span.tokens.input), attribute('gen_ai.usage.output_tokens', span.tokens.output));
    list.push(attribute('gen_ai.usage.cache_read.input_tokens', span.tokens.cacheRead), attribute('gen_ai.usage.cache_creation.input_tokens', span.tokens.cacheWrite));
  }
  if (span.outcome !== 'ok') list.push(attribute('error.type', span.outcome));
  if (span.ttftMs !== undefined) list.push(attribute('clera.time_to_first_token_ms', span.ttftMs));
  if (span.costUsd !== undefined) list.push(attribute('clera.cost_usd', span.costUsd));
  if (span.route) list.push(attribute('clera.route', span.route.join(' > ')));
  if (span.fallbackUsed) list.push(attribute('clera.fallback_used', true));
  if (span.variant) list.push(attribute('clera.prompt_variant', span.variant));
  for (const [key, value] of Object.entries(span.detail ?? {})) if (value !== null) list.push(attribute(`clera.${key}`, value));
  return list;
}

export function spansToOtlp(spans: readonly Span[]): string {
  const runSpanIds = new Map(spans.filter((span) => span.kind === 'agent-run' && span.runId).map((span) => [span.runId ?? '', hexId(span.id, 16)]));
  const otlpSpans = spans.map((span) => {
    const op = operation(span);
    const spanId = hexId(span.id, 16);
    const parent = span.kind !== 'agent-run' && span.runId ? runSpanIds.get(span.runId) : undefined;
    return {
      traceId: hexId(span.runId ?? span.id, 32),
      spanId,
      ...(parent ? { parentSpanId: parent } : {}),
      name: op.name,
      kind: op.kind,
      startTimeUnixNano: nanos(span.startedAt),
      endTimeUnixNano: nanos(span.endedAt),
      attributes: attributesOf(span),
      status: span.outcome === 'ok' ? { code: STATUS_OK } : { code: STATUS_ERROR, message: span.outcome },
    };
  });
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [attribute('service.name', 'clera-browser')] },
        scopeSpans: [{ scope: { name: 'clera.monitoring', version: '1' }, spans: otlpSpans }],
      },
    ],
  });
}

export function exportSpans(spans: readonly Span[], format: ExportFormat): { extension: string; mime: string; text: string } {
  if (format === 'csv') return { extension: 'csv', mime: 'text/csv', text: spansToCsv(spans) };
  if (format === 'json') return { extension: 'json', mime: 'application/json', text: spansToJson(spans) };
  return { extension: 'otlp.json', mime: 'application/json', text: spansToOtlp(spans) };
}
