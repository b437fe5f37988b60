import { evalCaseSchema, type EvalCase, type EvalCaseInput } from '../dataset/schema';
import type { CaseOutcome } from '../harness/outcome';

/** A valid case with the given expectations (for grader tests). */
export function caseWith(expect: Partial<EvalCaseInput['expect']> & { checks?: EvalCaseInput['expect']['checks'] } = {}, extra: Partial<EvalCaseInput> = {}): EvalCase {
  return evalCaseSchema.parse({
    id: 'fixture-case',
    category: 'routing',
    origin: 'new',
    conversation: [{ role: 'user', text: 'What is Apple trading at?' }],
    judge: ['Gives the price.'],
    script: [{ text: 'ok' }],
    ...extra,
    expect: { route: ['financial_analyst'], ...expect },
  });
}

/** An outcome of a well-behaved turn, with overrides. */
export function outcomeWith(overrides: Partial<CaseOutcome> = {}): CaseOutcome {
  return {
    caseId: 'fixture-case',
    status: 'complete',
    answerText: 'Apple last traded at $231.45.',
    agent: 'financial_analyst',
    disclosure: true,
    fallback: null,
    variant: 'default@v1',
    toolCalls: [{ name: 'get_quote', input: { symbol: 'AAPL' }, ok: true, content: '{"symbol":"AAPL","price":"231.45"}' }],
    modelCalls: [
      { model: 'claude-sonnet-5', tokens: { input: 1000, output: 50, cacheRead: 0, cacheWrite: 0 }, costUsd: 0.0025 },
      { model: 'claude-haiku-4-5', tokens: { input: 800, output: 40, cacheRead: 0, cacheWrite: 0 }, costUsd: 0.001 },
    ],
    orderPosts: 0,
    proposals: [],
    context: ['What is Apple trading at?', '2026-03-10'],
    harnessErrors: [],
    durationMs: 10,
    ...overrides,
  };
}
