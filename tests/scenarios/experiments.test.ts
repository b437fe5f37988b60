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

  it('compares variants side by side in the metrics view and promotes one to default', async () => {
    await split(scenario, [{ variant: 'concise', weight: 100 }]);
    scenario.anthropic.setScript(() => message(text('Diversification spreads risk.')));
    const { answer } = await ask(scenario, 'What is diversification?');
    await scenario.bg.client.request({ type: 'feedback-give', messageId: answer?.id ?? '', rating: 'good' });
    const judge = { accuracy: 4, actionability: 3, risk_considerations: 5, professional_tone: 4 };
    await scenario.bg.client.request({
      type: 'eval-import',
      results: {
        format: 'clera-eval-results', version: 1, runAt: '2026-03-10T14:00:00.000Z',
        cases: [
          { id: 'a#concise@v1#t0', expectedRoute: 'direct', actualRoute: 'direct', passed: true, variant: 'concise@v1', judge },
          { id: 'b#concise@v1#t0', expectedRoute: 'direct', actualRoute: 'direct', passed: false, variant: 'concise@v1' },
          { id: 'a#default@v1#t0', expectedRoute: 'direct', actualRoute: 'direct', passed: true, variant: 'default@v1' },
        ],
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // spans are written in batches about a second apart
    const view = await scenario.bg.client.request({ type: 'metrics-variants', range: 'all' });
    expect(view.baseline).toBe('concise@v1');
    expect(view.split).toEqual([{ variant: 'concise', weight: 100 }]);
    const concise = view.rows.find((row) => row.variant === 'concise@v1');
    expect(concise?.success).toMatchObject({ successes: 1, n: 1, vsBaseline: { kind: 'baseline' } });
    expect(concise?.feedback).toMatchObject({ successes: 1, n: 1, bad: 0 });
    expect(concise?.evaluation).toMatchObject({ successes: 1, n: 2, judged: 1, judgeMeans: judge });
    expect(concise?.latency.p50Ms).not.toBeNull();
    const fallback = view.rows.find((row) => row.variant === 'default@v1');
    expect(fallback?.evaluation).toMatchObject({ successes: 1, n: 1, vsBaseline: { kind: 'not-enough-data' } });

    await expect(scenario.bg.client.request({ type: 'experiment-promote', variant: 'no-such-variant' })).rejects.toThrow(/no prompt variant/);
    expect(await scenario.bg.client.request({ type: 'experiment-promote', variant: 'risk-first' })).toEqual({ split: [{ variant: 'risk-first', weight: 100 }] });
    const { settings } = await scenario.bg.client.request({ type: 'settings-get' });
    expect(settings.experiment.split).toEqual([{ variant: 'risk-first', weight: 100 }]);
    expect((await scenario.bg.client.request({ type: 'metrics-variants', range: 'all' })).baseline).toBe('risk-first@v1');
    const next = await ask(scenario, 'And an ETF?');
    expect(next.answer?.meta?.variant).toBe('risk-first@v1');
  });
});
