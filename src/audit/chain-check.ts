import type { AuditVerification, TamperCase } from '../protocol/audit';
import { isLockedError } from '../protocol/errors';
import { safeParseJson } from '../protocol/json';
import type { Vault } from '../platform/vault';
import { auditEntrySchema, auditHeadSchema, auditRowSchema, chainHash, GENESIS_HASH, sealContext, type AuditEntry, type StoredAuditHead, type StoredAuditRow } from './hash-chain';
import type { HeadSigner } from './head-key';

/** The audit tables as read in one transaction (untrusted: validated here). */
export interface AuditSnapshot {
  rows: unknown[];
  head: unknown;
}

/** One stored row, opened as far as it goes. */
export interface DecodedRow {
  /** The row's place in the table, counting from 1 (what its seq should be). */
  position: number;
  row: StoredAuditRow | null;
  entry: AuditEntry | null;
  /** SHA-256 over the row's prevHash and the decrypted canonical text. */
  computedHash: string | null;
  /** Why the row could not be read, if it could not, as a phrase following "entry #k". */
  problem: string | null;
  /** When the row's ciphertext opens only under another entry's seq: that seq (the entries were moved). */
  movedFrom?: number;
}

export interface ChainDeps {
  vault: Vault;
  subtle: SubtleCrypto;
  signer: HeadSigner;
}

export async function decodeRow(raw: unknown, position: number, deps: Pick<ChainDeps, 'vault' | 'subtle'>): Promise<DecodedRow> {
  const parsed = auditRowSchema.safeParse(raw);
  if (!parsed.success) return { position, row: null, entry: null, computedHash: null, problem: 'has a malformed stored record' };
  const row = parsed.data;
  let plaintext: string;
  try {
    plaintext = await deps.vault.open(row.sealed, sealContext(row.seq));
  } catch (error) {
    // Locked is not tampered: the caller hears it and nothing is judged.
    if (isLockedError(error)) throw error;
    return { position, row, entry: null, computedHash: null, problem: 'cannot be decrypted (its ciphertext was altered or moved from another entry)' };
  }
  const entry = safeParseJson(auditEntrySchema, plaintext);
  if (!entry.ok) return { position, row, entry: null, computedHash: null, problem: 'has malformed content' };
  return { position, row, entry: entry.value, computedHash: await chainHash(deps.subtle, entry.value.prevHash, plaintext), problem: null };
}

/** `after`: the seq of the signed checkpoint the kept rows follow (0 when nothing was pruned). */
export async function decodeRows(rows: readonly unknown[], deps: Pick<ChainDeps, 'vault' | 'subtle'>, after = 0): Promise<DecodedRow[]> {
  const decoded = await Promise.all(rows.map((raw, index) => decodeRow(raw, after + index + 1, deps)));
  await findMoved(decoded, deps.vault);
  return decoded;
}

/**
 * For the first row whose ciphertext does not open under its own seq: whether it opens under the seq of another stored
 * row (its content was moved there, e.g. two entries swapped). Only that row is probed, once per other row.
 */
async function findMoved(decoded: DecodedRow[], vault: Vault): Promise<void> {
  const stuck = decoded.find((item) => item.row !== null && item.entry === null && item.problem?.startsWith('cannot be decrypted') === true);
  if (!stuck?.row) return;
  const sealed = stuck.row.sealed;
  for (const other of decoded) {
    if (!other.row || other.row.seq === stuck.row.seq) continue;
    try {
      await vault.open(sealed, sealContext(other.row.seq));
      stuck.movedFrom = other.row.seq;
      return;
    } catch {
      // not that one
    }
  }
}

/** Where the kept rows start: after a checkpoint whose MAC holds, or from the beginning. */
export interface ChainStart {
  seq: number;
  hash: string;
}

const plural = (count: number, one: string, many: string) => `${String(count)} ${count === 1 ? one : many}`;

/** A tampered result: "tampered (<case>): <text>", where the text usually names the first bad entry. */
export const tamperedWith = (found: TamperCase, checked: number, firstBadSeq: number, text: string): AuditVerification => ({
  status: 'tampered',
  case: found,
  checked,
  firstBadSeq,
  message: `tampered (${found}): ${text}`,
});
const tampered = (checked: number, problem: Problem): AuditVerification =>
  tamperedWith(problem.case, checked, problem.seq, `entry #${String(problem.seq)} ${problem.reason}`);

interface Problem {
  seq: number;
  reason: string;
  case: TamperCase;
}

const range = (from: number, to: number) => (from === to ? `entry #${String(from)} is` : `entries #${String(from)}–#${String(to)} are`);

/**
 * A gap in the seqs. Clera never reuses a seq and links a new entry to the last trusted head, so a stored entry that
 * links straight across the gap was written after the entries of the gap had gone: the log was put back to an older
 * copy (or emptied, when it links to the start) and writing went on from there. Otherwise entries were deleted.
 */
