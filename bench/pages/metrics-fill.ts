/**
 * Runs in an extension page of the benchmark's build (bundled by bench/extension-pages.ts): stores synthetic spans
 * through the real span recorder (with its hourly and daily buckets) in the extension's own database, so the metrics
 * page and the worker then read them as they would a user's.
 */
import { openDatabase } from '../../src/store/db';
import { createSpanRecorder } from '../../src/monitoring/span-recorder';
import { clockFrom } from '../../src/platform/clock';
import { syntheticSpan } from '../synthetic-spans';

async function fill(count: number): Promise<{ count: number; seconds: number; runsLastDay: number }> {
  const now = new Date();
  const db = openDatabase();
  let next = 0;
  const recorder = createSpanRecorder({ db, clock: clockFrom(() => now), ids: { next: () => `span_bench_${String(next++)}` }, maxBatch: 2000, retention: { maxAgeDays: 60, maxRows: count * 2 } });
  const started = performance.now();
  let runsLastDay = 0;
  const dayAgo = now.getTime() - 86_400_000;
  for (let index = 0; index < count; index += 1) {
    const span = syntheticSpan(index, count, now);
    if (span.kind === 'agent-run' && Date.parse(span.startedAt) >= dayAgo) runsLastDay += 1;
    recorder.record(span);
    if (index % 2000 === 1999) await recorder.flush();
  }
  await recorder.flush();
  db.close();
  return { count, seconds: (performance.now() - started) / 1000, runsLastDay };
}

(window as unknown as { benchFill: typeof fill }).benchFill = fill;
