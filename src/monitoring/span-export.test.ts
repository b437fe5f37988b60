import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../protocol/json';
import { hexId, spansToCsv, spansToOtlp } from './span-export';
import type { Span } from './span';

const run: Span = {
  id: 'span_run', kind: 'agent-run', agent: 'financial_analyst', startedAt: '2026-03-01T10:00:00.000Z', endedAt: '2026-03-01T10:00:02.000Z',
  latencyMs: 2000, ttftMs: 700, outcome: 'ok', fallbackUsed: false, route: ['financial_analyst'], runId: 'run_1', conversationId: 'conv_1',
};
const call: Span = {
  id: 'span_call', kind: 'model-call', agent: 'financial_analyst', model: 'claude-sonnet-5', startedAt: '2026-03-01T10:00:00.100Z', endedAt: '2026-03-01T10:00:01.100Z',
  latencyMs: 1000, outcome: 'upstream:anthropic-overloaded', fallbackUsed: false, tokens: { input: 120, output: 30, cacheRead: 0, cacheWrite: 0 }, costUsd: '0.000540', runId: 'run_1', conversationId: 'conv_1',
};
const toolCall: Span = {
  id: 'span_tool', kind: 'tool-call', agent: 'financial_analyst', tool: 'get_quote', startedAt: '2026-03-01T10:00:01.200Z', endedAt: '2026-03-01T10:00:01.300Z',
  latencyMs: 100, outcome: 'ok', fallbackUsed: false, runId: 'run_1', conversationId: 'conv_1',
};

type OtlpAttribute = { key: string; value: Record<string, unknown> };
type OtlpSpan = { traceId: string; spanId: string; parentSpanId?: string; name: string; startTimeUnixNano: string; attributes: OtlpAttribute[]; status: { code: number; message?: string } };
const otlpSchema = z.object({ resourceSpans: z.array(z.object({ scopeSpans: z.array(z.object({ spans: z.array(z.unknown()) })) })) });
const otlpSpans = (text: string): OtlpSpan[] => (parseJson(otlpSchema, text).resourceSpans[0]?.scopeSpans[0]?.spans ?? []) as OtlpSpan[];
const attrs = (span: OtlpSpan | undefined) => Object.fromEntries((span?.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]]));

describe('span export', () => {
  it('writes OTLP/JSON with the GenAI semantic conventions, one trace per run', () => {
    const [runOut, callOut, toolOut] = otlpSpans(spansToOtlp([run, call, toolCall]));
    expect(callOut?.name).toBe('chat claude-sonnet-5');
    expect(attrs(callOut)).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'claude-sonnet-5',
      'gen_ai.usage.input_tokens': '120',
      'gen_ai.usage.output_tokens': '30',
      'gen_ai.agent.name': 'financial_analyst',
      'error.type': 'upstream:anthropic-overloaded',
    });
    expect(callOut?.status).toEqual({ code: 2, message: 'upstream:anthropic-overloaded' });
    expect(attrs(toolOut)).toMatchObject({ 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'get_quote' });
    expect(attrs(runOut)).toMatchObject({ 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.conversation.id': 'conv_1' });
    expect(new Set([runOut?.traceId, callOut?.traceId, toolOut?.traceId]).size).toBe(1);
    expect(callOut?.parentSpanId).toBe(runOut?.spanId);
    expect(runOut?.parentSpanId).toBeUndefined();
    expect(callOut?.startTimeUnixNano).toBe('1772359200100000000');
  });

  it('makes hex ids of the lengths OTLP expects', () => {
    expect(hexId('run_1', 32)).toMatch(/^[0-9a-f]{32}$/);
    expect(hexId('span_1', 16)).toMatch(/^[0-9a-f]{16}$/);
    expect(hexId('span_1', 16)).not.toBe(hexId('span_2', 16));
  });

  it('writes one CSV row per span and quotes cells that need it', () => {
    const csv = spansToCsv([call, { ...toolCall, outcome: 'user:bad "symbol", retry', variant: 'concise@v1' }]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]?.split(',')[0]).toBe('id');
    expect(lines[0]?.split(',').at(-1)).toBe('variant');
    expect(lines[2]?.endsWith(',concise@v1')).toBe(true);
    expect(lines[1]).toContain(',120,30,0,0,0.000540,');
    expect(lines[2]).toContain('"user:bad ""symbol"", retry"');
  });
});
