import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type CleraDatabase } from '../store/db';
import { type Clock, type IdSource, clockFrom } from '../platform/clock';
import { createSpanRecorder, type SpanRecorderOptions } from './span-recorder';
import type { SpanInput } from './span';
import { stubSpanDatabase } from '../../tests/support/stub-span-database';

const databases: CleraDatabase[] = [];
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

function setup(options: Partial<SpanRecorderOptions> = {}) {
  const db = openDatabase(`spans-${crypto.randomUUID()}`);
  databases.push(db);
  let now = new Date('2026-03-01T12:00:00.000Z');
  const clock: Clock = clockFrom(() => now);
  let counter = 0;
  const ids: IdSource = { next: (prefix) => `${prefix ?? 'id'}_${String(++counter).padStart(4, '0')}` };
  const recorder = createSpanRecorder({ db, clock, ids, ...options });
  return {
    db,
    recorder,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}

/** A throwing-or-not stand-in for the database, for the write-failure paths. */
function stubDatabase(bulkPut: (rows: unknown[]) => Promise<unknown>) {
  const spy = vi.fn(bulkPut);
  return { db: stubSpanDatabase(spy), bulkPut: spy };
}

const minutesAfter = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * 60_000).toISOString();

function span(overrides: Partial<SpanInput> = {}): SpanInput {
  return {
    kind: 'tool-call',
    tool: 'get_quote',
    startedAt: '2026-03-01T11:00:00.000Z',
    endedAt: '2026-03-01T11:00:00.120Z',
    latencyMs: 120,
    outcome: 'ok',
    fallbackUsed: false,
    ...overrides,
  };
}

const clock: Clock = clockFrom(() => new Date('2026-03-01T12:00:00.000Z'));
let stubCounter = 0;
const ids: IdSource = { next: (prefix) => `${prefix ?? 'id'}_${String(++stubCounter)}` };

