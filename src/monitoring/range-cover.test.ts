import { describe, expect, it } from 'vitest';
import { coverRange } from './range-cover';

describe('coverRange', () => {
  it('reads a range inside one hour from spans only', () => {
    expect(coverRange('2026-03-01T10:10:00.000Z', '2026-03-01T10:50:00.000Z')).toEqual([{ source: 'spans', from: '2026-03-01T10:10:00.000Z', to: '2026-03-01T10:50:00.000Z' }]);
  });

  it('reads whole hours from hourly buckets and the edges from spans', () => {
    expect(coverRange('2026-03-01T10:10:00.000Z', '2026-03-01T13:20:00.000Z')).toEqual([
      { source: 'spans', from: '2026-03-01T10:10:00.000Z', to: '2026-03-01T11:00:00.000Z' },
      { source: 'hour', from: '2026-03-01T11:00:00.000Z', to: '2026-03-01T13:00:00.000Z' },
      { source: 'spans', from: '2026-03-01T13:00:00.000Z', to: '2026-03-01T13:20:00.000Z' },
    ]);
  });

  it('reads whole days from daily buckets', () => {
    expect(coverRange('2026-03-01T22:30:00.000Z', '2026-03-04T01:15:00.000Z')).toEqual([
      { source: 'spans', from: '2026-03-01T22:30:00.000Z', to: '2026-03-01T23:00:00.000Z' },
      { source: 'hour', from: '2026-03-01T23:00:00.000Z', to: '2026-03-02T00:00:00.000Z' },
      { source: 'day', from: '2026-03-02T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' },
      { source: 'hour', from: '2026-03-04T00:00:00.000Z', to: '2026-03-04T01:00:00.000Z' },
      { source: 'spans', from: '2026-03-04T01:00:00.000Z', to: '2026-03-04T01:15:00.000Z' },
    ]);
  });

  it('reads "all" as every daily bucket before today, then hours, then spans', () => {
    expect(coverRange(null, '2026-03-04T01:15:00.000Z')).toEqual([
      { source: 'day', from: '', to: '2026-03-04T00:00:00.000Z' },
      { source: 'hour', from: '2026-03-04T00:00:00.000Z', to: '2026-03-04T01:00:00.000Z' },
      { source: 'spans', from: '2026-03-04T01:00:00.000Z', to: '2026-03-04T01:15:00.000Z' },
    ]);
  });

  it('is empty for an empty range', () => {
    expect(coverRange('2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z')).toEqual([]);
  });
});
