import type { CleraDatabase, SpanRow } from '../store/db';
import type { Clock, IdSource } from '../platform/clock';
import { spanSchema, type Span, type SpanInput, type SpanKind } from './span';
import { foldIntoRollups, pruneRollups } from '../store/rollup-store';

export interface SpanRetention {
  maxAgeDays: number;
  maxRows: number;
}

export interface SpanRecorderOptions {
  db: CleraDatabase;
  clock: Clock;
  ids: IdSource;
  /** How long after the first span of a batch the batch is written. */
  flushEveryMs?: number;
  /** A buffer this long is written at once. A failed write keeps at most `maxBatch * 10` spans. */
  maxBatch?: number;
  retention?: SpanRetention;
  /** Called after a batch is stored (e.g. to evaluate alerts when a turn's spans land). */
  onWritten?: (spans: readonly Span[]) => void;
}

export interface SpanListOptions {
  /** Only spans that started at or after this ISO instant. */
  since?: string;
  kind?: SpanKind;
  /** At most this many spans: the newest ones. */
  limit?: number;
}

export interface SpanRecorderStats {
  /** Spans accepted by `record`. */
  recorded: number;
  /** Spans stored. */
  written: number;
  /** Spans lost: the oldest beyond the buffer cap while writes fail, or a `record` call that itself failed. */
  dropped: number;
  /** Spans that failed schema validation at flush time and were not stored. */
  invalid: number;
  /** Writes that failed (their spans stay buffered for the next flush). */
  failedWrites: number;
}

export interface SpanRecorder {
  /** Synchronous and O(1): buffers the span. Never awaits, never throws. */
  record(span: SpanInput): void;
  /** Writes the buffer in one batch; resolves to the number of spans written (0 when the write failed). Never rejects. */
  flush(): Promise<number>;
  /** Deletes spans older than `maxAgeDays`, then the oldest beyond `maxRows`; resolves to the number deleted. */
  prune(): Promise<number>;
  /** Stored spans, newest first. Rows that no longer match the schema are skipped. */
  list(options?: SpanListOptions): Promise<Span[]>;
  /** A snapshot of the counters. */
  readonly stats: SpanRecorderStats;
}

interface Entry {
  seq: number;
  span: Span;
}

const DAY_MS = 86_400_000;
/** Consecutive failed writes back off up to 2^6 × flushEveryMs. */
const MAX_BACKOFF_EXPONENT = 6;

