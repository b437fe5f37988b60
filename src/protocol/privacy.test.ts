import { describe, expect, it } from 'vitest';
import { currentConsent, defaultConsent, type ConsentEntry } from './privacy';

const entry = (id: string, category: ConsentEntry['category'], granted: boolean, at: string): ConsentEntry => ({ id, category, granted, at });

describe('currentConsent', () => {
  it.each([
    { name: 'an empty ledger keeps every default', ledger: [], category: 'page-text' as const, granted: defaultConsent['page-text'], changedAt: null },
    {
      name: 'the latest change wins, whatever the order of the rows',
      ledger: [entry('b', 'metrics', true, '2026-03-10T12:00:00.000Z'), entry('a', 'metrics', false, '2026-03-10T11:00:00.000Z')],
      category: 'metrics' as const,
      granted: true,
      changedAt: '2026-03-10T12:00:00.000Z',
    },
    {
      name: 'two changes in the same millisecond are ordered by id',
      ledger: [entry('consent_2', 'history', false, '2026-03-10T12:00:00.000Z'), entry('consent_1', 'history', true, '2026-03-10T12:00:00.000Z')],
      category: 'history' as const,
      granted: false,
      changedAt: '2026-03-10T12:00:00.000Z',
    },
    {
      name: 'a change to one category leaves the others at their default',
      ledger: [entry('a', 'memories', false, '2026-03-10T12:00:00.000Z')],
      category: 'evaluation' as const,
      granted: defaultConsent.evaluation,
      changedAt: null,
    },
  ])('$name', ({ ledger, category, granted, changedAt }) => {
    expect(currentConsent(ledger)[category]).toEqual({ granted, changedAt });
  });
});
