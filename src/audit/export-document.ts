import { z } from 'zod';
import { auditEventTypes, auditVerificationSchema, type AuditVerification } from '../protocol/audit';
import type { DecodedRow } from './chain-check';
import { auditCheckpointSchema, auditHeadSchema } from './hash-chain';
import { summarizeAuditEvent } from './summary';

const readableEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  type: z.enum(auditEventTypes),
  proposalId: z.string(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
const unreadableEntrySchema = z.object({
  seq: z.number().nullable(),
  position: z.number().int().positive(),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
  unreadable: z.literal(true),
  problem: z.string().nullable(),
});

/** The exported file: every entry oldest first with its hashes, the signed head and the verification result. */
export const auditExportSchema = z.object({
  format: z.literal('clera-audit-log'),
  version: z.literal(1),
  exportedAt: z.string(),
  verification: auditVerificationSchema,
  head: z.object({ seq: z.number(), hash: z.string(), mac: z.string() }).nullable(),
  /** Where the kept entries start when retention pruned older ones: the signed seq and hash at the cut. */
  checkpoint: z.object({ seq: z.number(), hash: z.string(), mac: z.string(), at: z.string() }).nullable().optional(),
  entries: z.array(z.union([readableEntrySchema, unreadableEntrySchema])),
});
export type AuditExport = z.infer<typeof auditExportSchema>;

export function buildExportDocument(decoded: readonly DecodedRow[], head: unknown, verification: AuditVerification, exportedAt: Date, checkpoint?: unknown): AuditExport {
  const parsedHead = auditHeadSchema.safeParse(head);
  const parsedCheckpoint = auditCheckpointSchema.safeParse(checkpoint);
  return {
    format: 'clera-audit-log',
    version: 1,
    exportedAt: exportedAt.toISOString(),
    verification,
    head: parsedHead.success ? { seq: parsedHead.data.seq, hash: parsedHead.data.hash, mac: parsedHead.data.mac } : null,
    ...(parsedCheckpoint.success ? { checkpoint: { seq: parsedCheckpoint.data.seq, hash: parsedCheckpoint.data.hash, mac: parsedCheckpoint.data.mac, at: parsedCheckpoint.data.at } } : {}),
    entries: decoded.map(({ position, row, entry, problem }) =>
      row && entry
        ? {
            seq: row.seq,
            at: entry.at,
            type: entry.type,
            proposalId: entry.proposalId,
            summary: summarizeAuditEvent(entry.type, entry.data),
            data: entry.data,
            prevHash: row.prevHash,
            hash: row.hash,
          }
        : { seq: row?.seq ?? null, position, prevHash: row?.prevHash ?? null, hash: row?.hash ?? null, unreadable: true as const, problem },
    ),
  };
}

/** `clera-audit-YYYY-MM-DD.json`, dated in the user's local time. */
export function exportFileName(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `clera-audit-${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}
