import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { message, text, toolUse } from '../simulators/anthropic';
import { ask, lastToolResults, modelRequests, startScenario, type Scenario } from './support';

let scenario: Scenario;
beforeEach(async () => { scenario = await startScenario(); });
afterEach(async () => { await scenario.close(); });

const reportSchema = z.object({ startDate: z.string(), endDate: z.string(), totalReturnPct: z.number(), benchmark: z.object({ totalReturnPct: z.number() }), chartsShown: z.array(z.string()) });

describe('charts in answers', () => {
  it('carries the chart data of the turn\'s tool results on the answer, equal to what the tool returned', async () => {
    scenario.anthropic.setScript((_request, { call }) =>
      call === 0 ? message(toolUse('get_performance', { symbol: 'NVDA', start_date: '2026-01-02' })) : message(text('NVDA against the S&P 500 is charted below.')),
    );
    const { answer } = await ask(scenario, 'How did NVDA do against the S&P 500 this year?');
    const report = reportSchema.parse(lastToolResults(modelRequests(scenario.anthropic).at(-1))[0]?.content);
    const charts = answer?.meta?.charts ?? [];
    expect(charts.map((chart) => chart.title)).toEqual(['NVDA vs S&P 500', 'NVDA drawdown']);
    const comparison = charts[0];
    if (comparison?.kind !== 'line') throw new Error('expected a line chart');
    expect([comparison.x[0], comparison.x.at(-1)]).toEqual([report.startDate, report.endDate]);
    expect(comparison.series.map((series) => series.values.at(-1))).toEqual([report.totalReturnPct, report.benchmark.totalReturnPct]);
    expect(report.chartsShown).toHaveLength(2);
  });

  it('attaches no chart to an answer whose tools returned no series or breakdown', async () => {
    scenario.alpaca.state.setPrice('AAPL', '200');
    scenario.anthropic.setScript((_request, { call }) => (call === 0 ? message(toolUse('get_quote', { symbol: 'AAPL' })) : message(text('Apple is at $200.00.'))));
    const { answer } = await ask(scenario, 'Where is AAPL?');
    expect(answer?.meta?.charts).toBeUndefined();
  });
});
