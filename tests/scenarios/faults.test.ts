import { afterEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { ask, modelRequests, startScenario, systemText, type Scenario } from './support';
import { orderPosts, proposeThroughChat } from './trading-support';
import { defaultSettings } from '../../src/protocol/settings';
import type { PushEvent } from '../../src/protocol/messages';

let scenario: Scenario | undefined;
afterEach(async () => { await scenario?.close(); scenario = undefined; });

/** Short waits so the suite stays quick: retries back off from 20 ms, circuits half-open after 300 ms. */
const fastResilience = {
  resilience: {
    config: {
      anthropic: { backoffInitialMs: 20, backoffMaxMs: 50, halfOpenAfterMs: 300 },
      'alpaca-trading': { backoffInitialMs: 20, backoffMaxMs: 50, halfOpenAfterMs: 300, timeoutMs: 500 },
      'alpaca-data': { backoffInitialMs: 20, backoffMaxMs: 50, halfOpenAfterMs: 300 },
    },
  },
};

const healthEvents = (s: Scenario) => s.bg.events.filter((e): e is Extract<PushEvent, { type: 'service-health' }> => e.type === 'service-health');

async function withFallbackModel(s: Scenario, fallback: string) {
  const settings = defaultSettings();
  settings.models.fallback = fallback;
  settings.baseUrls = { anthropic: s.anthropic.url, alpacaTrading: s.alpaca.tradingUrl, alpacaData: s.alpaca.dataUrl };
  await s.bg.client.request({ type: 'settings-save', settings, secrets: {} });
}

describe('fault injection: what the user sees, and that nothing is lost or done twice', () => {
  it('a 429 with retry-after is waited out and the answer arrives', async () => {
    scenario = await startScenario({ platform: fastResilience });
    scenario.anthropic.enqueueFault({ kind: 'status', status: 429, retryAfterSeconds: 1 });
    scenario.anthropic.setScript(() => message(text('Here you go.')));
    const started = Date.now();
    const { answer } = await ask(scenario, 'What is a dividend?');
    expect(answer?.status).toBe('complete');
    expect(answer?.text).toBe('Here you go.');
    expect(modelRequests(scenario.anthropic)).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('a burst of 529 overloads falls back to the configured model, and says so', async () => {
    scenario = await startScenario({ platform: fastResilience });
    await withFallbackModel(scenario, 'claude-haiku-4-5');
    scenario.anthropic.setScript((request) =>
      request.model === 'claude-sonnet-5' ? { kind: 'status', status: 529 } : message(text('Answered by the fallback model.')),
    );
    const { answer } = await ask(scenario, 'What is an index fund?');
    const models = modelRequests(scenario.anthropic).map((r) => r.model);
    expect(models).toEqual(['claude-sonnet-5', 'claude-sonnet-5', 'claude-sonnet-5', 'claude-haiku-4-5']);
    expect(answer?.status).toBe('complete');
    expect(answer?.text).toBe('Answered by the fallback model.');
    expect(answer?.meta?.fallback).toMatch(/overloaded/i);
  });

  it('without a fallback model, persistent overload ends in a clear, retryable error and the question is kept', async () => {
    scenario = await startScenario({ platform: fastResilience });
    scenario.anthropic.setScript(() => ({ kind: 'status', status: 529 }));
    const { answer, session } = await ask(scenario, 'What is an index fund?');
    expect(answer?.status).toBe('error');
    expect(answer?.error?.retryable).toBe(true);
    expect(answer?.error?.message).toMatch(/overloaded/i);
    expect(session.messages[0]?.text).toBe('What is an index fund?');
  });

  it('500s from positions: the analyst answers with market data and says the account is unavailable', async () => {
    scenario = await startScenario({ platform: fastResilience });
    scenario.alpaca.faults.setStatusSequence('GET /v2/positions', [500, 500, 500]);
    scenario.anthropic.setScript((_request, { call }) =>
      call === 0 ? message(toolUse('get_portfolio_summary', {})) : message(text('Your account data is unavailable right now; here is what the market shows.')),
    );
    const { answer } = await ask(scenario, 'Show me my portfolio');
    const requests = modelRequests(scenario.anthropic);
    expect(requests).toHaveLength(2);
    expect(systemText(requests[1])).toContain("Clera's market analyst");
    expect(JSON.stringify(requests[1]?.system)).toContain("The user's account data could not be fetched");
    expect(answer?.status).toBe('complete');
    expect(answer?.meta?.fallback).toBeTruthy();
    expect(scenario.alpaca.requests.filter((r) => r.path === '/v2/positions')).toHaveLength(3);
  });

  it('market data down: the circuit opens, the banner names it, and it clears after the half-open probe', async () => {
    scenario = await startScenario({ platform: fastResilience });
    scenario.alpaca.faults.setStatusSequence('GET /v2/stocks/{symbol}/snapshot', Array.from({ length: 6 }, () => 500));
    scenario.anthropic.setScript((request) => {
      const last = request.messages.at(-1);
      const hasResult = last && typeof last.content !== 'string' && last.content.some((b) => b.type === 'tool_result');
      return hasResult ? message(text('Done.')) : message(toolUse('get_quote', { symbol: 'AAPL' }));
    });
    await ask(scenario, 'AAPL price?');
    await ask(scenario, 'AAPL price again?');
    const down = healthEvents(scenario).find((e) => e.health['alpaca-data'].state === 'down');
    expect(down).toBeDefined();
    const opened = await scenario.bg.client.request({ type: 'session-open' });
    expect(opened.health?.['alpaca-data'].state).toBe('down');
    // While open, a call fails fast without reaching the simulator.
    const before = scenario.alpaca.requests.length;
    await ask(scenario, 'and now?');
    expect(scenario.alpaca.requests.filter((r) => r.path.includes('snapshot')).length).toBe(scenario.alpaca.requests.slice(0, before).filter((r) => r.path.includes('snapshot')).length);

    await new Promise((resolve) => setTimeout(resolve, 400)); // half-open
    scenario.alpaca.faults.clear();
    await ask(scenario, 'AAPL price, third try?');
    const latest = healthEvents(scenario).at(-1);
    expect(latest?.health['alpaca-data'].state).not.toBe('down');
    const recovered = await scenario.bg.client.request({ type: 'session-open' });
    expect(recovered.health?.['alpaca-data'].state).not.toBe('down');
  });

  it('a stream dropped mid-answer keeps the partial text; Retry does not run the tool again', async () => {
    scenario = await startScenario({ platform: fastResilience });
    scenario.alpaca.state.setPrice('AAPL', '200');
    let dropped = false;
    scenario.anthropic.setScript((_request, { call }) => {
      if (call === 0) return message(toolUse('get_quote', { symbol: 'AAPL' }));
      if (!dropped) {
        dropped = true;
        return { kind: 'drop', afterEvents: 5, message: message(text('Apple is trading at two hundred dollars and the day has been calm so far.')) };
      }
      return message(text('Apple is at $200.00.'));
    });
    const first = await ask(scenario, 'AAPL?');
    expect(first.answer?.status).toBe('error');
    expect(first.answer?.text.length).toBeGreaterThan(0);
    const quotes = scenario.alpaca.requests.filter((r) => r.path.includes('/AAPL/')).length;
    const retried = await scenario.bg.client.request({ type: 'chat-retry', conversationId: first.conversationId, messageId: first.messageId });
    await scenario.bg.idle();
    const session = await scenario.bg.client.request({ type: 'conversation-open', conversationId: first.conversationId });
    expect(session.messages.find((m) => m.id === retried.messageId)?.text).toBe('Apple is at $200.00.');
    expect(session.messages.find((m) => m.id === first.messageId)?.text).toBe(first.answer?.text);
    expect(scenario.alpaca.requests.filter((r) => r.path.includes('/AAPL/')).length).toBe(quotes);
  });

  it('an order POST that times out is looked up, not re-sent: exactly one order', async () => {
    scenario = await startScenario({ platform: fastResilience });
    scenario.alpaca.state.setCash('10000');
    scenario.alpaca.state.setPrice('AAPL', '200');
    const { proposal } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '100' });
    scenario.alpaca.faults.setLatency('POST /v2/orders', 700); // longer than the 500 ms timeout; the broker still takes it
    const { proposal: decided } = await scenario.bg.client.request({ type: 'proposal-decide', proposalId: proposal.id, revision: proposal.revision, decision: 'confirm', liveConfirmed: false });
    await scenario.bg.idle();
    expect(['submitted', 'filled']).toContain(decided.status);
    expect(orderPosts(scenario)).toHaveLength(1);
    expect(scenario.alpaca.state.orders()).toHaveLength(1);
  });
});
