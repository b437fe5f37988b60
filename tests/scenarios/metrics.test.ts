import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { ask, startScenario, type Scenario } from './support';
import { spanSchema } from '../../src/monitoring/span';

let scenario: Scenario;
beforeEach(async () => { scenario = await startScenario(); });
afterEach(async () => { await scenario.close(); });

async function spans(s: Scenario) {
  const rows = await s.bg.database.spans.toArray();
  return rows.map((row) => spanSchema.parse(row.value)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

describe('metric spans from a real run', () => {
  it('records each model call with tokens and cost, the tool call, and the run with its routing decision', async () => {
    scenario.alpaca.state.setPrice('AAPL', '200');
    scenario.anthropic.setScript((_request, { call }) =>
      call === 0
        ? { ...message(toolUse('get_quote', { symbol: 'AAPL' })), usage: { inputTokens: 1000, outputTokens: 40 } }
        : { ...message(text('Apple is at $200.')), usage: { inputTokens: 1200, outputTokens: 20 } },
    );
    await ask(scenario, 'AAPL price?');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const recorded = await spans(scenario);
    const models = recorded.filter((s) => s.kind === 'model-call');
    expect(models.map((s) => [s.agent, s.model, s.outcome])).toEqual([
      ['supervisor', 'claude-sonnet-5', 'ok'],
      ['financial_analyst', 'claude-haiku-4-5', 'ok'],
    ]);
    expect(models[0]?.tokens?.input).toBe(1000);
    expect(models[0]?.tokens?.output).toBe(40);
    expect(models[0]?.costUsd).toMatch(/^\d+\.\d{6}$/);
    expect(models[1]?.ttftMs).toBeGreaterThanOrEqual(0);
    const tools = recorded.filter((s) => s.kind === 'tool-call');
    expect(tools.map((s) => [s.tool, s.agent, s.outcome])).toEqual([['get_quote', 'financial_analyst', 'ok']]);
    const runs = recorded.filter((s) => s.kind === 'agent-run');
    expect(runs.map((s) => [s.agent, s.route, s.outcome])).toEqual([['financial_analyst', ['financial_analyst'], 'ok']]);
  });
});
