/**
 * Runs in an extension page of the benchmark's build (bundled by bench/extension-pages.ts): the real audit log over
 * real IndexedDB and WebCrypto, in a database of its own. Appends entries one after another (each waits for the one
 * before to be committed, as single trade decisions arrive) or all at once (as a burst of order updates arrives: the
 * log's group commit writes them in shared transactions), and reports entries per second.
 */
import { clockFrom } from '../../src/platform/clock';
import { openVault } from '../../src/platform/vault';
import { openDatabase } from '../../src/store/db';
import { createKeyRepository } from '../../src/store/key-repository';
import { createAuditLog } from '../../src/audit/audit-log';
import { sampleEvent } from '../../tests/support/audit-log';

async function run(count: number, together = false): Promise<{ count: number; ms: number; perSecond: number; verified: boolean }> {
  const name = `bench-audit-${crypto.randomUUID()}`;
  const db = openDatabase(name);
  const vault = await openVault(createKeyRepository(db));
  const audit = await createAuditLog({ db, vault, clock: clockFrom(() => new Date()) });
  for (let n = 0; n < 50; n += 1) await audit.append(sampleEvent(n));
  const started = performance.now();
  if (together) await Promise.all(Array.from({ length: count }, (_, n) => audit.append(sampleEvent(50 + n))));
  else for (let n = 50; n < 50 + count; n += 1) await audit.append(sampleEvent(n));
  const ms = performance.now() - started;
  const verified = (await audit.verify()).status === 'intact';
  db.close();
  indexedDB.deleteDatabase(name);
  return { count, ms, perSecond: (count / ms) * 1000, verified };
}

(window as unknown as { benchRun: typeof run }).benchRun = run;
