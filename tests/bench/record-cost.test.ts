import { clockFrom } from '../../src/platform/clock';
import { describe, expect, it } from 'vitest';
import { measureRecordCost } from '../../bench/record-cost';
import { createSpanRecorder } from '../../src/monitoring/span-recorder';
import { stubSpanDatabase } from '../support/stub-span-database';

describe('measureRecordCost', () => {
  it('records n spans and reports the mean cost of one record call in microseconds (the figure goes to the benchmark, not asserted here)', async () => {
    const db = stubSpanDatabase(() => Promise.resolve());
    const recorder = createSpanRecorder({ db, clock: clockFrom(() => new Date()), ids: { next: (prefix) => `${prefix ?? ''}_${String(Math.random())}` } });
    const microseconds = measureRecordCost(recorder, 2000);
    expect(recorder.stats.recorded).toBe(2000);
    expect(microseconds).toBeGreaterThan(0);
    expect(Number.isFinite(microseconds) && microseconds > 0).toBe(true);
    await recorder.flush();
    expect(recorder.stats.written).toBe(2000);
  });
});
