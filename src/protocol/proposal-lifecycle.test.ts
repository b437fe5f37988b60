import { describe, expect, it } from 'vitest';
import { proposalStatuses, type ProposalStatus } from './proposal';
import { IllegalTransitionError, assertTransition, canTransition, terminalProposalStatuses } from './proposal-lifecycle';

/** The allowed moves, written out independently of the table: the specification the table must match. */
const allowed: readonly (readonly [ProposalStatus, ProposalStatus])[] = [
  ['pending', 'pending'],
  ['pending', 'submitting'],
  ['pending', 'rejected'],
  ['pending', 'expired'],
  ['submitting', 'submitted'],
  ['submitting', 'failed'],
  ['submitted', 'submitted'],
  ['submitted', 'partially_filled'],
  ['submitted', 'filled'],
  ['submitted', 'cancelled'],
  ['partially_filled', 'partially_filled'],
  ['partially_filled', 'submitted'],
  ['partially_filled', 'filled'],
  ['partially_filled', 'cancelled'],
  ['failed', 'submitted'],
];
const isAllowed = (from: ProposalStatus, to: ProposalStatus) => allowed.some(([a, b]) => a === from && b === to);

const everyPair = proposalStatuses.flatMap((from) => proposalStatuses.map((to) => ({ from, to, legal: isAllowed(from, to) })));

describe('proposal state machine', () => {
  it('covers every pair of statuses', () => {
    expect(everyPair).toHaveLength(proposalStatuses.length ** 2);
  });

  it.each(everyPair.filter((pair) => pair.legal))('allows $from → $to', ({ from, to }) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => { assertTransition(from, to); }).not.toThrow();
  });

  it.each(everyPair.filter((pair) => !pair.legal))('refuses $from → $to with a typed error', ({ from, to }) => {
    expect(canTransition(from, to)).toBe(false);
    let thrown: unknown;
    try {
      assertTransition(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IllegalTransitionError);
    expect(thrown).toMatchObject({ kind: 'internal', code: 'illegal-transition', from, to, details: { from, to } });
  });

  it('ends in filled, cancelled, rejected and expired only', () => {
    expect([...terminalProposalStatuses].sort()).toEqual(['cancelled', 'expired', 'filled', 'rejected']);
  });

  it('never goes back to pending once the user decided, and never sends twice', () => {
    for (const from of proposalStatuses.filter((status) => status !== 'pending')) {
      expect(canTransition(from, 'pending')).toBe(false);
      expect(canTransition(from, 'submitting')).toBe(false);
    }
  });
});
