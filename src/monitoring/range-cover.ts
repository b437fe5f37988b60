import { GRAIN_MS, type RollupGrain } from './rollup';

/**
 * How a time range is read: whole days from daily buckets, whole hours from hourly ones, and the ragged edges from
 * the spans themselves. Every instant of [from, to) falls in exactly one segment.
 */
export type Segment = { source: 'spans'; from: string; to: string } | { source: RollupGrain; from: string; to: string };

const floorTo = (time: number, step: number) => time - (((time % step) + step) % step);
const ceilTo = (time: number, step: number) => {
  const floor = floorTo(time, step);
  return floor === time ? time : floor + step;
};
const iso = (time: number) => new Date(time).toISOString();

/** `from` null means "since the beginning": everything before `to`. */
export function coverRange(from: string | null, to: string): Segment[] {
  const end = Date.parse(to);
  const start = from === null ? Number.NEGATIVE_INFINITY : Date.parse(from);
  if (!(start < end)) return [];
  const hour = GRAIN_MS.hour;
  const day = GRAIN_MS.day;
  const lastHour = floorTo(end, hour);
  const firstHour = from === null ? Number.NEGATIVE_INFINITY : ceilTo(start, hour);
  if (firstHour >= lastHour) return [{ source: 'spans', from: iso(start), to: iso(end) }];
  const segments: Segment[] = [];
  const push = (source: Segment['source'], a: number, b: number) => {
    if (a < b) segments.push({ source, from: Number.isFinite(a) ? iso(a) : '', to: iso(b) });
  };
  push('spans', start, firstHour);
  const firstDay = from === null ? Number.NEGATIVE_INFINITY : ceilTo(firstHour, day);
  const lastDay = floorTo(lastHour, day);
  if (firstDay < lastDay) {
    push('hour', firstHour, firstDay);
    push('day', firstDay, lastDay);
    push('hour', lastDay, lastHour);
  } else {
    push('hour', firstHour, lastHour);
  }
  push('spans', lastHour, end);
  return segments;
}
