import { describe, expect, it } from 'vitest';
import type { Chart } from '../protocol/chart';
import { chartsOfTurn, maxChartsPerAnswer } from './turn-charts';
import type { ToolRecord } from './tool-runner';

const chart = (id: string): Chart => ({
  kind: 'bar',
  id,
  title: id,
  unit: 'pct',
  categories: ['Cash'],
  series: [{ label: 'Share', values: [100] }],
  source: { provider: 'test', range: null, asOf: '2025-06-16T15:00:00.000Z' },
});
const record = (ok: boolean, charts?: Chart[]): ToolRecord => ({
  name: 'tool',
  agent: 'portfolio_manager',
  ok,
  content: '{}',
  startedAt: '2025-06-16T15:00:00.000Z',
  endedAt: '2025-06-16T15:00:01.000Z',
  ...(charts ? { charts } : {}),
});

describe('chartsOfTurn', () => {
  it('collects the charts of the successful calls in order, each id once', () => {
    const charts = chartsOfTurn({ a: record(true, [chart('one'), chart('two')]), b: record(true), c: record(true, [chart('two'), chart('three')]) });
    expect(charts.map((entry) => entry.id)).toEqual(['one', 'two', 'three']);
  });

  it('ignores charts on a failed call', () => {
    expect(chartsOfTurn({ a: record(false, [chart('one')]) })).toEqual([]);
  });

  it(`keeps at most ${String(maxChartsPerAnswer)} charts`, () => {
    const many = Array.from({ length: maxChartsPerAnswer + 2 }, (_, index) => chart(`c${String(index)}`));
    expect(chartsOfTurn({ a: record(true, many) })).toHaveLength(maxChartsPerAnswer);
  });
});
