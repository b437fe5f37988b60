import { AppError, userInputError } from './errors';
import { proposalStatuses, type Proposal, type ProposalStatus } from './proposal';

/**
 * The proposal state machine: every status a proposal may move to from each status, in one table. The proposal
 * repository's compare-and-set refuses any other move, so no code path can, say, confirm an expired proposal or
 * re-open a filled one. A status listed in its own row may be saved again with new details (an edit, a new quote,
 * a broker update that keeps the status).
 *
 * `unknown` sits between `submitting` and `submitted`/`failed`: any failure after the intent was recorded (a lost
 * answer with failing look-ups, a storage error after the broker accepted the order, a stop) lands there, and only
 * what the broker says moves it on; it never goes back to `pending`, so nothing offers to send it again. A cancel proposal (src/protocol/cancel-proposal.ts) uses the same rows: `rejected` is
 * "Keep order", `submitting` the recorded decision before the cancel request, `submitted` a cancel the broker accepted.
 */
export const proposalTransitions = {
  // Waiting for the user: edits and re-pricing keep it pending; Confirm sends it; Reject or the TTL end it.
  pending: ['pending', 'submitting', 'rejected', 'expired'],
  // Intent recorded before the POST: the broker's answer (or the look-up by client_order_id) decides; any failure to
  // learn it makes the outcome unknown.
  submitting: ['submitted', 'failed', 'unknown'],
  // Outcome unknown: follow-ups look the order up by client_order_id (saving each attempt) until the broker has it
  // (submitted, then followed) or, past the look-up window, has no record of it (failed: not placed).
  unknown: ['unknown', 'submitted', 'failed'],
  // The broker has it: followed until it ends.
  submitted: ['submitted', 'partially_filled', 'filled', 'cancelled'],
  // A broker status after a partial fill that is neither filled nor final (e.g. pending_cancel) shows as submitted.
  partially_filled: ['partially_filled', 'submitted', 'filled', 'cancelled'],
  // "Not placed" after an unknown outcome: an order the broker turns out to have after all is followed again.
  failed: ['submitted'],
  filled: [],
  cancelled: [],
  rejected: [],
  expired: [],
} as const satisfies Record<ProposalStatus, readonly ProposalStatus[]>;

export function canTransition(from: ProposalStatus, to: ProposalStatus): boolean {
  return (proposalTransitions[from] as readonly ProposalStatus[]).includes(to);
}

/** Statuses nothing moves on from. */
export const terminalProposalStatuses: readonly ProposalStatus[] = proposalStatuses.filter((status) => proposalTransitions[status].length === 0);

/** A move the table does not allow: a bug in the caller, never a user's doing. */
export class IllegalTransitionError extends AppError {
  readonly from: ProposalStatus;
  readonly to: ProposalStatus;
  constructor(from: ProposalStatus, to: ProposalStatus) {
    super({ kind: 'internal', code: 'illegal-transition', message: `A proposal cannot move from ${from} to ${to}.`, details: { from, to } });
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.to = to;
  }
}

/** Throws IllegalTransitionError unless the table allows `from` → `to`. */
export function assertTransition(from: ProposalStatus, to: ProposalStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

/** What the card showed when the user pressed Confirm: the proposal's revision, its draft and its blocked flag. */
export interface ShownProposal {
  revision: number;
  draft: Proposal['draft'];
  blocked: boolean;
}

const draftFields = ['side', 'symbol', 'amount', 'quantity', 'type', 'limit_price', 'time_in_force'] as const;
const sameDraft = (a: Proposal['draft'], b: Proposal['draft']) => draftFields.every((field) => a[field] === b[field]);

/**
 * Why the saved proposal is no longer the one the card showed (its draft, its blocked flag, or any later save such as
 * an edit or a new quote), as a sentence for the user; null when it is exactly what was shown.
 */
export function changeSinceShown(current: Proposal, shown: ShownProposal): string | null {
  const after = 'Nothing was sent. Review the card and confirm again if it is right.';
  if (!sameDraft(current.draft, shown.draft)) return `The order changed after you looked at it: it is now "${current.description}". ${after}`;
  if (current.blocked !== shown.blocked) return current.blocked ? 'A rule now blocks this order, so nothing was sent. Review the card.' : `The checks on this order changed after you looked at it. ${after}`;
  if (current.revision !== shown.revision) return `The order's details were updated after you looked at it. ${after}`;
  return null;
}

/** Throws the `proposal-changed` refusal unless the saved proposal is exactly the one the card showed. */
export function assertUnchanged(current: Proposal, shown: ShownProposal): void {
  const change = changeSinceShown(current, shown);
  if (change) throw userInputError('proposal-changed', change, { revision: current.revision, shownRevision: shown.revision });
}
