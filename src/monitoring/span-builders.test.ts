import { describe, expect, it } from 'vitest';
import { agentRunSpan, approvalSpan, breakerSpan, fallbackSpan, modelCallSpan, rateLimitWaitSpan, toolCallSpan } from './span-builders';
import { spanSchema } from './span';

const withId = (span: object) => spanSchema.parse({ id: 'span_1', ...span });

describe('span builders', () => {
  it('builds a model-call span with latency, tokens and cost from a recorded usage block', () => {
    const span = modelCallSpan({
      agent: 'portfolio',
      model: 'claude-haiku-4-5-20251001',
      startedAt: '2026-03-01T10:00:00.000Z',
      endedAt: new Date('2026-03-01T10:00:02.500Z'),
      ttftMs: 420,
      usage: {
        input_tokens: 1000,
        output_tokens: 200,
        cache_read_input_tokens: 3000,
        cache_creation_input_tokens: 500,
        cache_creation: { ephemeral_5m_input_tokens: 500, ephemeral_1h_input_tokens: 0 },
      },
      outcome: 'ok',
      fallbackUsed: false,
    });
    expect(withId(span)).toEqual({
      id: 'span_1',
      kind: 'model-call',
      agent: 'portfolio',
      model: 'claude-haiku-4-5-20251001',
      startedAt: '2026-03-01T10:00:00.000Z',
      endedAt: '2026-03-01T10:00:02.500Z',
      latencyMs: 2500,
      ttftMs: 420,
      outcome: 'ok',
      fallbackUsed: false,
      tokens: { input: 1000, output: 200, cacheRead: 3000, cacheWrite: 500 },
      // (1,000 × 1 + 200 × 5 + 3,000 × 0.10 + 500 × 1.25) / 1e6
      costUsd: '0.002925',
    });
  });

  it('leaves cost out for an unknown model but keeps its tokens', () => {
    const span = modelCallSpan({
      model: 'claude-mythos-5',
      startedAt: '2026-03-01T10:00:00.000Z',
      endedAt: '2026-03-01T10:00:01.000Z',
      usage: { input_tokens: 10, output_tokens: 5 },
      outcome: 'ok',
    });
    expect(span.costUsd).toBeUndefined();
    expect(span.tokens).toEqual({ input: 10, output: 5, cacheRead: 0, cacheWrite: 0 });
  });

  it('builds a failed model call with no usage', () => {
    const span = modelCallSpan({
      agent: 'supervisor',
      model: 'claude-sonnet-5',
      startedAt: '2026-03-01T10:00:00.000Z',
      endedAt: '2026-03-01T10:00:00.300Z',
      outcome: 'upstream:anthropic-overloaded',
      fallbackUsed: true,
    });
    expect(withId(span)).toMatchObject({ outcome: 'upstream:anthropic-overloaded', fallbackUsed: true, latencyMs: 300 });
    expect(span.tokens).toBeUndefined();
  });

  it('builds tool-call and agent-run spans', () => {
    expect(withId(toolCallSpan({ agent: 'research', tool: 'get_news', startedAt: '2026-03-01T10:00:00Z', endedAt: '2026-03-01T10:00:00.080Z', outcome: 'upstream:fmp-rate-limited' }))).toMatchObject({
      kind: 'tool-call',
      tool: 'get_news',
      latencyMs: 80,
      outcome: 'upstream:fmp-rate-limited',
    });
    expect(withId(agentRunSpan({ agent: 'supervisor', startedAt: '2026-03-01T10:00:00Z', endedAt: '2026-03-01T10:00:09Z', outcome: 'ok', route: ['portfolio', 'research'] }))).toMatchObject({
      kind: 'agent-run',
      latencyMs: 9000,
      route: ['portfolio', 'research'],
    });
  });

  it('builds instant spans for breaker transitions and fallbacks', () => {
    expect(withId(breakerSpan({ dependency: 'alpaca-trading', from: 'closed', to: 'open', at: '2026-03-01T10:00:00.000Z' }))).toMatchObject({
      kind: 'breaker',
      startedAt: '2026-03-01T10:00:00.000Z',
      endedAt: '2026-03-01T10:00:00.000Z',
      latencyMs: 0,
      detail: { dependency: 'alpaca-trading', from: 'closed', to: 'open' },
    });
    expect(withId(fallbackSpan({ from: 'claude-sonnet-5', to: 'claude-haiku-4-5', reason: 'upstream:anthropic-overloaded', at: '2026-03-01T10:00:00Z' }))).toMatchObject({
      kind: 'fallback',
      model: 'claude-haiku-4-5',
      fallbackUsed: true,
      detail: { from: 'claude-sonnet-5', to: 'claude-haiku-4-5', reason: 'upstream:anthropic-overloaded' },
    });
  });

  it('builds an approval span that starts latencyMs before the decision', () => {
    expect(withId(approvalSpan({ proposalId: 'prop_1', decision: 'approved', latencyMs: 12_000, decidedAt: '2026-03-01T10:00:12.000Z' }))).toMatchObject({
      kind: 'approval',
      startedAt: '2026-03-01T10:00:00.000Z',
      endedAt: '2026-03-01T10:00:12.000Z',
      latencyMs: 12_000,
      detail: { proposalId: 'prop_1', decision: 'approved' },
    });
  });

  it('builds a rate-limit wait span', () => {
    expect(withId(rateLimitWaitSpan({ dependency: 'anthropic', startedAt: '2026-03-01T10:00:00Z', endedAt: '2026-03-01T10:00:03Z' }))).toMatchObject({
      kind: 'rate-limit-wait',
      latencyMs: 3000,
      detail: { dependency: 'anthropic' },
    });
  });

  it('passes an unreadable time through instead of throwing, so the recorder can reject the span', () => {
    const span = toolCallSpan({ tool: 'get_quote', startedAt: 'garbage', endedAt: '2026-03-01T10:00:00Z', outcome: 'ok' });
    expect(span.startedAt).toBe('garbage');
    expect(spanSchema.safeParse({ id: 'span_1', ...span }).success).toBe(false);
  });
});
