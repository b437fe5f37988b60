import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clockFrom } from '../platform/clock';
import { parseJson } from '../protocol/json';
import type { Chart } from '../protocol/chart';
import { defineTool, type ToolContext, type ToolDefinition } from '../tools/define-tool';
import { runToolCall } from './tool-runner';

const clock = clockFrom(() => new Date('2025-06-16T15:00:00Z'));
const context = { clock, signal: new AbortController().signal } as unknown as ToolContext;
const chart: Chart = {
  kind: 'bar',
  id: 'cash',
  title: 'Cash',
  unit: 'pct',
  categories: ['Cash'],
  series: [{ label: 'Share', values: [100] }],
  source: { provider: 'test', range: null, asOf: '2025-06-16T15:00:00.000Z' },
};

const charting = (attach: (context: ToolContext) => void, fail = false): ToolDefinition =>
  defineTool({
    name: 'charting',
    description: 'test',
    input: z.object({}),
    sideEffect: 'read',
    activity: () => 'Testing…',
    run: (_input, toolContext) => {
      attach(toolContext);
      if (fail) throw new Error('broken');
      return Promise.resolve({ value: 1 });
    },
  });

const run = (tool: ToolDefinition) => runToolCall({ id: 'toolu_1', name: 'charting', input: {} }, [tool], context, clock);

describe('runToolCall with charts', () => {
  it('keeps the charts a tool attached beside its result and names them to the model', async () => {
    const record = await run(charting((toolContext) => { toolContext.charts?.attach(() => chart); }));
    expect(record.charts).toEqual([chart]);
    expect(parseJson(z.unknown(), record.content)).toEqual({ value: 1, chartsShown: ['Chart: Cash (drawn below your answer from this data)'] });
  });

  it('drops a chart whose builder throws or whose data breaks the schema, and the tool still succeeds', async () => {
    const record = await run(
      charting((toolContext) => {
        toolContext.charts?.attach(() => { throw new Error('bad data'); });
        toolContext.charts?.attach(() => ({ ...chart, series: [{ label: 'Share', values: [1, 2] }] }));
        toolContext.charts?.attach(() => null);
      }),
    );
    expect(record.ok).toBe(true);
    expect(record.charts).toBeUndefined();
    expect(parseJson(z.unknown(), record.content)).toEqual({ value: 1 });
  });

  it('attaches no chart to a failed call', async () => {
    const record = await run(charting((toolContext) => { toolContext.charts?.attach(() => chart); }, true));
    expect(record.ok).toBe(false);
    expect(record.charts).toBeUndefined();
  });
});
