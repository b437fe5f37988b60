import { afterEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { ask, modelRequests, startScenario, systemText, type Scenario } from './support';
import { defaultSettings } from '../../src/protocol/settings';

let scenario: Scenario | undefined;
afterEach(async () => { await scenario?.close(); scenario = undefined; });

const fastResilience = {
  resilience: { config: { anthropic: { backoffInitialMs: 20, backoffMaxMs: 50, halfOpenAfterMs: 300 } } },
};

const FALLBACK_MODEL = 'claude-sonnet-4-6';

describe('a model fallback does not change the route', () => {
  it('after the supervisor’s model is overloaded and the fallback model routes to the analyst, the analyst answers and no call carries a service notice', async () => {
    scenario = await startScenario({ platform: fastResilience });
    const settings = defaultSettings();
    settings.models.fallback = FALLBACK_MODEL;
    settings.baseUrls = { anthropic: scenario.anthropic.url, alpacaTrading: scenario.alpaca.tradingUrl, alpacaData: scenario.alpaca.dataUrl };
    await scenario.bg.client.request({ type: 'settings-save', settings, secrets: {} });
    scenario.alpaca.state.setPrice('AAPL', '231.45');
    let fallbackCalls = 0;
    scenario.anthropic.setScript((request) => {
      // The supervisor's own model is overloaded for the whole turn; every other model answers.
      if (request.model === 'claude-sonnet-5') return { kind: 'status', status: 529 };
      if (request.model === FALLBACK_MODEL) {
        fallbackCalls += 1;
        return fallbackCalls === 1 ? message(toolUse('get_quote', { symbol: 'AAPL' })) : message(text('The supervisor wrote this.'));
      }
      return message(text('Apple last traded at $231.45.'));
    });
    const { answer } = await ask(scenario, "What's Apple's price?");
    const requests = modelRequests(scenario.anthropic);
    const afterFallback = requests.slice(requests.findIndex((r) => r.model === FALLBACK_MODEL));
    expect(afterFallback.map((r) => r.model)).toEqual([FALLBACK_MODEL, 'claude-haiku-4-5']);
    expect(systemText(afterFallback[1])).toContain("Clera's market analyst");
    for (const request of afterFallback) expect(JSON.stringify(request.system)).not.toContain('Service notice');
    expect(answer?.status).toBe('complete');
    expect(answer?.text).toBe('Apple last traded at $231.45.');
    expect(answer?.meta?.agent).toBe('financial_analyst');
    // The user is still told that the answer came from the fallback model.
    expect(answer?.meta?.fallback).toMatch(/overloaded/i);
  });
});
