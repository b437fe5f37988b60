import { describe, expect, it } from 'vitest';
import type { Span } from './span';
import type { EvalImportRecord, FeedbackRecord } from './metrics-source';
import { compareVariants, percentile, significance, significanceText } from './variant-comparison';

let next = 0;
function run(variant: string | undefined, outcome: string, latencyMs: number): Span {
  next += 1;
  return { id: `s${String(next)}`, kind: 'agent-run', agent: 'supervisor', startedAt: '2026-03-10T15:00:00.000Z', endedAt: '2026-03-10T15:00:01.000Z', latencyMs, outcome, fallbackUsed: false, runId: `r${String(next)}`, ...(variant ? { variant } : {}) };
}
function call(variant: string, input: number, output: number): Span {
  next += 1;
  return { id: `s${String(next)}`, kind: 'model-call', agent: 'supervisor', model: 'claude-haiku-4-5', startedAt: '2026-03-10T15:00:00.000Z', endedAt: '2026-03-10T15:00:01.000Z', latencyMs: 900, outcome: 'ok', fallbackUsed: false, tokens: { input, output, cacheRead: 0, cacheWrite: 0 }, variant };
}
const feedback = (variant: string, rating: 'good' | 'bad'): FeedbackRecord => ({ messageId: 'm', runId: 'r', conversationId: 'c', rating, handedOff: false, variant, createdAt: '2026-03-10T15:00:00.000Z' });
const repeat = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

describe('variant comparison', () => {
  it('nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
    expect(percentile([5], 95)).toBe(5);
  });

  it('says "not enough data" below the minimum and tests the difference above it', () => {
    expect(significance({ successes: 5, n: 10 }, { successes: 50, n: 100 }, 20)).toEqual({ kind: 'not-enough-data', minimum: 20 });
    const tested = significance({ successes: 55, n: 100 }, { successes: 40, n: 100 }, 20);
    expect(tested).toMatchObject({ kind: 'tested', significant: true });
    if (tested.kind !== 'tested') throw new Error('expected a test');
    expect(tested.difference).toBeCloseTo(0.15, 10);
    expect(tested.z).toBeCloseTo(2.124, 3);
    expect(tested.p).toBeCloseTo(0.03367, 4);
    expect(significanceText(tested)).toBe('+15.0 points, p = 0.034: unlikely to be chance');
    const flat = significance({ successes: 12, n: 30 }, { successes: 18, n: 30 }, 20);
    expect(significanceText(flat)).toBe('−20.0 points, p = 0.121: not significant');
    expect(significanceText({ kind: 'not-enough-data', minimum: 20 })).toBe('Not enough data (at least 20 in each variant)');
  });

  it('puts the variants side by side: success, feedback, evaluation and judge means, tokens, latency', () => {
    const runSpans = [
      ...repeat(40, (i) => run('default@v1', i < 30 ? 'ok' : 'upstream:anthropic-overloaded', 1000 + i)),
      ...repeat(40, (i) => run('concise@v1', i < 38 ? 'ok' : 'upstream:anthropic-overloaded', 500 + i)),
      run(undefined, 'ok', 50),
    ];
    const callSpans = [call('default@v1', 1000, 200), call('default@v1', 1000, 200), call('concise@v1', 900, 100)];
    const imports: EvalImportRecord[] = [{
      id: 'eval_1', importedAt: '2026-03-10T15:00:00.000Z', runAt: '2026-03-10T14:00:00.000Z', cases: 4, routeRight: 4, routeWrong: 0, passed: 3,
      byVariant: {
        'default@v1': { cases: 2, passed: 1, judged: 2, judgeSums: { accuracy: 8, actionability: 6, risk_considerations: 7, professional_tone: 10 } },
        'concise@v1': { cases: 2, passed: 2, judged: 0, judgeSums: { accuracy: 0, actionability: 0, risk_considerations: 0, professional_tone: 0 } },
      },
    }];
    const result = compareVariants({
      runSpans, callSpans, imports, baseline: 'default@v1', include: ['risk-first@v1'], minimum: 20,
      feedback: [...repeat(3, () => feedback('default@v1', 'good')), feedback('default@v1', 'bad'), feedback('concise@v1', 'good')],
    });
    expect(result.unlabelledTurns).toBe(1);
    expect(result.rows.map((row) => row.variant)).toEqual(['default@v1', 'concise@v1', 'risk-first@v1']);
    const [base, concise, risk] = result.rows;
    if (!base || !concise || !risk) throw new Error('expected three rows');
    expect(base.success).toMatchObject({ successes: 30, n: 40, rate: 0.75, vsBaseline: { kind: 'baseline' } });
    expect(concise.success).toMatchObject({ successes: 38, n: 40, rate: 0.95 });
    // 30/40 against 38/40: pooled 0.85, se = √(0.85·0.15·(2/40)) = 0.079844, z = 0.2/0.079844 = 2.5049, p = 0.01225.
    expect(concise.success.vsBaseline).toMatchObject({ kind: 'tested', significant: true });
    if (concise.success.vsBaseline.kind !== 'tested') throw new Error('expected a test');
    expect(concise.success.vsBaseline.p).toBeCloseTo(0.01225, 4);
    expect(base.feedback).toMatchObject({ successes: 3, n: 4, bad: 1, rate: 0.75 });
    expect(concise.feedback.vsBaseline).toEqual({ kind: 'not-enough-data', minimum: 20 });
    expect(concise.feedback.note).toBe('Not enough data (at least 20 in each variant)');
    expect(concise.success.note).toBe('+20.0 points, p = 0.012: unlikely to be chance');
    expect(base.success.note).toBeNull();
    expect(base.evaluation).toMatchObject({ successes: 1, n: 2, judged: 2, judgeMeans: { accuracy: 4, actionability: 3, risk_considerations: 3.5, professional_tone: 5 } });
    expect(concise.evaluation).toMatchObject({ successes: 2, n: 2, judged: 0, judgeMeans: null });
    expect(base.tokens).toEqual({ total: 2400, perTurn: 60 });
    expect(concise.tokens).toEqual({ total: 1000, perTurn: 25 });
    expect(base.latency).toEqual({ p50Ms: 1019, p95Ms: 1037 });
    expect(risk).toMatchObject({ success: { n: 0, rate: null, interval: null }, tokens: { total: 0, perTurn: null }, latency: { p50Ms: null, p95Ms: null } });
    expect(risk.success.vsBaseline).toEqual({ kind: 'not-enough-data', minimum: 20 });
  });
});
