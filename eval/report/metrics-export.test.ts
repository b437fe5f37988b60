import { describe, expect, it } from 'vitest';
import { evalImportSchema, tallyByVariant } from '../../src/monitoring/eval-import';
import type { CaseResult } from '../runner';
import type { RunReport } from './run-report';
import { metricsExport } from './metrics-export';

const scored = (score: number) => ({ score, reason: 'Cites the tool result.' });
const verdict = { accuracy: scored(5), actionability: scored(3), risk_considerations: scored(4), professional_tone: scored(5) };

function result(caseId: string, variant: string, judge: CaseResult['judge'], passed = true): CaseResult {
  return {
    caseId, category: 'routing', variant, trial: 0, passed, grades: [], judge, judgeCostUsd: 0,
    outcome: { caseId, status: 'complete', answerText: 'x', agent: 'portfolio_manager', disclosure: false, fallback: null, variant, toolCalls: [{ name: 'get_portfolio_summary', input: {}, ok: true, content: '{}' }], modelCalls: [], orderPosts: 0, proposals: [], context: [], harnessErrors: [], durationMs: 1 },
  };
}

describe('the metrics-view import file', () => {
  it("names each case's variant, carries judge scores only for a valid verdict, and is what the metrics view accepts", () => {
    const results = [
      result('a', 'default@v1', { status: 'ok', verdict, model: 'judge', promptVersion: 'j1' }),
      result('a', 'concise@v1', { status: 'error', error: 'malformed twice', model: 'judge', promptVersion: 'j1' }, false),
      result('b', 'concise@v1', { status: 'not run' }),
    ];
    const report = { finishedAt: '2026-03-10T15:00:00.000Z', modelSource: 'replay', summaries: [{ variant: 'default@v1' }, { variant: 'concise@v1' }], datasetVersion: 1, results } as unknown as RunReport;
    const file = metricsExport(report, new Map([['a', { routes: ['portfolio_manager'], expectsTools: true }], ['b', { routes: ['portfolio_manager'], expectsTools: true }]]));
    const parsed = evalImportSchema.parse(file);
    expect(parsed.cases.map((c) => [c.id, c.variant, c.judge ?? null])).toEqual([
      ['a#default@v1#t0', 'default@v1', { accuracy: 5, actionability: 3, risk_considerations: 4, professional_tone: 5 }],
      ['a#concise@v1#t0', 'concise@v1', null],
      ['b#concise@v1#t0', 'concise@v1', null],
    ]);
    expect(tallyByVariant(parsed.cases)).toEqual({
      'default@v1': { cases: 1, passed: 1, judged: 1, judgeSums: { accuracy: 5, actionability: 3, risk_considerations: 4, professional_tone: 5 } },
      'concise@v1': { cases: 2, passed: 1, judged: 0, judgeSums: { accuracy: 0, actionability: 0, risk_considerations: 0, professional_tone: 0 } },
    });
  });
});
