import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './summary';
import type { Span } from './span';

let counter = 0;
function span(overrides: Partial<Span>): Span {
  counter += 1;
  return {
    id: `span_${String(counter)}`,
    kind: 'model-call',
    startedAt: '2026-03-01T10:00:00.000Z',
    endedAt: '2026-03-01T10:00:01.000Z',
    latencyMs: 1000,
    outcome: 'ok',
    fallbackUsed: false,
    ...overrides,
  };
}

describe('percentile (nearest rank)', () => {
  it.each<[number[], number, number]>([
    [[], 50, 0],
    [[7], 50, 7],
    [[7], 95, 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    [Array.from({ length: 100 }, (_, index) => index + 1), 50, 50],
    [Array.from({ length: 100 }, (_, index) => index + 1), 95, 95],
    [[10, 20, 30, 40], 50, 20],
    [[10, 20, 30, 40], 0, 10],
    [[10, 20, 30, 40], 100, 40],
  ])('of %j at p%d is %d', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe('summarize', () => {
  it('gives counts, error rate, percentiles, TTFT, tokens and cost per agent', () => {
    // Twenty model calls by the portfolio agent with latencies 100, 200, …, 2000 ms:
    // p50 = 10th value = 1000 ms, p95 = 19th value = 1900 ms. Two failed → error rate 0.1.
    const calls = Array.from({ length: 20 }, (_, index) =>
      span({
        agent: 'portfolio',
        model: 'claude-haiku-4-5',
        latencyMs: (index + 1) * 100,
        ...(index < 4 ? { ttftMs: (index + 1) * 100 } : {}), // mean TTFT = (100+200+300+400)/4 = 250
        outcome: index >= 18 ? 'upstream:anthropic-overloaded' : 'ok',
        tokens: { input: 100, output: 10, cacheRead: 5, cacheWrite: 1 },
        costUsd: '0.000150',
      }),
    );
    const summary = summarize(calls);
    expect(summary.agents.portfolio).toEqual({
      count: 20,
      errors: 2,
      errorRate: 0.1,
      p50LatencyMs: 1000,
      p95LatencyMs: 1900,
      meanTtftMs: 250,
      tokens: { input: 2000, output: 200, cacheRead: 100, cacheWrite: 20 },
      costUsd: '0.003000', // 20 × 0.000150
    });
    expect(summary.totalCostUsd).toBe('0.003000');
  });

  it('summarises tools, models, runs, fallbacks and breaker transitions separately', () => {
    const spans: Span[] = [
      span({ agent: 'supervisor', model: 'claude-sonnet-5', costUsd: '0.010000', tokens: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0 } }),
      span({ agent: 'supervisor', model: 'claude-sonnet-5', outcome: 'upstream:anthropic-overloaded', fallbackUsed: true }),
      span({ agent: 'supervisor', model: 'claude-haiku-4-5', costUsd: '0.000500', tokens: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0 } }),
      span({ agent: 'research', model: 'claude-mythos-5', tokens: { input: 9, output: 9, cacheRead: 0, cacheWrite: 0 } }),
      span({ kind: 'tool-call', agent: 'research', tool: 'get_news', latencyMs: 50 }),
      span({ kind: 'tool-call', agent: 'research', tool: 'get_news', latencyMs: 150, outcome: 'upstream:fmp-rate-limited' }),
      span({ kind: 'tool-call', agent: 'portfolio', tool: 'get_quote', latencyMs: 30 }),
      span({ kind: 'agent-run', agent: 'supervisor', latencyMs: 9000, route: ['research'] }),
      span({ kind: 'fallback', model: 'claude-haiku-4-5', fallbackUsed: true, detail: { from: 'claude-sonnet-5', to: 'claude-haiku-4-5', reason: 'upstream:anthropic-overloaded' } }),
      span({ kind: 'breaker', startedAt: '2026-03-01T10:05:00.000Z', detail: { dependency: 'anthropic', from: 'open', to: 'half-open' } }),
      span({ kind: 'breaker', startedAt: '2026-03-01T10:00:00.000Z', detail: { dependency: 'anthropic', from: 'closed', to: 'open' } }),
    ];
    const summary = summarize(spans);
    expect(Object.keys(summary.agents).sort()).toEqual(['research', 'supervisor']);
    expect(summary.agents.supervisor).toMatchObject({ count: 3, errors: 1, costUsd: '0.010500' });
    expect(summary.tools).toEqual({
      get_news: expect.objectContaining({ count: 2, errors: 1, errorRate: 0.5, p50LatencyMs: 50, p95LatencyMs: 150, meanTtftMs: null }) as unknown,
      get_quote: expect.objectContaining({ count: 1, errors: 0, p50LatencyMs: 30 }) as unknown,
    });
    expect(summary.runs.supervisor).toMatchObject({ count: 1, p50LatencyMs: 9000 });
    expect(summary.models).toEqual({
      'claude-sonnet-5': { calls: 2, errors: 1, tokens: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0 }, costUsd: '0.010000', unpricedCalls: 0 },
      'claude-haiku-4-5': { calls: 1, errors: 0, tokens: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0 }, costUsd: '0.000500', unpricedCalls: 0 },
      'claude-mythos-5': { calls: 1, errors: 0, tokens: { input: 9, output: 9, cacheRead: 0, cacheWrite: 0 }, costUsd: '0.000000', unpricedCalls: 1 },
    });
    expect(summary.fallbacks).toBe(1);
    expect(summary.breakerTransitions).toEqual([
      { dependency: 'anthropic', from: 'closed', to: 'open', at: '2026-03-01T10:00:00.000Z' },
      { dependency: 'anthropic', from: 'open', to: 'half-open', at: '2026-03-01T10:05:00.000Z' },
    ]);
    expect(summary.totalCostUsd).toBe('0.010500');
  });

  it('summarises no spans as empty', () => {
    expect(summarize([])).toEqual({ agents: {}, runs: {}, tools: {}, models: {}, fallbacks: 0, breakerTransitions: [], totalCostUsd: '0.000000' });
  });
});
