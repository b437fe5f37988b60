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

export const auditVerificationSchema = z.object({
  status: z.enum(['intact', 'tampered', 'empty']),
  checked: z.number().int().nonnegative(),
  /** The first entry that fails (or where entries go missing), when tampered. */
  firstBadSeq: z.number().int().positive().nullable(),
  message: z.string(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