describe('span recorder: recording and flushing', () => {
  it('records synchronously into a buffer and writes N spans in one batch on flush', async () => {
    const { db, recorder } = setup();
    const bulkPut = vi.spyOn(db.spans, 'bulkPut');
    recorder.record(span());
    recorder.record(span({ tool: 'get_news' }));
    recorder.record(span({ kind: 'model-call', tool: undefined, model: 'claude-haiku-4-5' }));
    // Counted before any await: record did its work synchronously, and nothing has been written yet.
    expect(recorder.stats).toMatchObject({ recorded: 3, written: 0 });
    expect(bulkPut).not.toHaveBeenCalled();
    expect(await db.spans.count()).toBe(0);

    expect(await recorder.flush()).toBe(3);
    expect(bulkPut).toHaveBeenCalledTimes(1);
    expect(bulkPut.mock.calls[0]?.[0]).toHaveLength(3);
    expect(await db.spans.count()).toBe(3);
    expect(recorder.stats).toMatchObject({ recorded: 3, written: 3, dropped: 0 });
    expect(await recorder.flush()).toBe(0);
    expect(bulkPut).toHaveBeenCalledTimes(1);
  });

  it('stores the whole span in value with the indexed fields beside it', async () => {
    const { db, recorder } = setup();
    recorder.record(span({ startedAt: '2026-03-01T11:00:00Z', endedAt: '2026-03-01T11:00:00.120Z' }));
    await recorder.flush();
    const [row] = await db.spans.toArray();
    expect(row).toMatchObject({ id: 'span_0001', kind: 'tool-call', startedAt: '2026-03-01T11:00:00.000Z' });
    expect(row?.value).toMatchObject({ id: 'span_0001', tool: 'get_quote', startedAt: '2026-03-01T11:00:00.000Z', latencyMs: 120 });
  });

  it('writes as soon as the buffer reaches maxBatch', async () => {
    const { db, recorder } = setup({ maxBatch: 3, flushEveryMs: 60_000 });
    const bulkPut = vi.spyOn(db.spans, 'bulkPut');
    recorder.record(span());
    recorder.record(span());
    expect(bulkPut).not.toHaveBeenCalled();
    recorder.record(span());
    await recorder.flush(); // waits for the write already started; nothing left to write
    expect(bulkPut).toHaveBeenCalledTimes(1);
    expect(bulkPut.mock.calls[0]?.[0]).toHaveLength(3);
    expect(await db.spans.count()).toBe(3);
  });

  it('keeps a burst of records in batches of maxBatch without dropping any', async () => {
    const { db, recorder } = setup({ maxBatch: 10 });
    const bulkPut = vi.spyOn(db.spans, 'bulkPut');
    for (let index = 0; index < 1000; index += 1) recorder.record(span());
    await recorder.flush();
    expect(bulkPut).toHaveBeenCalledTimes(100);
    expect(await db.spans.count()).toBe(1000);
    expect(recorder.stats).toMatchObject({ recorded: 1000, written: 1000, dropped: 0 });
  });

  it('writes flushEveryMs after the first record of a batch', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { db, recorder } = setup({ flushEveryMs: 1000 });
    const bulkPut = vi.spyOn(db.spans, 'bulkPut');
    recorder.record(span());
    vi.advanceTimersByTime(600);
    recorder.record(span()); // does not restart the timer
    vi.advanceTimersByTime(399);
    expect(bulkPut).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    await recorder.flush();
    expect(bulkPut).toHaveBeenCalledTimes(1);
    expect(await db.spans.count()).toBe(2);
  });

  it('clears the timer when flushed by hand', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { db, recorder } = setup({ flushEveryMs: 1000 });
    const bulkPut = vi.spyOn(db.spans, 'bulkPut');
    recorder.record(span());
    await recorder.flush();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    await recorder.flush();
    expect(bulkPut).toHaveBeenCalledTimes(1);
  });

  it('keeps the spans of a failed write and writes them on the next flush', async () => {
    let fail = true;
    const { db, bulkPut } = stubDatabase(() => (fail ? Promise.reject(new Error('DatabaseClosedError')) : Promise.resolve()));
    const recorder = createSpanRecorder({ db, clock, ids });
    recorder.record(span());
    recorder.record(span());
    expect(await recorder.flush()).toBe(0);
    expect(recorder.stats).toMatchObject({ recorded: 2, written: 0, dropped: 0, failedWrites: 1 });

    recorder.record(span({ tool: 'third' }));
    fail = false;
    expect(await recorder.flush()).toBe(3);
    expect(bulkPut).toHaveBeenCalledTimes(2);
    expect(bulkPut.mock.calls[1]?.[0]).toHaveLength(3);
    expect(recorder.stats).toMatchObject({ written: 3, failedWrites: 1 });
  });

  it('retries a failed write on a timer that backs off', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let failures = 2;
    const { db, bulkPut } = stubDatabase(() => (failures-- > 0 ? Promise.reject(new Error('QuotaExceededError')) : Promise.resolve()));
    const recorder = createSpanRecorder({ db, clock, ids, flushEveryMs: 1000 });
    recorder.record(span());
    await recorder.flush(); // fails: retry in 2 s
    vi.advanceTimersByTime(1999);
    expect(bulkPut).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    await vi.waitFor(() => {
      expect(recorder.stats.failedWrites).toBe(2);
    }); // fails again: retry in 4 s
    vi.advanceTimersByTime(4000);
    await vi.waitFor(() => {
      expect(recorder.stats.written).toBe(1);
    });
    expect(bulkPut).toHaveBeenCalledTimes(3);
  });

  it('retries against a real database that was closed and opened again', async () => {
    const { db, recorder } = setup();
    db.close({ disableAutoOpen: true });
    recorder.record(span());
    expect(await recorder.flush()).toBe(0);
    expect(recorder.stats.failedWrites).toBe(1);
    await db.open();
    expect(await recorder.flush()).toBe(1);
    expect(await db.spans.count()).toBe(1);
  });

  it('keeps at most maxBatch × 10 spans while writes fail, dropping the oldest and counting them', async () => {
    let fail = true;
    const { db, bulkPut } = stubDatabase(() => (fail ? Promise.reject(new Error('closed')) : Promise.resolve()));
    const recorder = createSpanRecorder({ db, clock, ids: { next: () => `span_${String(recorder.stats.recorded)}` }, maxBatch: 2 });
    for (let index = 0; index < 35; index += 1) recorder.record(span({ tool: `t${String(index)}` }));
    await recorder.flush();
    expect(recorder.stats).toMatchObject({ recorded: 35, written: 0, dropped: 15 });

    fail = false;
    expect(await recorder.flush()).toBe(20);
    const written = bulkPut.mock.calls.at(-1)?.[0] as { value: { tool: string } }[];
    expect(written.map((row) => row.value.tool)).toEqual(Array.from({ length: 20 }, (_, index) => `t${String(index + 15)}`));
    expect(recorder.stats).toMatchObject({ recorded: 35, written: 20, dropped: 15 });
  });

  it('never throws from record, even when the id source fails', () => {
    const recorder = createSpanRecorder({
      db: stubDatabase(() => Promise.resolve()).db,
      clock,
      ids: {
        next: () => {
          throw new Error('no entropy');
        },
      },
    });
    expect(() => {
      recorder.record(span());
    }).not.toThrow();
    expect(recorder.stats).toMatchObject({ recorded: 0, dropped: 1 });
  });

  it('does not store a span that fails the schema, and counts it', async () => {
    const { db, recorder } = setup();
    recorder.record(span({ latencyMs: Number.NaN }));
    recorder.record(span({ startedAt: 'not a time' }));
    recorder.record(span());
    expect(await recorder.flush()).toBe(1);
    expect(await db.spans.count()).toBe(1);
    expect(recorder.stats).toMatchObject({ recorded: 3, written: 1, invalid: 2 });
  });
});

