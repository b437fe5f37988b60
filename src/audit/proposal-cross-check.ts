import type { AuditEventType, AuditVerification } from '../protocol/audit';
import type { DecodedRow } from './chain-check';
import { tamperedWith } from './chain-check';
import type { ProposalFacts } from './types';

/**
 * How far along a proposal is, as its status says and as an audit entry about it says: decided-on (0), confirmed (1),
 * at the broker (2), ended (3). Every move of a proposal is followed by its entry, so a stored proposal further along
 * than the log's last entry about it means the entries after that one are missing.
 */
const statusStage: Record<string, number> = { pending: 0, submitting: 1, unknown: 2, submitted: 2, partially_filled: 2, failed: 2, filled: 3, cancelled: 3, rejected: 3, expired: 3 };
const entryStage: Record<AuditEventType, number> = {
  proposed: 0, rules: 0, edited: 0, confirmed: 1, 'outcome-unknown': 2, submitted: 2, 'broker-response': 2, failed: 2, filled: 3, cancelled: 3, rejected: 3, kept: 3, expired: 3,
};

/**
 * Cross-checks an intact log's last entry against the proposals: the proposal it names must not have moved on since,
 * and no proposal may have been made after it (each one's first entry, "proposed", follows its creation). Either means
 * the log ends before the trades do: an older copy of the audit tables was put back.
 */
export async function crossCheckProposals(decoded: readonly DecodedRow[], proposals: ProposalFacts | undefined): Promise<AuditVerification | null> {
  const last = decoded.at(-1)?.entry;
  if (!proposals || !last) return null;
  const checked = decoded.length;
  const status = await proposals.status(last.proposalId);
  if (status !== undefined && (statusStage[status] ?? 0) > entryStage[last.type]) {
    return tamperedWith('rolled back', checked, last.seq + 1, `the last entry (#${String(last.seq)}, ${last.type}) is behind proposal ${last.proposalId}, which is now ${status}; later entries are missing`);
  }
  const newer = (await proposals.createdAfter(last.at)).filter((proposal) => proposal.id !== last.proposalId);
  const first = newer[0];
  if (first) {
    return tamperedWith('rolled back', checked, last.seq + 1, `proposal ${first.id} was made after the last entry (#${String(last.seq)}) but the log has nothing about it; later entries are missing`);
  }
  return null;
}
