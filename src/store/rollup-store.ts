import type { EntityTable } from 'dexie';
import { spanSchema, type Span } from '../monitoring/span';
import { GRAIN_MS, emptyRollup, mergeRollup, rollupGrains, rollupId, rollupSpans, rollupValueSchema, type RollupGrain, type RollupValue } from '../monitoring/rollup';
import type { RollupRow, SpanRow } from './db';

type RollupTable = EntityTable<RollupRow, 'id'>;

/** Stored span rows back as spans; rows that no longer match the schema are skipped. */
export function parseSpans(rows: readonly SpanRow[]): Span[] {
  return rows.flatMap((row) => {
    const parsed = spanSchema.safeParse(row.value);
    return parsed.success ? [parsed.data] : [];
  });
}

export function parseRollup(row: RollupRow | undefined): RollupValue {
  const parsed = rollupValueSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : emptyRollup();
}

/** Adds spans to their hourly and daily buckets. Call inside the transaction that stores the spans. */
export async function foldIntoRollups(rollups: RollupTable, spans: readonly Span[]): Promise<void> {
  if (spans.length === 0) return;
  const updates: RollupRow[] = [];
  for (const grain of rollupGrains) {
    const buckets = rollupSpans(spans, grain);
    const ids = [...buckets.keys()].map((start) => rollupId(grain, start));
    const existing = await rollups.bulkGet(ids);
    [...buckets].forEach(([start, added], index) => {
      const value = parseRollup(existing[index]);
      mergeRollup(value, added);
      updates.push({ id: rollupId(grain, start), grain, start, value });
    });
  }
  await rollups.bulkPut(updates);
}

/** Buckets of one grain whose start lies in [from, to); `from` '' reads from the beginning. */
export async function readRollups(rollups: RollupTable, grain: RollupGrain, from: string, to: string): Promise<{ start: string; value: RollupValue }[]> {
  const rows = await rollups.where('[grain+start]').between([grain, from], [grain, to], true, false).toArray();
  return rows.map((row) => ({ start: row.start, value: parseRollup(row) }));
}

/** Drops buckets that lie wholly before `cutoff`. */
export async function pruneRollups(rollups: RollupTable, cutoff: string): Promise<number> {
  let deleted = 0;
  for (const grain of rollupGrains) {
    const last = new Date(Date.parse(cutoff) - GRAIN_MS[grain]).toISOString();
    deleted += await rollups.where('[grain+start]').between([grain, ''], [grain, last], true, false).delete();
  }
  return deleted;
}
