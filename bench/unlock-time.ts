/**
 * How long unlocking takes with the chosen KDF (PBKDF2-SHA256, 600,000 iterations, WebCrypto): the whole unlock
 * through the real lock and key repository (derive the key, open the KEK, unwrap the data key, keep it in the
 * session store), on fake-indexeddb with Node's WebCrypto (Chromium's is OpenSSL-based too; the e2e spec shows it
 * there). `tsx bench/unlock-time.ts` prints it.
 */
import 'fake-indexeddb/auto';
import { systemClock } from '../src/platform/clock';
import { createVaultLock, memorySessionStore, PBKDF2_ITERATIONS } from '../src/platform/vault-lock';
import { openDatabase } from '../src/store/db';
import { createKeyRepository } from '../src/store/key-repository';
import { percentile } from './stats';

export interface UnlockTime {
  iterations: number;
  runs: number;
  p50Ms: number;
  minMs: number;
  maxMs: number;
}

export async function measureUnlockTime(runs = 7): Promise<UnlockTime> {
  const db = openDatabase(`bench-unlock-${crypto.randomUUID()}`);
  const lock = createVaultLock({ records: createKeyRepository(db), session: memorySessionStore(), clock: systemClock });
  const passphrase = 'correct horse battery staple';
  await lock.setPassphrase(passphrase);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    await lock.lock();
    const started = performance.now();
    await lock.unlock(passphrase);
    samples.push(performance.now() - started);
  }
  db.close();
  samples.sort((a, b) => a - b);
  return { iterations: PBKDF2_ITERATIONS, runs, p50Ms: percentile(samples, 50), minMs: samples[0] ?? Number.NaN, maxMs: samples.at(-1) ?? Number.NaN };
}

export function renderUnlockTime(result: UnlockTime): string {
  return [
    '',
    '## Passphrase unlock',
    '',
    `Unlocking with a passphrase: PBKDF2-SHA256 at ${result.iterations.toLocaleString('en-US')} iterations, then opening the`,
    `key-encryption key and the data key (${String(result.runs)} runs, Node’s WebCrypto on fake-indexeddb).`,
    '',
    '| p50 | min | max |',
    '| ---: | ---: | ---: |',
    `| ${result.p50Ms.toFixed(0)} ms | ${result.minMs.toFixed(0)} ms | ${result.maxMs.toFixed(0)} ms |`,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const result = await measureUnlockTime();
  console.log(`Unlock (PBKDF2-SHA256, ${String(result.iterations)} iterations): p50 ${result.p50Ms.toFixed(0)} ms over ${String(result.runs)} runs (min ${result.minMs.toFixed(0)}, max ${result.maxMs.toFixed(0)})`);
}
