import { describe, expect, it } from 'vitest';
import { evalImportSchema, routeWasRight } from './eval-import';

const file = {
  format: 'clera-eval-results',
  version: 1,
  runAt: '2026-03-01T12:00:00.000Z',
  label: 'sonnet-5 baseline',
  cases: [
    { id: 'route-001', expectedRoute: 'financial_analyst', actualRoute: 'financial_analyst', passed: true },
    { id: 'route-002', expectedRoute: 'portfolio_manager', actualRoute: 'direct', passed: false },
  ],
};

describe('evalImportSchema', () => {
  it('accepts an evaluation results file', () => {
    const parsed = evalImportSchema.parse(file);
    expect(parsed.cases.map(routeWasRight)).toEqual([true, false]);
  });

  it.each([
    ['another format', { ...file, format: 'junit' }],
    ['a newer version', { ...file, version: 2 }],
    ['no cases', { ...file, cases: [] }],
    ['a case without its actual route', { ...file, cases: [{ id: 'x', expectedRoute: 'direct', passed: true }] }],
    ['a time without a zone', { ...file, runAt: '2026-03-01 12:00' }],
  ])('rejects %s', (_name, value) => {
    expect(evalImportSchema.safeParse(value).success).toBe(false);
  });
});
