import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, webSearch } from '../simulators/anthropic';
import { modelRequests, startScenario, type Scenario } from './support';
import { defaultSettings } from '../../src/protocol/settings';

let scenario: Scenario;
beforeEach(async () => { scenario = await startScenario(); });
afterEach(async () => { await scenario.close(); });

const toolNames = (body: unknown) => ((body as { tools?: { name: string; type?: string }[] }).tools ?? []).map((t) => t.type ?? t.name);

describe('web research', () => {
  it('is off by default: the model gets no web search tool', async () => {
    scenario.anthropic.setScript(() => message(text('ok')));
    await scenario.bg.client.request({ type: 'chat-send', text: 'semiconductor news?' });
    await scenario.bg.idle();
    expect(toolNames(modelRequests(scenario.anthropic)[0])).not.toContain('web_search_20250305');
  });

  it('when switched on, offers Anthropic’s server-side web search and keeps its citations as links', async () => {
    const settings = { ...defaultSettings(), webResearch: true };
    settings.baseUrls = { anthropic: scenario.anthropic.url, alpacaTrading: scenario.alpaca.tradingUrl, alpacaData: scenario.alpaca.dataUrl };
    await scenario.bg.client.request({ type: 'settings-save', settings, secrets: {} });
    scenario.anthropic.setScript(() =>
      message(
        webSearch('semiconductor stocks news', [{ url: 'https://news.example/chips', title: 'Chip stocks rally' }]),
        text('Chip stocks rallied this week.', [{ url: 'https://news.example/chips', title: 'Chip stocks rally', citedText: 'Chip stocks rallied' }]),
      ),
    );
    const sent = await scenario.bg.client.request({ type: 'chat-send', text: "What's the latest news on semiconductor stocks?" });
    await scenario.bg.idle();
    expect(toolNames(modelRequests(scenario.anthropic)[0])).toContain('web_search_20250305');
    const session = await scenario.bg.client.request({ type: 'conversation-open', conversationId: sent.conversationId });
    const answer = session.messages.find((m) => m.id === sent.messageId);
    expect(answer?.text).toBe('Chip stocks rallied this week.');
    expect(answer?.meta?.citations).toEqual([{ url: 'https://news.example/chips', title: 'Chip stocks rally' }]);
  });
});
