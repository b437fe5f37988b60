import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, type MessagesRequest } from '../simulators/anthropic';
import { modelRequests, startScenario, type Scenario } from './support';

let scenario: Scenario;
beforeEach(async () => { scenario = await startScenario(); });
afterEach(async () => { await scenario.close(); });

const isSummaryCall = (request: MessagesRequest) => JSON.stringify(request.system).includes('You summarise');

describe('long conversations past the token budget', () => {
  it('summarises older turns once, keeps figures verbatim, and sends the summary instead of them', async () => {
    const view = await scenario.bg.client.request({ type: 'settings-get' });
    await scenario.bg.client.request({ type: 'settings-save', settings: { ...view.settings, memory: { ...view.settings.memory, conversationTokenBudget: 2000 } }, secrets: {} });
    scenario.anthropic.setScript((request) => {
      if (isSummaryCall(request)) return message(text('The user is building a balanced portfolio and asked about bonds.'));
      return message(text(`Your allocation of 60% stocks and 40% bonds is reasonable. ${'Diversification keeps risk in check. '.repeat(60)}`));
    });
    // Each exchange is about 900 tokens (a 1,200-character question, a 2,400-character answer).
    let conversationId: string | undefined;
    for (let turn = 1; turn <= 5; turn++) {
      const sent = await scenario.bg.client.request({ type: 'chat-send', conversationId, text: `Question ${String(turn)}: ${'Tell me more about my bond fund. '.repeat(36)}` });
      conversationId = sent.conversationId;
      await scenario.bg.idle();
    }
    const requests = modelRequests(scenario.anthropic);
    const summaries = requests.filter(isSummaryCall);
    // Turn 4 went past the budget (about 2,700 tokens of history): one summary; turn 5 reused it.
    expect(summaries).toHaveLength(1);
    const last = requests.filter((r) => !isSummaryCall(r)).at(-1);
    const sent = JSON.stringify(last?.messages);
    expect(sent).toContain('<conversation_summary>');
    expect(sent).toContain('The user is building a balanced portfolio');
    expect(sent).toContain('Clera: Your allocation of 60% stocks and 40% bonds is reasonable.');
    expect(sent).not.toContain('Question 1:');
    expect(sent).toContain('Question 4:');
    // The summary call itself carried the older turns as quoted data.
    expect(JSON.stringify(summaries[0]?.messages)).toContain('Question 1:');
  });

  it('sends the whole history while it fits the budget', async () => {
    scenario.anthropic.setScript(() => message(text('Short answer.')));
    let conversationId: string | undefined;
    for (let turn = 1; turn <= 3; turn++) {
      const sent = await scenario.bg.client.request({ type: 'chat-send', conversationId, text: `Question ${String(turn)}` });
      conversationId = sent.conversationId;
      await scenario.bg.idle();
    }
    const requests = modelRequests(scenario.anthropic);
    expect(requests.some(isSummaryCall)).toBe(false);
    expect(JSON.stringify(requests.at(-1)?.messages)).toContain('Question 1');
  });
});
