import { describe, expect, it } from 'vitest';
import { findRegressions } from './regressions';

const result = (caseId: string, statuses: Record<string, string>, variant = 'default@v1') => ({
  caseId,
  variant,
  passed: !Object.values(statuses).includes('fail'),
  grades: Object.entries(statuses).map(([grader, status]) => ({ grader, status })),
});

describe('regressions against the last saved run', () => {
  it('reports a grader that passed before and fails now', () => {
    const before = [result('a', { route: 'pass', tools: 'pass' }), result('b', { route: 'pass' })];
    const now = [result('a', { route: 'pass', tools: 'fail' }), result('b', { route: 'pass' })];
    expect(findRegressions(before, now)).toEqual([{ caseId: 'a', variant: 'default@v1', graders: ['tools'] }]);
  });

  it('ignores failures that were already there, new cases and other variants', () => {
    const before = [result('a', { route: 'fail' }), result('c', { route: 'pass' }, 'concise@v1')];
    const now = [result('a', { route: 'fail' }), result('new', { route: 'fail' }), result('c', { route: 'fail' })];
    expect(findRegressions(before, now)).toEqual([]);
  });

  it('counts a failure in any trial as failing', () => {
    const before = [result('a', { route: 'pass' }), result('a', { route: 'pass' })];
    const now = [result('a', { route: 'pass' }), result('a', { route: 'fail' })];
    expect(findRegressions(before, now)).toHaveLength(1);
  });
});
