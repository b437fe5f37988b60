import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { ask, modelRequests, startScenario, type Scenario } from './support';
import { defaultSettings } from '../../src/protocol/settings';
import { spanSchema } from '../../src/monitoring/span';

let scenario: Scenario;
beforeEach(async () => { scenario = await startScenario(); });
afterEach(async () => { await scenario.close(); });

async function split(s: Scenario, arms: { variant: string; weight: number }[]) {
  const settings = defaultSettings();
  settings.baseUrls = { anthropic: s.anthropic.url, alpacaTrading: s.alpaca.tradingUrl, alpacaData: s.alpaca.dataUrl };
  settings.experiment = { split: arms };
  await s.bg.client.request({ type: 'settings-save', settings, secrets: {} });
}

describe('prompt experiments with the real loop', () => {
  it('runs a conversation on the variant the split assigns, and records it on the answer and the model-call span', async () => {
    await split(scenario, [{ variant: 'concise', weight: 100 }]);
    scenario.anthropic.setScript(() => message(text('Diversification spreads risk.')));
    const { answer } = await ask(scenario, 'What is diversification?');
    expect(JSON.stringify(modelRequests(scenario.anthropic)[0]?.system)).toContain('under about 120 words');
    expect(answer?.meta?.variant).toBe('concise@v1');
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // spans are written in batches about a second apart
    const spans = (await scenario.bg.database.spans.toArray()).map((row) => spanSchema.parse(row.value)).filter((s) => s.kind === 'model-call');
    expect(spans[0]?.detail?.promptVersion).toBe('supervisor@1~concise@v1');
  });

  it('records the variant on every span of the turn: the agent run, its model calls and its tool calls', async () => {
    await split(scenario, [{ variant: 'risk-first', weight: 100 }]);
    scenario.anthropic.setScript((_request, { call }) => (call === 0 ? message(toolUse('get_portfolio_summary', {})) : message(text('You hold cash.'))));
    const { answer } = await ask(scenario, 'What do I hold?');
    expect(answer?.meta?.variant).toBe('risk-first@v1');
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // spans are written in batches about a second apart
    const spans = (await scenario.bg.database.spans.toArray()).map((row) => spanSchema.parse(row.value)).filter((s) => s.runId === answer?.meta?.runId);
    const kinds = new Set(spans.map((s) => s.kind));
    expect(kinds).toEqual(new Set(['agent-run', 'model-call', 'tool-call']));
    for (const span of spans) expect({ kind: span.kind, variant: span.variant }).toEqual({ kind: span.kind, variant: 'risk-first@v1' });
  });

  it('records the variant of the answered turn on its feedback', async () => {
    await split(scenario, [{ variant: 'concise', weight: 100 }]);
    scenario.anthropic.setScript(() => message(text('Diversification spreads risk.')));
    const { answer } = await ask(scenario, 'What is diversification?');
    await scenario.bg.client.request({ type: 'feedback-give', messageId: answer?.id ?? '', rating: 'good' });
    const [row] = await scenario.bg.database.feedback.toArray();
    expect(row?.value).toMatchObject({ rating: 'good', variant: 'concise@v1' });
  });

  it('leaves the shipped prompt alone by default', async () => {
    scenario.anthropic.setScript(() => message(text('Sure.')));
    const { answer } = await ask(scenario, 'What is an ETF?');
    expect(JSON.stringify(modelRequests(scenario.anthropic)[0]?.system)).not.toContain('120 words');
    expect(answer?.meta?.variant).toBe('default@v1');
  });
});
