import { z } from 'zod';
import { auditEventTypes } from '../protocol/audit';
import { sealedSchema } from '../platform/vault';
import { canonicalJson } from './canonical-json';
import { toHex } from './hex';

/**
 * The hash chain. Each entry's canonical form names its position (`seq`) and the hash of the entry before it
 * (`prevHash`); its own hash is SHA-256 over `prevHash + "\n" + canonical`, so changing, removing or reordering any
 * entry breaks every link after it. Only `seq` and the hashes are stored in the clear; the canonical form is sealed.
 */
export const GENESIS_HASH = '0'.repeat(64);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** An entry as it is hashed and sealed. */
export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  type: z.enum(auditEventTypes),
  proposalId: z.string(),
  data: z.record(z.string(), z.unknown()),
  prevHash: sha256Hex,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A row of the `audit` table as read back. */
export const auditRowSchema = z.object({ seq: z.number().int().positive(), prevHash: sha256Hex, hash: sha256Hex, sealed: sealedSchema });
export type StoredAuditRow = z.infer<typeof auditRowSchema>;

/** The `auditHead` row as read back. */
export const auditHeadSchema = z.object({ id: z.literal('head'), seq: z.number().int().positive(), hash: sha256Hex, mac: z.string() });
export type StoredAuditHead = z.infer<typeof auditHeadSchema>;

/**
 * The signed checkpoint retention leaves when it prunes the oldest entries: the seq (how many entries the log had
 * up to the cut) and hash of the last pruned entry, so the first kept entry must link to it. Its MAC is over a message
 * distinct from any head's, so a checkpoint can never be passed off as a head (or the other way round).
 */
export const auditCheckpointSchema = z.object({ id: z.literal('checkpoint'), seq: z.number().int().positive(), hash: sha256Hex, mac: z.string(), at: z.string() });
export type StoredAuditCheckpoint = z.infer<typeof auditCheckpointSchema>;
export const checkpointMessage = (hash: string): string => `checkpoint/${hash}`;

/** The AES-GCM additional data for entry `seq`: a ciphertext moved to another row fails to open. */
export const sealContext = (seq: number): string => `audit/${String(seq)}`;

export function entryCanonical(entry: AuditEntry): string {
  const { seq, at, type, proposalId, data, prevHash } = entry;
  return canonicalJson({ seq, at, type, proposalId, data, prevHash });
}

const encoder = new TextEncoder();

export async function chainHash(subtle: SubtleCrypto, prevHash: string, canonical: string): Promise<string> {
  return toHex(await subtle.digest('SHA-256', encoder.encode(`${prevHash}\n${canonical}`)));
}
