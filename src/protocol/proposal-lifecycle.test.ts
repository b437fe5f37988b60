import { describe, expect, it } from 'vitest';
import { proposalStatuses, type ProposalStatus } from './proposal';
import { IllegalTransitionError, assertTransition, assertUnchanged, canTransition, changeSinceShown, terminalProposalStatuses } from './proposal-lifecycle';
import type { Proposal } from './proposal';

/** The allowed moves, written out independently of the table: the specification the table must match. */
const allowed: readonly (readonly [ProposalStatus, ProposalStatus])[] = [
  ['pending', 'pending'],
  ['pending', 'submitting'],
  ['pending', 'rejected'],
  ['pending', 'expired'],
  ['submitting', 'submitted'],
  ['submitting', 'failed'],
  ['submitting', 'unknown'],
  ['unknown', 'unknown'],
  ['unknown', 'submitted'],
  ['unknown', 'failed'],
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

  it('leaves an unknown outcome only by what the broker says (submitted, or failed: not placed), never back to a decision', () => {
    expect(proposalStatuses.filter((to) => canTransition('unknown', to)).sort()).toEqual(['failed', 'submitted', 'unknown']);
    expect(proposalStatuses.filter((from) => from !== 'unknown' && canTransition(from, 'unknown'))).toEqual(['submitting']);
  });

  it('never goes back to pending once the user decided, and never sends twice', () => {
    for (const from of proposalStatuses.filter((status) => status !== 'pending')) {
      expect(canTransition(from, 'pending')).toBe(false);
      expect(canTransition(from, 'submitting')).toBe(false);
    }
  });
});

describe('a proposal confirmed as the card showed it', () => {
  const shown = {
    revision: 4,
    draft: { side: 'buy', symbol: 'AAPL', amount: '100.00', type: 'market', time_in_force: 'day' },
    description: 'Buy $100.00 of AAPL, market, day',
    blocked: false,
  } as Proposal;
  const asShown = { revision: 4, draft: shown.draft, blocked: false };
  it.each([
    ['the same revision, draft and blocked flag', {}, null],
    ['a later save (a new quote)', { revision: 5 }, /details were updated/],
    ['an edited amount', { revision: 5, draft: { ...shown.draft, amount: '9000.00' }, description: 'Buy $9,000.00 of AAPL, market, day' }, /it is now "Buy \$9,000\.00 of AAPL, market, day"/],
    ['a limit price added', { revision: 4, draft: { ...shown.draft, type: 'limit' as const, limit_price: '190.00' } }, /changed after you looked/],
    ['a rule that now blocks it', { revision: 5, blocked: true }, /A rule now blocks this order/],
  ])('%s', (_name, change, expected) => {
    const current = { ...shown, ...change };
    const reason = changeSinceShown(current, asShown);
    if (expected === null) {
      expect(reason).toBeNull();
      expect(() => { assertUnchanged(current, asShown); }).not.toThrow();
    } else {
      expect(reason).toMatch(expected);
      expect(() => { assertUnchanged(current, asShown); }).toThrow(expect.objectContaining({ kind: 'user-input', code: 'proposal-changed' }) as Error);
    }
  });
});