export function createSpanRecorder(options: SpanRecorderOptions): SpanRecorder {
  const { db, clock, ids } = options;
  const flushEveryMs = options.flushEveryMs ?? 1000;
  const maxBatch = Math.max(1, options.maxBatch ?? 50);
  const retention = options.retention ?? { maxAgeDays: 30, maxRows: 20_000 };
  const bufferCap = maxBatch * 10;

  /** Pending spans with their record order, so the oldest can be dropped even after failed batches come back. */
  let buffer: Entry[] = [];
  let nextSeq = 0;
  /** The pending timed flush, cancelled by aborting it. */
  let timer: AbortController | undefined;
  /** Writes run one after another, in the order their batches were taken. */
  let writing: Promise<number> = Promise.resolve(0);
  let consecutiveFailures = 0;
  const stats: SpanRecorderStats = { recorded: 0, written: 0, dropped: 0, invalid: 0, failedWrites: 0 };

  const schedule = (delayMs: number) => {
    if (timer !== undefined) return;
    const pending = new AbortController();
    timer = pending;
    clock.sleep(delayMs, pending.signal).then(
      () => {
        if (timer !== pending) return; // flushed by hand meanwhile
        timer = undefined;
        void flush();
      },
      () => undefined, // cancelled
    );
  };
  const cancelTimer = () => {
    if (timer === undefined) return;
    timer.abort();
    timer = undefined;
  };

  const write = async (batch: Entry[]): Promise<number> => {
    const valid: Entry[] = [];
    for (const { seq, span } of batch) {
      const parsed = spanSchema.safeParse({ ...span, startedAt: normalize(span.startedAt), endedAt: normalize(span.endedAt) });
      if (parsed.success) valid.push({ seq, span: parsed.data });
      else stats.invalid += 1;
    }
    if (valid.length === 0) return 0;
    const rows = valid.map(({ span }): SpanRow => ({ id: span.id, kind: span.kind, startedAt: span.startedAt, ...(span.runId === undefined ? {} : { runId: span.runId }), value: span }));
    try {
      // bulkPut, not bulkAdd: a retry after a write whose outcome was unknown must not fail forever on keys that
      // already exist. Spans and their hourly/daily buckets are written in one transaction, and only spans not
      // stored before are folded into the buckets, so a retried batch is never counted twice.
      await db.transaction('rw', db.spans, db.rollups, async () => {
        const stored = await db.spans.bulkGet(rows.map((row) => row.id));
        const fresh = valid.filter((_, index) => stored[index] === undefined).map(({ span }) => span);
        await db.spans.bulkPut(rows);
        await foldIntoRollups(db.rollups, fresh);
      });
      if (options.onWritten) options.onWritten(valid.map(({ span }) => span));
      consecutiveFailures = 0;
      stats.written += rows.length;
      return rows.length;
    } catch {
      consecutiveFailures += 1;
      stats.failedWrites += 1;
      // Put the batch back with anything recorded (or failed) meanwhile, in record order; keep the newest `bufferCap`.
      const kept = valid.concat(buffer).sort((a, b) => a.seq - b.seq);
      const excess = kept.length - bufferCap;
      if (excess > 0) {
        kept.splice(0, excess);
        stats.dropped += excess;
      }
      buffer = kept;
      schedule(flushEveryMs * 2 ** Math.min(consecutiveFailures, MAX_BACKOFF_EXPONENT));
      return 0;
    }
  };

  /**
   * Takes the buffer now (so a burst of records never piles up behind a write in flight) and writes it after any
   * earlier batch, so awaiting a flush means everything recorded before it was attempted.
   */
  function flush(): Promise<number> {
    cancelTimer();
    const batch = buffer;
    buffer = [];
    const result = writing.then(() => write(batch));
    writing = result.catch(() => 0);
    return writing;
  }

  return {
    record(input) {
      try {
        buffer.push({ seq: nextSeq++, span: { ...input, id: ids.next('span') } });
        stats.recorded += 1;
        if (buffer.length > bufferCap) {
          buffer.shift();
          stats.dropped += 1;
        }
        // While writes are failing, the timer (with back-off) paces retries instead of every record.
        if (buffer.length >= maxBatch && consecutiveFailures === 0) void flush();
        else schedule(flushEveryMs);
      } catch {
        stats.dropped += 1;
      }
    },
    flush,
    async prune() {
      const cutoff = new Date(clock.now().getTime() - retention.maxAgeDays * DAY_MS).toISOString();
      let deleted = await db.spans.where('startedAt').below(cutoff).delete();
      // Buckets follow the age limit (a row-cap prune leaves them: they summarise, they do not hold the spans).
      await pruneRollups(db.rollups, cutoff);
      const total = await db.spans.count();
      if (total > retention.maxRows) {
        const oldest = await db.spans.orderBy('startedAt').limit(total - retention.maxRows).primaryKeys();
        await db.spans.bulkDelete(oldest);
        deleted += oldest.length;
      }
      return deleted;
    },
    async list(listOptions = {}) {
      const { since, kind, limit } = listOptions;
      const parsed = new Map<string, Span>();
      const valid = (row: SpanRow) => {
        const result = spanSchema.safeParse(row.value);
        if (result.success) parsed.set(row.id, result.data);
        return result.success;
      };
      let rows: SpanRow[];
      if (kind !== undefined) {
        const matching = await db.spans
          .where('kind')
          .equals(kind)
          .filter((row) => (since === undefined || row.startedAt >= since) && valid(row))
          .toArray();
        matching.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
        rows = limit === undefined ? matching : matching.slice(0, Math.max(0, limit));
      } else {
        const byTime = since === undefined ? db.spans.orderBy('startedAt') : db.spans.where('startedAt').aboveOrEqual(since);
        const collection = byTime.reverse().filter(valid);
        rows = await (limit === undefined ? collection : collection.limit(Math.max(0, limit))).toArray();
      }
      return rows.flatMap((row) => parsed.get(row.id) ?? []);
    },
    get stats() {
      return { ...stats };
    },
  };
}

/** Stored instants are Date.toISOString strings, so string order is time order in the `startedAt` index. */
function normalize(instant: string): string {
  const time = Date.parse(instant);
  return Number.isNaN(time) ? instant : new Date(time).toISOString();
}
