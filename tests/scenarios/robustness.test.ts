import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { ask, lastToolResults, modelRequests, startScenario, type Scenario } from './support';
import { startBackground } from '../support/background-harness';

let scenario: Scenario;
beforeEach(async () => { scenario = await startScenario(); });
afterEach(async () => { await scenario.close(); });

describe('bad model output and bad symbols', () => {
  it('returns invalid tool input to the model as an error it corrects on the next call', async () => {
    scenario.alpaca.state.setPrice('NVDA', '120.50');
    scenario.anthropic.setScript((_request, { call }) => {
      if (call === 0) return message(toolUse('get_quote', { ticker: 'NVDA' }));
      if (call === 1) return message(toolUse('get_quote', { symbol: 'NVDA' }));
      return message(text('NVIDIA is at $120.50.'));
    });
    const { answer } = await ask(scenario, 'NVDA price?');
    const requests = modelRequests(scenario.anthropic);
    expect(requests).toHaveLength(3);
    const [rejected] = lastToolResults(requests[1]);
    expect(rejected?.isError).toBe(true);
    expect(JSON.stringify(rejected?.content)).toContain('symbol');
    expect(lastToolResults(requests[2])[0]?.isError).toBe(false);
    expect(answer?.status).toBe('complete');
  });

  it('tells the model about an unknown tool instead of crashing', async () => {
    scenario.anthropic.setScript((_request, { call }) => (call === 0 ? message(toolUse('get_stock_price', { ticker: 'AAPL' })) : message(text('Let me put that differently.'))));
    const { answer } = await ask(scenario, 'price of AAPL');
    const [result] = lastToolResults(modelRequests(scenario.anthropic)[1]);
    expect(result?.isError).toBe(true);
    expect(JSON.stringify(result?.content)).toContain('get_quote');
    expect(answer?.status).toBe('complete');
  });

  it('reports an unknown ticker to the model as a clear error, and the answer explains it', async () => {
    scenario.anthropic.setScript((request, { call }) => {
      if (call === 0) return message(toolUse('get_quote', { symbol: 'ZZZZ' }));
      const [result] = lastToolResults(request);
      return message(text(result?.isError ? 'I could not find ZZZZ; check the symbol.' : 'unexpected'));
    });
    const { answer } = await ask(scenario, 'How did ZZZZ perform YTD?');
    const [result] = lastToolResults(modelRequests(scenario.anthropic)[1]);
    expect(JSON.stringify(result?.content)).toMatch(/ZZZZ/);
    expect(answer?.text).toBe('I could not find ZZZZ; check the symbol.');
  });
});

describe('a worker stopped mid-run', () => {
  it('marks the run interrupted, and Retry resumes without re-running the tool that already ran', async () => {
    scenario.alpaca.state.setPrice('AAPL', '200');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    scenario.anthropic.setScript(async (_request, { call }) => {
      if (call === 0) return message(toolUse('get_quote', { symbol: 'AAPL' }));
      if (call === 1) {
        await held; // the worker "stops" while the second model call is in flight
        return message(text('never delivered'));
      }
      return message(text('Apple is at $200.00.'));
    });
    const first = scenario.bg;
    const { conversationId, messageId } = await first.client.request({ type: 'chat-send', text: 'AAPL?' });
    while (modelRequests(scenario.anthropic).length < 2) await new Promise((r) => setTimeout(r, 10));
    const quotesBefore = scenario.alpaca.requests.filter((r) => r.path.includes('AAPL')).length;

    // A new app on the same database stands for the restarted worker.
    const second = startBackground({ database: first.database });
    await second.app.ready;
    const interrupted = (await second.client.request({ type: 'conversation-open', conversationId })).messages.find((m) => m.id === messageId);
    expect(interrupted?.status).toBe('interrupted');

    const retried = await second.client.request({ type: 'chat-retry', conversationId, messageId });
    await second.idle();
    const after = await second.client.request({ type: 'conversation-open', conversationId });
    expect(after.messages.find((m) => m.id === retried.messageId)?.text).toBe('Apple is at $200.00.');
    // The quote was not fetched again: the saved tool result was reused.
    expect(scenario.alpaca.requests.filter((r) => r.path.includes('AAPL')).length).toBe(quotesBefore);
    release();
    first.client.close();
  });

  it('stops at once when asked, keeping what was written', async () => {
    scenario.anthropic.setScript(() => ({ ...message(text('word '.repeat(300))), latency: { perChunkMs: 20 } }));
    const { conversationId, messageId } = await scenario.bg.client.request({ type: 'chat-send', text: 'long answer please' });
    while (!scenario.bg.events.some((e) => e.type === 'text-delta')) await new Promise((r) => setTimeout(r, 5));
    await scenario.bg.client.request({ type: 'chat-stop', conversationId });
    await scenario.bg.idle();
    const stopped = (await scenario.bg.client.request({ type: 'conversation-open', conversationId })).messages.find((m) => m.id === messageId);
    expect(stopped?.status).toBe('stopped');
    expect(stopped?.text.length).toBeGreaterThan(0);
  });
});
