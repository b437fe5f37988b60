import { proposalSchema, type Proposal, type ProposalStatus } from '../protocol/proposal';
import { assertTransition } from '../protocol/proposal-lifecycle';
import type { Clock } from '../platform/clock';
import type { CleraDatabase, ProposalRow } from './db';

/** A status change: allowed only while the saved status is one of `from`, and only where the state machine allows it. */
export interface ProposalMove {
  from: readonly ProposalStatus[];
  to: ProposalStatus;
  /**
   * Runs inside the transaction on the saved proposal, once its status matched, before anything is written: throwing
   * refuses the move (the error reaches the caller and nothing is saved). `read` sees the other proposals in the same
   * transaction, so what it counts (today's orders, for the daily limits) cannot change before the move is saved.
   */
  check?: (current: Proposal, read: ProposalReader) => Promise<void> | void;
}

/** Reads available to a move's check, inside its transaction. */
export interface ProposalReader {
  withStatus(statuses: readonly ProposalStatus[]): Promise<Proposal[]>;
}

export interface ProposalRepository {
  create(proposal: Proposal): Promise<void>;
  get(id: string): Promise<Proposal | undefined>;
  forConversation(conversationId: string): Promise<Proposal[]>;
  withStatus(statuses: readonly ProposalStatus[]): Promise<Proposal[]>;
  /**
   * Compare-and-set: moves the proposal to `move.to` (with `change` applied) only while the saved status is one of
   * `move.from`, inside one transaction, and returns the saved result (undefined when the status had already moved
   * on). Two clicks, two panels or a retry racing for the same proposal: exactly one wins. A move the state machine
   * (src/protocol/proposal-lifecycle.ts) does not allow is refused with IllegalTransitionError and nothing is saved.
   * Every save adds one to the proposal's revision.
   */
  transition(id: string, move: ProposalMove, change?: (current: Proposal) => Proposal): Promise<Proposal | undefined>;
}

export function createProposalRepository(db: CleraDatabase, clock: Clock): ProposalRepository {
  const parse = (row: ProposalRow | undefined): Proposal | undefined => {
    const parsed = proposalSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : undefined;
  };
  const toRow = (proposal: Proposal): ProposalRow => ({
    id: proposal.id,
    conversationId: proposal.conversationId,
    runId: proposal.runId,
    status: proposal.status,
    version: proposal.version,
    value: proposalSchema.parse(proposal),
    createdAt: proposal.createdAt,
    updatedAt: proposal.updatedAt,
  });
  async function withStatus(statuses: readonly ProposalStatus[]): Promise<Proposal[]> {
    const rows = await db.proposals.where('status').anyOf([...statuses]).toArray();
    return rows.flatMap((row) => parse(row) ?? []);
  }
  return {
    async create(proposal) {
      await db.proposals.add(toRow(proposal));
    },
    async get(id) {
      return parse(await db.proposals.get(id));
    },
    async forConversation(conversationId) {
      const rows = await db.proposals.where('conversationId').equals(conversationId).sortBy('createdAt');
      return rows.flatMap((row) => parse(row) ?? []);
    },
    withStatus,
    async transition(id, move, change = (current) => current) {
      // Every move the caller declares must be one the table allows, whatever the saved status happens to be.
      for (const from of move.from) assertTransition(from, move.to);
      return db.transaction('rw', db.proposals, async () => {
        const current = parse(await db.proposals.get(id));
        if (!current || !move.from.includes(current.status)) return undefined;
        await move.check?.(current, { withStatus });
        const next: Proposal = { ...change(current), status: move.to, revision: current.revision + 1, updatedAt: clock.now().toISOString() };
        await db.proposals.put(toRow(next));
        return next;
      });
    },
  };
}
