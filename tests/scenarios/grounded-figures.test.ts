import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { ask, startScenario, type Scenario } from './support';
import { spanSchema } from '../../src/monitoring/span';

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.alpaca.state.setPrice('AAPL', '200');
});
afterEach(async () => { await scenario.close(); });

const ANSWER = 'Apple last traded at $200.00, and analysts expect $999.99 by June.';

async function runSpans() {
  const rows = await scenario.bg.database.spans.toArray();
  return rows.map((row) => spanSchema.parse(row.value)).filter((span) => span.kind === 'agent-run');
}

describe('grounded figures', () => {
  it('marks the figure no tool result supports, not the one from the quote, and counts it in the run span', async () => {
    scenario.anthropic.setScript((_request, { call }) => (call === 0 ? message(toolUse('get_quote', { symbol: 'AAPL' })) : message(text(ANSWER))));
    const { answer } = await ask(scenario, 'Where is AAPL?');
    expect(answer?.text).toBe(ANSWER);
    const start = ANSWER.indexOf('$999.99');
    expect(answer?.meta?.ungroundedFigures).toEqual([{ text: '$999.99', start, end: start + '$999.99'.length, reason: expect.stringMatching(/999\.99/) as unknown }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await runSpans()).map((span) => span.detail)).toEqual([{ figuresChecked: 2, ungroundedFigures: 1 }]);
  });

  it('leaves an answer whose figures all come from the turn\'s data unmarked', async () => {
    scenario.anthropic.setScript((_request, { call }) => (call === 0 ? message(toolUse('get_quote', { symbol: 'AAPL' })) : message(text('Apple is at $200.00.'))));
    const { answer } = await ask(scenario, 'Where is AAPL?');
    expect(answer?.meta?.ungroundedFigures).toEqual([]);
  });

  it('does not count a failed tool call as data', async () => {
    scenario.alpaca.faults.setStatusSequence('GET /v2/stocks/AAPL/snapshot', [400]);
    scenario.anthropic.setScript((_request, { call }) =>
      call === 0 ? message(toolUse('get_quote', { symbol: 'AAPL' })) : message(text('The request failed with code 400; Apple is near $200.00.')),
    );
    const { answer } = await ask(scenario, 'Where is AAPL?');
    expect(answer?.meta?.ungroundedFigures?.map((figure) => figure.text)).toContain('$200.00');
  });
});
