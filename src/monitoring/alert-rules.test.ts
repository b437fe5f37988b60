import { describe, expect, it } from 'vitest';
import { alertTransitions, checkRule, defaultAlertRules } from './alert-rules';
import type { AgentRow, MetricsReport } from '../protocol/metrics';

const rule = (id: string) => {
  const found = defaultAlertRules.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};
const agent = (name: string, calls: number, ok: number): AgentRow => ({
  name,
  calls,
  successRate: calls === 0 ? null : ok / calls,
  errors: {},
  p50Ms: 1,
  p95Ms: 1,
  tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
  costUsd: '0.000000',
  fallbackRate: 0,
  turns: 0,
  turnSuccessRate: null,
});
const report = (patch: Partial<MetricsReport>): MetricsReport =>
  ({
    agents: [],
    summary: { turns: 0, answerP95Ms: null, costUsd: '0.000000' },
    routing: { accuracy: { labelled: 0, right: 0, accuracy: null, minimum: 20, sources: { feedback: 0, handoffs: 0, evaluation: 0 } } },
    ...patch,
  }) as MetricsReport;

describe('checkRule', () => {
  it.each([
    // 8 of 10 = 0.80 < 0.90 fires; 9 of 10 = 0.90 does not; 4 of 5 is below the minimum of 10 calls
    [agent('financial_analyst', 10, 8), 'firing'],
    [agent('financial_analyst', 10, 9), 'ok'],
    [agent('financial_analyst', 5, 4), 'unknown'],
    [agent('financial_analyst', 0, 0), 'no-data'],
  ] as const)('judges an agent success rate %#', (row, status) => {
    expect(checkRule(rule('agent-success-rate'), report({ agents: [row] }))[0]?.status).toBe(status);
  });

  it.each([
    [{ labelled: 20, right: 16, accuracy: 0.8 }, 'firing'],
    [{ labelled: 20, right: 17, accuracy: 0.85 }, 'ok'],
    [{ labelled: 19, right: 0, accuracy: null }, 'unknown'],
    [{ labelled: 0, right: 0, accuracy: null }, 'no-data'],
  ] as const)('judges routing accuracy %#', (accuracy, status) => {
    const routing = { routes: {}, handoffs: 0, accuracy: { ...accuracy, minimum: 20, sources: { feedback: 0, handoffs: 0, evaluation: 0 } } };
    expect(checkRule(rule('routing-accuracy'), report({ routing }))[0]?.status).toBe(status);
  });

  it.each([
    [{ turns: 10, answerP95Ms: 30_001, costUsd: '0' }, 'p95-answer-ms', 'firing'],
    [{ turns: 10, answerP95Ms: 30_000, costUsd: '0' }, 'p95-answer-ms', 'ok'],
    [{ turns: 9, answerP95Ms: 90_000, costUsd: '0' }, 'p95-answer-ms', 'unknown'],
    [{ turns: 0, answerP95Ms: null, costUsd: '0.000000' }, 'p95-answer-ms', 'no-data'],
    [{ turns: 0, answerP95Ms: null, costUsd: '0.000000' }, 'daily-cost-usd', 'no-data'],
    [{ turns: 3, answerP95Ms: 1, costUsd: '5.000001' }, 'daily-cost-usd', 'firing'],
    [{ turns: 3, answerP95Ms: 1, costUsd: '5.000000' }, 'daily-cost-usd', 'ok'],
  ] as const)('judges a ceiling %#', (summary, id, status) => {
    expect(checkRule(rule(id), report({ summary: summary as MetricsReport['summary'] }))[0]?.status).toBe(status);
  });
});

describe('alertTransitions', () => {
  const firing = { ruleId: 'agent-success-rate' as const, subject: 'financial_analyst', status: 'firing' as const, message: '' };
  it('fires a new alert once and not again while it is open', () => {
    expect(alertTransitions([firing], []).fire).toEqual([firing]);
    expect(alertTransitions([firing], [{ id: 'a1', ruleId: 'agent-success-rate', subject: 'financial_analyst' }]).fire).toEqual([]);
  });
  it('clears an open alert when the rule is judged healthy, and keeps it when there are too few samples', () => {
    const open = [{ id: 'a1', ruleId: 'agent-success-rate' as const, subject: 'financial_analyst' }];
    expect(alertTransitions([{ ...firing, status: 'ok' }], open).clear).toEqual(open);
    expect(alertTransitions([{ ...firing, status: 'unknown' }], open).clear).toEqual([]);
  });
  it('clears an open alert as "no data" when its metric has no samples in the window', () => {
    const open = [{ id: 'a1', ruleId: 'agent-success-rate' as const, subject: 'financial_analyst' }];
    // The agent made no calls in the window: the rule gives no verdict for it at all.
    expect(alertTransitions([], open, ['agent-success-rate']).noData).toEqual(open);
    expect(alertTransitions([{ ...firing, status: 'no-data' }], open, ['agent-success-rate']).noData).toEqual(open);
    expect(alertTransitions([{ ...firing, status: 'no-data' }], open, ['agent-success-rate']).clear).toEqual([]);
  });
});
