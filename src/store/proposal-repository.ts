import type { z } from 'zod';
import { cancelProposalSchema, type CancelProposal } from '../protocol/cancel-proposal';
import { proposalSchema, type Proposal, type ProposalStatus } from '../protocol/proposal';
import { assertTransition } from '../protocol/proposal-lifecycle';
import type { Clock } from '../platform/clock';
import type { CleraDatabase, ProposalRow } from './db';

/** What the proposals table holds: an order proposal or a cancel proposal, each with its status, revision and times. */
interface ProposalRecord {
  id: string;
  conversationId: string;
  runId: string;
  status: ProposalStatus;
  version: 1;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/** A status change: allowed only while the saved status is one of `from`, and only where the state machine allows it. */
export interface ProposalMove<P extends ProposalRecord = Proposal> {
  from: readonly ProposalStatus[];
  to: ProposalStatus;
  /**
   * Runs inside the transaction on the saved proposal, once its status matched, before anything is written: throwing
   * refuses the move (the error reaches the caller and nothing is saved). `read` sees the other proposals in the same
   * transaction, so what it counts (today's orders, for the daily limits) cannot change before the move is saved.
   */
  check?: (current: P, read: ProposalReader<P>) => Promise<void> | void;
}

/** Reads available to a move's check, inside its transaction. */
export interface ProposalReader<P extends ProposalRecord = Proposal> {
  withStatus(statuses: readonly ProposalStatus[]): Promise<P[]>;
}

export interface ProposalRepository<P extends ProposalRecord = Proposal> {
  create(proposal: P): Promise<void>;
  get(id: string): Promise<P | undefined>;
  forConversation(conversationId: string): Promise<P[]>;
  withStatus(statuses: readonly ProposalStatus[]): Promise<P[]>;
  /**
   * Compare-and-set: moves the proposal to `move.to` (with `change` applied) only while the saved status is one of
   * `move.from`, inside one transaction, and returns the saved result (undefined when the status had already moved
   * on). Two clicks, two panels or a retry racing for the same proposal: exactly one wins. A move the state machine
   * (src/protocol/proposal-lifecycle.ts) does not allow is refused with IllegalTransitionError and nothing is saved.
   * Every save adds one to the proposal's revision.
   */
  transition(id: string, move: ProposalMove<P>, change?: (current: P) => P): Promise<P | undefined>;
}

export type CancelProposalRepository = ProposalRepository<CancelProposal>;

/** Order proposals. A row of the other kind does not parse as one (it has no draft) and is left out. */
export function createProposalRepository(db: CleraDatabase, clock: Clock): ProposalRepository {
  return createRecordRepository(db, clock, proposalSchema);
}

/** Cancel proposals, in the same table and through the same state machine as order proposals. */
export function createCancelProposalRepository(db: CleraDatabase, clock: Clock): CancelProposalRepository {
  return createRecordRepository(db, clock, cancelProposalSchema);
}

function createRecordRepository<P extends ProposalRecord>(db: CleraDatabase, clock: Clock, schema: z.ZodType<P>): ProposalRepository<P> {
  const parse = (row: ProposalRow | undefined): P | undefined => {
    const parsed = schema.safeParse(row?.value);
    return parsed.success ? parsed.data : undefined;
  };
  const toRow = (proposal: P): ProposalRow => ({
    id: proposal.id,
    conversationId: proposal.conversationId,
    runId: proposal.runId,
    status: proposal.status,
    version: proposal.version,
    value: schema.parse(proposal),
    createdAt: proposal.createdAt,
    updatedAt: proposal.updatedAt,
  });
  async function withStatus(statuses: readonly ProposalStatus[]): Promise<P[]> {
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
        const next: P = { ...change(current), status: move.to, revision: current.revision + 1, updatedAt: clock.now().toISOString() };
        await db.proposals.put(toRow(next));
        return next;
      });
    },
  };
}
