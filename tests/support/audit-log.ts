import { clockFrom } from '../../src/platform/clock';
import { openVault, type Vault } from '../../src/platform/vault';
import { openDatabase, type CleraDatabase } from '../../src/store/db';
import { createKeyRepository } from '../../src/store/key-repository';
import type { AuditEvent, AuditLog } from '../../src/audit/types';
import { createAuditLog } from '../../src/audit/audit-log';
import { memoryLocalStore, type LocalStore } from '../../src/platform/local-store';

/**
 * A fresh database, a real vault and an audit log over them, with a clock that ticks a second per reading; `local`
 * stands for chrome.storage.local (the anchor outside IndexedDB) and survives `reopen`, as it survives a restart.
 */
export async function createTestAuditLog(): Promise<{ db: CleraDatabase; vault: Vault; audit: AuditLog; local: LocalStore; reopen: () => Promise<AuditLog> }> {
  const db = openDatabase(`test-audit-${crypto.randomUUID()}`);
  const vault = await openVault(createKeyRepository(db));
  let tick = 0;
  const clock = clockFrom(() => new Date(Date.UTC(2025, 5, 12, 14, 30, tick++)));
  const local = memoryLocalStore();
  const audit = await createAuditLog({ db, vault, clock, local });
  return { db, vault, audit, local, reopen: () => createAuditLog({ db, vault, clock, local }) };
}

/** A plausible sequence of events for proposal `n`. */
export function sampleEvent(n: number): AuditEvent {
  const proposalId = `prop_${String(Math.floor(n / 4))}`;
  switch (n % 4) {
    case 0:
      return { type: 'proposed', proposalId, data: { draft: { side: 'buy', symbol: 'AAPL', amount: String(100 + n), type: 'market', time_in_force: 'day' } } };
    case 1:
      return { type: 'confirmed', proposalId, data: { price: '200.00' } };
    case 2:
      return { type: 'submitted', proposalId, data: { clientOrderId: `clera-${String(n)}` } };
    default:
      return { type: 'filled', proposalId, data: { filledQty: '2.5', filledAvgPrice: '200' } };
  }
}

export async function appendSamples(audit: AuditLog, count: number): Promise<void> {
  for (let n = 0; n < count; n++) await audit.append(sampleEvent(n));
}
