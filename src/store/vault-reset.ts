import type { Clock } from '../platform/clock';
import type { CleraDatabase } from './db';

/**
 * A forgotten passphrase can only reset the vault. Before anything is deleted, the audit log is exported exactly as
 * stored: entries still sealed under the old key, with their hash chain and signed head, so the record of trade
 * decisions leaves the browser first (it opens again only with the old passphrase).
 */
export async function exportStoredAudit(db: CleraDatabase, clock: Clock): Promise<{ fileName: string; json: string }> {
  const [rows, heads] = await db.transaction('r', db.audit, db.auditHead, () => Promise.all([db.audit.orderBy('seq').toArray(), db.auditHead.toArray()]));
  const at = clock.now().toISOString();
  const json = JSON.stringify(
    {
      kind: 'clera-audit-log-sealed',
      exportedAt: at,
      note: 'Exported before a vault reset. Entries are still encrypted under the vault key of the forgotten passphrase.',
      heads,
      entries: rows,
    },
    null,
    2,
  );
  return { fileName: `clera-audit-log-before-reset-${at.slice(0, 19).replace(/[:T]/g, '-')}.json`, json };
}

/**
 * Deletes every record sealed with the vault key (they could never be opened again): conversations and messages, run
 * transcripts, order and cancel proposals, summaries, memories, the profile, the audit log, and the stored API keys
 * (the other settings stay). Consent, retention, metrics and breaker state are not sealed and stay.
 */
export async function deleteSealedRecords(db: CleraDatabase): Promise<void> {
  await db.transaction('rw', [db.conversations, db.messages, db.runs, db.proposals, db.summaries, db.memories, db.profile, db.audit, db.auditHead, db.settings], async () => {
    await Promise.all([db.conversations, db.messages, db.runs, db.proposals, db.summaries, db.memories, db.profile, db.audit, db.auditHead].map((table) => table.clear()));
    await db.settings.toCollection().modify((row) => { row.secrets = {}; });
  });
}
