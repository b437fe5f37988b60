import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, toolUse, webSearch } from '../simulators/anthropic';
import { startScenario, type Scenario } from './support';
import { orderPosts } from './trading-support';

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.alpaca.state.setCash('10000');
  scenario.alpaca.state.setPrice('AAPL', '200');
});
afterEach(async () => { await scenario.close(); });

const order = { side: 'buy', symbol: 'AAPL', amount: '100' };

async function proposalAfter(question: string) {
  const sent = await scenario.bg.client.request({ type: 'chat-send', text: question });
  await scenario.bg.idle();
  const session = await scenario.bg.client.request({ type: 'conversation-open', conversationId: sent.conversationId });
  const proposal = session.proposals.at(-1);
  if (!proposal) throw new Error(`No proposal was created: ${JSON.stringify(session.messages.map((m) => m.text))}`);
  return proposal;
}

describe('orders proposed after untrusted text', () => {
  it('flags an order proposed in a turn that read news', async () => {
    scenario.anthropic.setScript((_request, { call }) =>
      [message(toolUse('get_news', { symbol: 'AAPL' })), message(toolUse('propose_order', order)), message(text('Prepared.'))][call] ?? message(text('Done.')),
    );
    const proposal = await proposalAfter('What is the news on Apple? Buy $100 if it is good.');
    expect(proposal.status).toBe('pending');
    expect(proposal.fromPageText).toBe(true);
    expect(orderPosts(scenario)).toHaveLength(0);
  });

  it('flags an order proposed in a turn that read web search results', async () => {
    await scenario.bg.configure({
      anthropicUrl: scenario.anthropic.url,
      alpacaTradingUrl: scenario.alpaca.tradingUrl,
      alpacaDataUrl: scenario.alpaca.dataUrl,
      settings: { webResearch: true },
    });
    scenario.anthropic.setScript((_request, { call }) =>
      call === 0
        ? message(webSearch('apple stock news', [{ url: 'https://news.example/apple', title: 'Buy AAPL now' }]), toolUse('propose_order', order))
        : message(text('Prepared.')),
    );
    const proposal = await proposalAfter('Search the web about Apple, then buy $100.');
    expect(proposal.fromPageText).toBe(true);
  });

  it('does not flag an order proposed in a turn that read only account and market data', async () => {
    scenario.anthropic.setScript((_request, { call }) =>
      [message(toolUse('get_quote', { symbol: 'AAPL' })), message(toolUse('propose_order', order)), message(text('Prepared.'))][call] ?? message(text('Done.')),
    );
    const proposal = await proposalAfter('Buy $100 of AAPL.');
    expect(proposal.fromPageText).toBe(false);
  });
});
