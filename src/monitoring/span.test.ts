import { describe, expect, it } from 'vitest';
import { spanSchema, type Span } from './span';

const valid: Span = {
  id: 'span_1',
  kind: 'model-call',
  agent: 'supervisor',
  model: 'claude-haiku-4-5',
  startedAt: '2026-01-05T15:00:00.000Z',
  endedAt: '2026-01-05T15:00:01.000Z',
  latencyMs: 1000,
  ttftMs: 200,
  outcome: 'ok',
  fallbackUsed: false,
  tokens: { input: 1, output: 2, cacheRead: 0, cacheWrite: 0 },
  costUsd: '0.000011',
  route: ['portfolio'],
  detail: { dependency: 'anthropic', attempt: 2, retried: true, note: null },
};

describe('spanSchema', () => {
  it('accepts a complete span', () => {
    expect(spanSchema.parse(valid)).toEqual(valid);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown kind', { kind: 'db-call' }],
    ['a local time without Z', { startedAt: '2026-01-05T15:00:00' }],
    ['a time that is not ISO', { endedAt: 'yesterday' }],
    ['a negative latency', { latencyMs: -1 }],
    ['a NaN latency', { latencyMs: Number.NaN }],
    ['a cost that is a number', { costUsd: 0.01 }],
    ['a cost with 2 decimals', { costUsd: '0.01' }],
    ['fractional tokens', { tokens: { input: 1.5, output: 0, cacheRead: 0, cacheWrite: 0 } }],
    ['an empty outcome', { outcome: '' }],
    ['a nested detail value', { detail: { breaker: { from: 'closed' } } }],
    ['a missing fallbackUsed', { fallbackUsed: undefined }],
  ])('rejects %s', (_name, change) => {
    expect(spanSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
