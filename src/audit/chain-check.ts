import type { AuditVerification } from '../protocol/audit';
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
  return Promise.all(rows.map((raw, index) => decodeRow(raw, after + index + 1, deps)));
}

/** Where the kept rows start: after a checkpoint whose MAC holds, or from the beginning. */
export interface ChainStart {
  seq: number;
  hash: string;
}

const plural = (count: number, one: string, many: string) => `${String(count)} ${count === 1 ? one : many}`;

const tampered = (checked: number, firstBadSeq: number, reason: string): AuditVerification => ({
  status: 'tampered',
  checked,
  firstBadSeq,
  message: `tampered: entry #${String(firstBadSeq)} ${reason}`,
});

/** Why one row breaks the chain, or null when it extends it correctly. */
function rowProblem(decoded: DecodedRow, previousHash: string, first: boolean): { seq: number; reason: string } | null {
  const { position, row, entry, computedHash, problem } = decoded;
  if (!row) return { seq: position, reason: problem ?? 'has a malformed stored record' };
  if (row.seq !== position) return { seq: position, reason: `is missing (the next stored entry is #${String(row.seq)})` };
  if (problem !== null || !entry || computedHash === null) return { seq: row.seq, reason: problem ?? 'cannot be read' };
  if (entry.seq !== row.seq) return { seq: row.seq, reason: `holds the content of entry #${String(entry.seq)}` };
  if (entry.prevHash !== row.prevHash) return { seq: row.seq, reason: 'has a stored link that does not match its content' };
  if (computedHash !== row.hash) return { seq: row.seq, reason: 'does not match its hash (its content or hash was changed)' };
  if (row.prevHash !== previousHash) {
    if (row.seq === 1) return { seq: row.seq, reason: 'does not start the chain' };
    return { seq: row.seq, reason: `does not link to ${first ? 'the signed checkpoint at ' : ''}entry #${String(row.seq - 1)}` };
  }
  return null;
}

async function headProblem(head: unknown, count: number, lastHash: string, signer: HeadSigner, start: number): Promise<{ seq: number; reason: string } | null> {
  const after = count + 1;
  const maybeRemoved = count === start ? 'entries may have been removed' : `entries after #${String(count)} may have been removed`;
  if (head === undefined) return { seq: after, reason: `cannot be vouched for: the log's signed head is missing (${maybeRemoved})` };
  const parsed = auditHeadSchema.safeParse(head);
  if (!parsed.success) return { seq: after, reason: `cannot be vouched for: the log's signed head is malformed (${maybeRemoved})` };
  const valid: StoredAuditHead = parsed.data;
  if (!(await signer.verify(valid))) return { seq: after, reason: `cannot be vouched for: the log's signed head has an invalid signature (${maybeRemoved})` };
  if (valid.seq > count) {
    const end = count === start ? 'the log has no entries' : `the log ends at #${String(count)}`;
    return { seq: after, reason: `is missing: ${end} but its signed head records ${plural(valid.seq, 'entry', 'entries')}` };
  }
  if (valid.seq < count) return { seq: valid.seq + 1, reason: `is not covered by the log's signed head, which records only ${plural(valid.seq, 'entry', 'entries')}` };
  if (valid.hash !== lastHash) return { seq: count, reason: 'does not match the signed head of the log' };
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
    if (problem) return tampered(index, problem.seq, problem.reason);
    previousHash = item.row?.hash ?? previousHash;
  }
  const problem = await headProblem(head, base + decoded.length, previousHash, signer, base);
  if (problem) return tampered(Math.min(decoded.length, Math.max(0, problem.seq - 1 - base)), problem.seq, problem.reason);
  const pruned = start ? ` after the signed checkpoint at #${String(start.seq)} (${plural(start.seq, 'older entry', 'older entries')} pruned by retention)` : '';
  return { status: 'intact', checked: decoded.length, firstBadSeq: null, message: `intact: ${plural(decoded.length, 'entry', 'entries')} verified${pruned}` };
}