function gapProblem(position: number, row: StoredAuditRow, previousHash: string): Problem {
  if (row.prevHash === GENESIS_HASH && row.seq > 1) {
    return { seq: position, case: 'wiped', reason: `is missing: ${range(position, row.seq - 1)} gone and the log started again at #${String(row.seq)}` };
  }
  if (row.prevHash === previousHash) {
    return { seq: position, case: 'rolled back', reason: `is missing: ${range(position, row.seq - 1)} gone and the log went on from #${String(position - 1)} (an older copy was put back)` };
  }
  return { seq: position, case: 'deleted', reason: `is missing (the next stored entry is #${String(row.seq)})` };
}

/** Why one row breaks the chain, or null when it extends it correctly. */
function rowProblem(decoded: DecodedRow, previousHash: string, first: boolean): Problem | null {
  const { position, row, entry, computedHash, problem } = decoded;
  if (!row) return { seq: position, case: 'edited', reason: problem ?? 'has a malformed stored record' };
  if (row.seq !== position) return gapProblem(position, row, previousHash);
  if (decoded.movedFrom !== undefined) return { seq: row.seq, case: 'reordered', reason: `holds the sealed content of entry #${String(decoded.movedFrom)} (an entry was moved or copied there)` };
  if (problem !== null || !entry || computedHash === null) return { seq: row.seq, case: 'edited', reason: problem ?? 'cannot be read' };
  if (entry.seq !== row.seq) return { seq: row.seq, case: 'reordered', reason: `holds the content of entry #${String(entry.seq)}` };
  if (entry.prevHash !== row.prevHash) return { seq: row.seq, case: 'edited', reason: 'has a stored link that does not match its content' };
  if (computedHash !== row.hash) return { seq: row.seq, case: 'edited', reason: 'does not match its hash (its content or hash was changed)' };
  if (row.prevHash !== previousHash) {
    if (row.seq === 1) return { seq: row.seq, case: 'edited', reason: 'does not start the chain' };
    return { seq: row.seq, case: 'edited', reason: `does not link to ${first ? 'the signed checkpoint at ' : ''}entry #${String(row.seq - 1)}` };
  }
  return null;
}

async function headProblem(head: unknown, count: number, lastHash: string, signer: HeadSigner, start: number): Promise<Problem | null> {
  const after = count + 1;
  const maybeRemoved = count === start ? 'entries may have been removed' : `entries after #${String(count)} may have been removed`;
  if (head === undefined) return { seq: after, case: 'truncated', reason: `cannot be vouched for: the log's signed head is missing (${maybeRemoved})` };
  const parsed = auditHeadSchema.safeParse(head);
  if (!parsed.success) return { seq: after, case: 'truncated', reason: `cannot be vouched for: the log's signed head is malformed (${maybeRemoved})` };
  const valid: StoredAuditHead = parsed.data;
  if (!(await signer.verify(valid))) return { seq: after, case: 'truncated', reason: `cannot be vouched for: the log's signed head has an invalid signature (${maybeRemoved})` };
  if (valid.seq > count) {
    const end = count === start ? 'the log has no entries' : `the log ends at #${String(count)}`;
    return { seq: after, case: count === start ? 'wiped' : 'truncated', reason: `is missing: ${end} but its signed head records ${plural(valid.seq, 'entry', 'entries')}` };
  }
  if (valid.seq < count) return { seq: valid.seq + 1, case: 'edited', reason: `is not covered by the log's signed head, which records only ${plural(valid.seq, 'entry', 'entries')}` };
  if (valid.hash !== lastHash) return { seq: count, case: 'edited', reason: 'does not match the signed head of the log' };
  return null;
}

/**
 * Checks a snapshot: seqs 1..n with no gap, every row decrypts under its own seq, its content names the same seq and
 * link, its hash matches the content and links to the row before, and the signed head vouches for exactly the last
 * row. Reports the first entry that fails (or the first missing one); `checked` counts the entries that passed.
 */
export async function checkChain(decoded: readonly DecodedRow[], head: unknown, signer: HeadSigner, start: ChainStart | null = null): Promise<AuditVerification> {
  if (decoded.length === 0 && head === undefined && !start) return { status: 'empty', checked: 0, firstBadSeq: null, message: 'empty: no entries recorded yet' };
  const base = start?.seq ?? 0;
  let previousHash = start?.hash ?? GENESIS_HASH;
  for (const [index, item] of decoded.entries()) {
    const problem = rowProblem(item, previousHash, index === 0 && start !== null);
    if (problem) return tampered(index, problem);
    previousHash = item.row?.hash ?? previousHash;
  }
  const problem = await headProblem(head, base + decoded.length, previousHash, signer, base);
  if (problem) return tampered(Math.min(decoded.length, Math.max(0, problem.seq - 1 - base)), problem);
  const pruned = start ? ` after the signed checkpoint at #${String(start.seq)} (${plural(start.seq, 'older entry', 'older entries')} pruned by retention)` : '';
  return { status: 'intact', checked: decoded.length, firstBadSeq: null, message: `intact: ${plural(decoded.length, 'entry', 'entries')} verified${pruned}` };
}