describe('span recorder: reading back', () => {
  async function seeded() {
    const context = setup();
    const base = '2026-03-01T10:00:00.000Z';
    context.recorder.record(span({ kind: 'model-call', tool: undefined, model: 'claude-haiku-4-5', startedAt: minutesAfter(base, 0), endedAt: minutesAfter(base, 1) }));
    context.recorder.record(span({ tool: 'get_quote', startedAt: minutesAfter(base, 10), endedAt: minutesAfter(base, 11) }));
    context.recorder.record(span({ kind: 'model-call', tool: undefined, model: 'claude-sonnet-5', startedAt: minutesAfter(base, 20), endedAt: minutesAfter(base, 21) }));
    context.recorder.record(span({ tool: 'get_news', startedAt: minutesAfter(base, 30), endedAt: minutesAfter(base, 31) }));
    await context.recorder.flush();
    return { ...context, base };
  }

  it('lists all spans newest first', async () => {
    const { recorder } = await seeded();
    expect((await recorder.list()).map((item) => item.startedAt)).toEqual([
      '2026-03-01T10:30:00.000Z',
      '2026-03-01T10:20:00.000Z',
      '2026-03-01T10:10:00.000Z',
      '2026-03-01T10:00:00.000Z',
    ]);
  });

  it('filters by kind, by start time and both, and limits to the newest', async () => {
    const { recorder, base } = await seeded();
    expect((await recorder.list({ kind: 'model-call' })).map((item) => item.model)).toEqual(['claude-sonnet-5', 'claude-haiku-4-5']);
    expect((await recorder.list({ since: minutesAfter(base, 10) })).map((item) => item.tool ?? item.model)).toEqual(['get_news', 'claude-sonnet-5', 'get_quote']);
    expect((await recorder.list({ kind: 'tool-call', since: minutesAfter(base, 15) })).map((item) => item.tool)).toEqual(['get_news']);
    expect((await recorder.list({ limit: 2 })).map((item) => item.tool ?? item.model)).toEqual(['get_news', 'claude-sonnet-5']);
    expect((await recorder.list({ kind: 'tool-call', limit: 1 })).map((item) => item.tool)).toEqual(['get_news']);
    expect(await recorder.list({ kind: 'breaker' })).toEqual([]);
  });

  it('skips rows whose value no longer matches the schema', async () => {
    const { db, recorder } = await seeded();
    await db.spans.bulkAdd([
      { id: 'bad_1', kind: 'tool-call', startedAt: '2026-03-01T11:00:00.000Z', value: { kind: 'tool-call', latencyMs: 'slow' } },
      { id: 'bad_2', kind: 'model-call', startedAt: '2026-03-01T11:01:00.000Z', value: null },
    ]);
    expect((await recorder.list({ limit: 2 })).map((item) => item.tool ?? item.model)).toEqual(['get_news', 'claude-sonnet-5']);
    expect(await recorder.list({ kind: 'model-call' })).toHaveLength(2);
    expect(await recorder.list()).toHaveLength(4);
  });
});

describe('span recorder: retention', () => {
  it('deletes spans older than maxAgeDays', async () => {
    const { db, recorder, setNow } = setup({ retention: { maxAgeDays: 30, maxRows: 20_000 } });
    setNow('2026-03-31T12:00:00.000Z');
    for (const startedAt of ['2026-02-01T00:00:00.000Z', '2026-03-01T11:59:59.999Z', '2026-03-01T12:00:00.000Z', '2026-03-30T00:00:00.000Z'])
      recorder.record(span({ startedAt, endedAt: startedAt }));
    await recorder.flush();
    expect(await recorder.prune()).toBe(2);
    expect((await db.spans.toArray()).map((row) => row.startedAt).sort()).toEqual(['2026-03-01T12:00:00.000Z', '2026-03-30T00:00:00.000Z']);
  });

  it('deletes the oldest spans beyond maxRows', async () => {
    const { recorder } = setup({ retention: { maxAgeDays: 30, maxRows: 3 } });
    const base = '2026-03-01T10:00:00.000Z';
    // Recorded out of time order: retention goes by startedAt, not by record order.
    for (const minutes of [40, 0, 30, 10, 20]) recorder.record(span({ startedAt: minutesAfter(base, minutes), endedAt: minutesAfter(base, minutes) }));
    await recorder.flush();
    expect(await recorder.prune()).toBe(2);
    expect((await recorder.list()).map((item) => item.startedAt)).toEqual([minutesAfter(base, 40), minutesAfter(base, 30), minutesAfter(base, 20)]);
    expect(await recorder.prune()).toBe(0);
  });
});
