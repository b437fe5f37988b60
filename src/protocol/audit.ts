import { z } from 'zod';

export const auditEventTypes = [
  'proposed',
  'rules',
  'edited',
  'confirmed',
  'rejected',
  /** "Keep order": the user declined a proposed cancel. */
  'kept',
  'expired',
  'submitted',
  'broker-response',
  'filled',
  'cancelled',
  'failed',
  /** After Confirm, Clera could not learn whether the broker has the order: follow-ups look it up. */
  'outcome-unknown',
] as const;
export type AuditEventType = (typeof auditEventTypes)[number];

/** One audit entry as the audit page shows it (decrypted by the background). */
export const auditEntryViewSchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  type: z.enum(auditEventTypes),
  proposalId: z.string(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/**
 * What a failed verification found: an entry changed (or added outside Clera), entries moved to other places, an entry
 * missing from the middle, the newest entries missing, an older copy of the log put back (fewer or other entries than
 * Clera recorded outside the database, or than the proposals show), or the log emptied.
 */
export const tamperCases = ['edited', 'reordered', 'deleted', 'truncated', 'rolled back', 'wiped'] as const;
export type TamperCase = (typeof tamperCases)[number];

/** A head of the chain: how many entries the log had and the hash of the last one. */
export const auditHeadViewSchema = z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) });
export type AuditHeadView = z.infer<typeof auditHeadViewSchema>;

/** A head the user pinned, checked against the log: found (the entry at that seq has that hash), not found, or pruned. */
export const pinnedHeadCheckSchema = auditHeadViewSchema.extend({ found: z.boolean().nullable(), message: z.string() });
export type PinnedHeadCheck = z.infer<typeof pinnedHeadCheckSchema>;

export const auditVerificationSchema = z.object({
  status: z.enum(['intact', 'tampered', 'empty']),
  checked: z.number().int().nonnegative(),
  /** The first entry that fails (or where entries go missing), when tampered. */
  firstBadSeq: z.number().int().positive().nullable(),
  message: z.string(),
  /** When tampered: which kind of damage (also in the message, "tampered (rolled back): …"). */
  case: z.enum(tamperCases).optional(),
  /** The pinned head, when one is pinned. */
  pinned: pinnedHeadCheckSchema.optional(),
});

/** Reads "#12 <hash>", "12:<hash>" or "12 <hash>" (what Copy head gives) as a head; null when it is not one. */
export function parseHeadText(text: string): AuditHeadView | null {
  const match = /^\s*#?(\d{1,9})\s*[\s:]\s*([0-9a-fA-F]{64})\s*$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const seq = Number(match[1]);
  return seq >= 1 ? { seq, hash: match[2].toLowerCase() } : null;
}

export const formatHeadText = (head: AuditHeadView): string => `#${String(head.seq)} ${head.hash}`;
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
