import { describe, expect, it } from 'vitest';
import { placeProposals } from './proposal-placement';
import { proposalFixture } from './proposal.fixture';

describe('order card placement', () => {
  it('puts each card right after the answer of the run that proposed it, oldest first', () => {
    const proposals = [
      proposalFixture({ id: 'p2', runId: 'r1', createdAt: '2025-06-16T14:00:02.000Z' }),
      proposalFixture({ id: 'p1', runId: 'r1', createdAt: '2025-06-16T14:00:01.000Z' }),
      proposalFixture({ id: 'p3', runId: 'r2' }),
    ];
    expect(placeProposals(['u1', 'a1', 'u2', 'a2'], ['', 'r1', '', 'r2'], proposals)).toEqual({ after: { a1: ['p1', 'p2'], a2: ['p3'] }, trailing: [] });
  });

  it('puts a card whose run matches no message after the last message', () => {
    expect(placeProposals(['u1', 'a1'], ['', 'r9'], [proposalFixture({ runId: 'r1' })])).toEqual({ after: {}, trailing: ['p1'] });
  });

  it('uses the last message of a run that wrote several', () => {
    expect(placeProposals(['a1', 'a2'], ['r1', 'r1'], [proposalFixture()])).toEqual({ after: { a2: ['p1'] }, trailing: [] });
  });
});
