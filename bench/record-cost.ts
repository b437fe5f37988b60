import type { SpanInput } from '../src/monitoring/span';
import type { SpanRecorder } from '../src/monitoring/span-recorder';

/** A typical model-call span, the largest kind the loop records often. */
const sample: SpanInput = {
  kind: 'model-call',
  agent: 'supervisor',
  model: 'claude-haiku-4-5',
  startedAt: '2026-01-05T15:00:00.000Z',
  endedAt: '2026-01-05T15:00:01.250Z',
  latencyMs: 1250,
  ttftMs: 310,
  outcome: 'ok',
  fallbackUsed: false,
  tokens: { input: 1000, output: 200, cacheRead: 3000, cacheWrite: 500 },
  costUsd: '0.002925',
};

/** Times `n` calls of `record` and returns the mean cost of one call in microseconds (the budget is < 1 ms). */
export function measureRecordCost(recorder: SpanRecorder, n: number): number {
  const count = Math.max(1, Math.floor(n));
  const start = performance.now();
  for (let index = 0; index < count; index += 1) recorder.record(sample);
  return ((performance.now() - start) * 1000) / count;
}
