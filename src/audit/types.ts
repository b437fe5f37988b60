import type { AuditEntryView, AuditEventType, AuditHeadView, AuditVerification } from '../protocol/audit';

/** One trade-decision event as the trading code records it. */
export interface AuditEvent {
  type: AuditEventType;
  proposalId: string;
  /** Plain JSON data (no undefined, no class instances): it is canonicalised and hashed. */
  data: Record<string, unknown>;
}

/**
 * The append-only audit log of trade decisions: each entry encrypted at rest and hash-chained to the one before,
 * with the chain head authenticated under a key the log's tables do not hold, so edits, removals and a dropped tail
 * are all detected by `verify`.
 */
export interface AuditLog {
  append(event: AuditEvent): Promise<{ seq: number; hash: string }>;
  /** Newest first. */
  list(limit?: number): Promise<AuditEntryView[]>;
  verify(): Promise<AuditVerification>;
  exportJson(): Promise<{ fileName: string; json: string }>;
  /**
   * Retention: deletes the entries recorded before `before` (ISO), never the newest one, and leaves a signed checkpoint
   * (the seq and hash at the cut) that the first kept entry must link to. A log that does not verify is not pruned.
   * Resolves to the number of entries deleted.
   */
  prune(before: string): Promise<number>;
  /** The current signed head (null when the log is empty or its head does not verify): what the user may pin. */
  head(): Promise<AuditHeadView | null>;
  /** The pinned head (checked by `verify`), or null. */
  pinned(): Promise<AuditHeadView | null>;
  pin(head: AuditHeadView | null): Promise<void>;
}

/** What the audit log reads of the proposals (plain columns only) to check that its last entry is not behind them. */
export interface ProposalFacts {
  /** A proposal's status, or undefined when it is not stored (never made, or deleted with its conversation). */
  status(id: string): Promise<string | undefined>;
  /** Proposals created after the instant (ISO), oldest first. */
  createdAfter(at: string): Promise<{ id: string; status: string; createdAt: string }[]>;
}
