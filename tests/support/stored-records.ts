import { randomIds, systemClock, type Clock } from '../../src/platform/clock';
import { openVault } from '../../src/platform/vault';
import type { CleraDatabase } from '../../src/store/db';
import { createKeyRepository } from '../../src/store/key-repository';
import { createConversationRepository } from '../../src/store/conversation-repository';
import { createRunRepository } from '../../src/store/run-repository';
import { createCancelProposalRepository, createProposalRepository } from '../../src/store/proposal-repository';
import { createSummaryRepository } from '../../src/store/summary-repository';
import { createRecordSealer } from '../../src/store/sealed-record';
import type { Proposal } from '../../src/protocol/proposal';

/**
 * The repositories over a database the app wrote, with the app's own vault (its keys are in the database): how a
 * test, the evaluation harness or a benchmark reads sealed rows (runs, proposals, messages) back.
 */
export async function storedRecords(db: CleraDatabase, clock: Clock = systemClock) {
  const vault = await openVault(createKeyRepository(db));
  return {
    vault,
    conversations: createConversationRepository(db, vault, clock, randomIds),
    runs: createRunRepository(db, vault, clock, randomIds),
    proposals: createProposalRepository(db, vault, clock),
    cancels: createCancelProposalRepository(db, vault, clock),
    summaries: createSummaryRepository(db, vault),
  };
}

/** Every run of a conversation, oldest first, opened. */
export async function runsOf(db: CleraDatabase, conversationId: string) {
  const { runs } = await storedRecords(db);
  const rows = await db.runs.where('conversationId').equals(conversationId).toArray();
  const opened = await Promise.all(rows.map((row) => runs.get(row.id)));
  return opened.flatMap((run) => (run ? [run] : [])).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Every stored run, oldest first, opened. */
export async function allRuns(db: CleraDatabase) {
  const { runs } = await storedRecords(db);
  const opened = await Promise.all((await db.runs.toArray()).map((row) => runs.get(row.id)));
  return opened.flatMap((run) => (run ? [run] : [])).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Rewrites a saved proposal as it is (no state machine, no new stamp), sealed like the app seals it. */
export async function rewriteProposal(db: CleraDatabase, id: string, change: (proposal: Proposal) => Proposal): Promise<void> {
  const { vault, proposals } = await storedRecords(db);
  const [row, current] = [await db.proposals.get(id), await proposals.get(id)];
  if (!row || !current) throw new Error(`no proposal ${id}`);
  const value = change(structuredClone(current));
  await db.proposals.put({ ...row, status: value.status, updatedAt: value.updatedAt, sealed: await createRecordSealer(vault).seal('proposals', id, value) });
}
