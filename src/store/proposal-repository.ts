import type { z } from 'zod';
import { cancelProposalSchema, type CancelProposal } from '../protocol/cancel-proposal';
import { proposalSchema, type Proposal, type ProposalStatus } from '../protocol/proposal';
import { assertTransition } from '../protocol/proposal-lifecycle';
import { AppError } from '../protocol/errors';
import type { Clock } from '../platform/clock';
import type { Vault } from '../platform/vault';
import type { CleraDatabase, ProposalRow } from './db';
import { createRecordSealer, isSealedRow } from './sealed-record';

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
   * Runs on the saved proposal, once its status matched, before anything is written: throwing refuses the move (the
   * error reaches the caller and nothing is saved). What `read` returned is checked again in the write's transaction
   * (the same rows, unchanged); if another writer changed any of them the move starts over and the check runs again,
   * so what it counts (today's orders, for the daily limits) cannot change before the move is saved.
   */
  check?: (current: P, read: ProposalReader<P>) => Promise<void> | void;
}

/** Reads available to a move's check (validated again when the move is written). */
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
   * `move.from`, and returns the saved result (undefined when the status had already moved on). The write happens in
   * one transaction only if the stored row is still the one `change` saw (else it starts over, so `check` and `change`
   * may run more than once; `change` must be pure). Two clicks, two panels or a retry racing for the same proposal:
   * exactly one wins. A move the state machine (src/protocol/proposal-lifecycle.ts) does not allow is refused with
   * IllegalTransitionError and nothing is saved. Every save adds one to the proposal's revision.
   */
  transition(id: string, move: ProposalMove<P>, change?: (current: P) => P): Promise<P | undefined>;
}

export type CancelProposalRepository = ProposalRepository<CancelProposal>;

/** Order proposals. A row of the other kind does not parse as one (it has no draft) and is left out. */
export function createProposalRepository(db: CleraDatabase, vault: Vault, clock: Clock): ProposalRepository {
  return createRecordRepository(db, vault, clock, proposalSchema);
}

/** Cancel proposals, in the same table and through the same state machine as order proposals. */
export function createCancelProposalRepository(db: CleraDatabase, vault: Vault, clock: Clock): CancelProposalRepository {
  return createRecordRepository(db, vault, clock, cancelProposalSchema);
}

/** A compare-and-set that keeps losing to other writers gives up after this many tries. */
const MAX_TRANSITION_ATTEMPTS = 20;

/** Which stored version of a row a change was computed against: a fresh IV per seal makes every write distinct. */
const rowStamp = (row: ProposalRow | undefined): string =>
  row === undefined ? '' : isSealedRow(row) ? JSON.stringify(row.sealed) : JSON.stringify([row.status, row.updatedAt, row.value ?? null]);

/**
 * Proposals with their draft, estimate, rules and broker outcome sealed (the vault, `proposals/<id>` as additional
 * data); the row keeps ids, status, version and times in the clear for the queries.
 */
function createRecordRepository<P extends ProposalRecord>(db: CleraDatabase, vault: Vault, clock: Clock, schema: z.ZodType<P>): ProposalRepository<P> {
  const sealer = createRecordSealer(vault);
  const parse = async (row: ProposalRow | undefined): Promise<P | undefined> => {
    if (!row) return undefined;
    if (isSealedRow(row)) return sealer.open('proposals', row.id, row.sealed, schema);
    const parsed = schema.safeParse(row.value);
    return parsed.success ? parsed.data : undefined;
  };
  const toRow = async (proposal: P): Promise<ProposalRow> => ({
    id: proposal.id,
    conversationId: proposal.conversationId,
    runId: proposal.runId,
    status: proposal.status,
    version: proposal.version,
    createdAt: proposal.createdAt,
    updatedAt: proposal.updatedAt,
    sealed: await sealer.seal('proposals', proposal.id, schema.parse(proposal)),
  });
  const parseAll = async (rows: readonly ProposalRow[]) => (await Promise.all(rows.map(parse))).flatMap((proposal) => proposal ?? []);
  /** Reads for a move's check that remember what they saw (ids and stamps), to validate it again at the write. */
  function recordingReader() {
    const seen: { statuses: ProposalStatus[]; stamps: string }[] = [];
    const stampsOf = (rows: readonly ProposalRow[]) => JSON.stringify(rows.map((row) => [row.id, rowStamp(row)]).sort());
    const query = (statuses: readonly ProposalStatus[]) => db.proposals.where('status').anyOf([...statuses]).toArray();
    const reader: ProposalReader<P> = {
      async withStatus(statuses) {
        const rows = await query(statuses);
        seen.push({ statuses: [...statuses], stamps: stampsOf(rows) });
        return parseAll(rows);
      },
    };
    return {
      reader,
      /** Inside the write transaction: whether every read would still see the same rows (index reads, no WebCrypto). */
      async unchanged() {
        for (const read of seen) if (stampsOf(await query(read.statuses)) !== read.stamps) return false;
        return true;
      },
    };
  }
  return {
    async create(proposal) {
      await db.proposals.add(await toRow(proposal));
    },
    async get(id) {
      return parse(await db.proposals.get(id));
    },
    async forConversation(conversationId) {
      return parseAll(await db.proposals.where('conversationId').equals(conversationId).sortBy('createdAt'));
    },
    async withStatus(statuses) {
      return parseAll(await db.proposals.where('status').anyOf([...statuses]).toArray());
    },
    async transition(id, move, change = (current) => current) {
      // Every move the caller declares must be one the table allows, whatever the saved status happens to be.
      for (const from of move.from) assertTransition(from, move.to);
      // Opening and sealing need WebCrypto, which cannot be awaited inside an IndexedDB transaction (it would commit
      // early): the new row is computed first, and one short transaction writes it only if the stored row (and every
      // row the check read) is still the one it was computed from; otherwise the move starts over.
      for (let attempt = 1; attempt <= MAX_TRANSITION_ATTEMPTS; attempt++) {
        const row = await db.proposals.get(id);
        const current = await parse(row);
        if (!current || !move.from.includes(current.status)) return undefined;
        const reads = recordingReader();
        await move.check?.(current, reads.reader);
        const next: P = { ...change(current), status: move.to, revision: current.revision + 1, updatedAt: clock.now().toISOString() };
        const nextRow = await toRow(next);
        const written = await db.transaction('rw', db.proposals, async () => {
          if (rowStamp(await db.proposals.get(id)) !== rowStamp(row)) return false;
          if (!(await reads.unchanged())) return false;
          await db.proposals.put(nextRow);
          return true;
        });
        if (written) return next;
      }
      throw new AppError({ kind: 'internal', code: 'proposal-conflict', message: 'The order proposal kept changing while Clera saved it. Try again.', retryable: true });
    },
  };
}

/**
 * What the audit log's cross-check reads of the proposals: status and creation time, plain columns of the row (no
 * opening needed). Proposals created after `at` are found through the `updatedAt` index (a row is never updated
 * before it is created).
 */
export function proposalFacts(db: CleraDatabase) {
  return {
    async status(id: string): Promise<string | undefined> {
      return (await db.proposals.get(id))?.status;
    },
    async createdAfter(at: string): Promise<{ id: string; status: string; createdAt: string }[]> {
      const rows = await db.proposals.where('updatedAt').above(at).filter((row) => row.createdAt > at).toArray();
      return rows.map((row) => ({ id: row.id, status: row.status, createdAt: row.createdAt })).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
  };
}
