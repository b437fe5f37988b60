import { z } from 'zod';

/** The passphrase lock's requests (src/background/vault-handlers.ts); they are the only ones answered while locked. */
const requestId = z.string().min(1).max(100);
const passphrase = z.string().min(1).max(1_000);
export const idleMinutesSchema = z.number().int().min(1).max(24 * 60);

export const vaultStatusSchema = z.object({
  /** Whether a passphrase is set (without one the vault never locks). */
  passphrase: z.boolean(),
  locked: z.boolean(),
  /** Minutes without activity before it locks by itself. */
  idleMinutes: z.number().int(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const vaultRequestSchemas = [
  z.object({ id: requestId, type: z.literal('vault-status') }),
  z.object({ id: requestId, type: z.literal('vault-unlock'), passphrase }),
  z.object({ id: requestId, type: z.literal('vault-lock') }),
  /** Sets the passphrase, or changes it (the vault must be unlocked). */
  z.object({ id: requestId, type: z.literal('passphrase-set'), passphrase, idleMinutes: idleMinutesSchema.optional() }),
  z.object({ id: requestId, type: z.literal('passphrase-remove') }),
  z.object({ id: requestId, type: z.literal('vault-idle-set'), idleMinutes: idleMinutesSchema }),
  /** Forgotten passphrase: answers the audit log as stored (still sealed) first, then deletes every sealed record. */
  z.object({ id: requestId, type: z.literal('vault-reset'), confirmed: z.literal(true) }),
] as const;

export const vaultResponseSchemas = {
  'vault-status': vaultStatusSchema,
  'vault-unlock': vaultStatusSchema,
  'vault-lock': vaultStatusSchema,
  'passphrase-set': vaultStatusSchema,
  'passphrase-remove': vaultStatusSchema,
  'vault-idle-set': vaultStatusSchema,
  'vault-reset': z.object({ status: vaultStatusSchema, auditExport: z.object({ fileName: z.string(), json: z.string() }) }),
} as const;

export const vaultRequestTypes = ['vault-status', 'vault-unlock', 'vault-lock', 'passphrase-set', 'passphrase-remove', 'vault-idle-set', 'vault-reset'] as const;
