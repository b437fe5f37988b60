import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { ask, lastToolResults, modelRequests, startScenario, type Scenario } from './support';
import type { MessagesRequest } from '../simulators/anthropic';

let scenario: Scenario;
beforeEach(async () => { scenario = await startScenario(); });
afterEach(async () => { await scenario.close(); });

/** Every system block of a request, joined (the personal section is its own block after the instructions). */
const systemAll = (request: MessagesRequest | undefined): string => {
  const system = request?.system;
  if (typeof system === 'string') return system;
  return (system ?? []).map((block) => block.text).join('\n');
};

/** The model proposes a memory on its first call, then answers. */
const rememberThen = (input: Record<string, unknown>, answer = 'Noted.') => (_request: MessagesRequest, { call }: { call: number }) =>
  call === 0 ? message(toolUse('remember_fact', input)) : message(text(answer));

const memories = async () => (await scenario.bg.client.request({ type: 'memory-list' })).memories;

describe('memory with the real loop and the scripted model', () => {
  it('saves an explicit "remember that" at once and uses it in the next conversation’s request', async () => {
    scenario.anthropic.setScript(rememberThen({ fact: 'Saving for a house deposit in 2028', kind: 'explicit' }));
    const first = await ask(scenario, 'Remember that I am saving for a house deposit in 2028');
    const saved = await memories();
    expect(saved).toMatchObject([{ text: 'Saving for a house deposit in 2028', status: 'saved', kind: 'explicit', source: { conversationId: first.conversationId } }]);
    // The panel's session shows it as saved, with its id for Undo.
    expect(first.session.memories).toMatchObject([{ id: saved[0]?.id, status: 'saved' }]);

    scenario.anthropic.setScript(() => message(text('A high-yield savings account suits a 2028 goal.')));
    const second = await ask(scenario, 'Where should I keep my savings?');
    expect(second.conversationId).not.toBe(first.conversationId);
    const request = modelRequests(scenario.anthropic).at(-1);
    expect(systemAll(request)).toContain(`[${saved[0]?.id ?? ''}] Saving for a house deposit in 2028`);
    // The personal section comes after the cached instructions, never inside them.
    const blocks = request?.system;
    expect(Array.isArray(blocks) && blocks[0]?.text.includes('house deposit')).toBe(false);
    expect(second.answer?.meta?.memoriesUsed?.memories).toEqual([{ id: saved[0]?.id, text: 'Saving for a house deposit in 2028' }]);
  });

  it('shows an inferred fact as a suggestion; Dismiss drops it and it is never used', async () => {
    scenario.anthropic.setScript(rememberThen({ fact: 'Prefers ETFs over single stocks', kind: 'inferred' }, 'ETFs spread your risk.'));
    const first = await ask(scenario, 'I only ever buy ETFs, are they good?');
    const [suggestion] = first.session.memories ?? [];
    expect(suggestion).toMatchObject({ status: 'suggested', text: 'Prefers ETFs over single stocks', source: { answerId: first.messageId } });
    // The model was told it is only a suggestion.
    expect(JSON.stringify(lastToolResults(modelRequests(scenario.anthropic)[1])[0]?.content)).toContain('"status":"suggested"');

    await scenario.bg.client.request({ type: 'memory-decide', memoryId: suggestion?.id ?? '', decision: 'dismiss' });
    expect(await memories()).toEqual([]);
    scenario.anthropic.setScript(() => message(text('Sure.')));
    await ask(scenario, 'Anything else?');
    expect(systemAll(modelRequests(scenario.anthropic).at(-1))).not.toContain('ETFs over single stocks');
  });

  it('replaces a contradicted fact instead of keeping both', async () => {
    scenario.anthropic.setScript(rememberThen({ fact: 'I am a conservative investor', kind: 'explicit' }));
    await ask(scenario, 'Remember that I am a conservative investor');
    scenario.anthropic.setScript(rememberThen({ fact: 'I moved to aggressive investing', kind: 'explicit' }));
    await ask(scenario, 'Actually I moved to aggressive investing, remember that');
    const list = await memories();
    expect(list.map((m) => m.text)).toEqual(['I moved to aggressive investing']);
    expect(list[0]?.replaces?.text).toBe('I am a conservative investor');

    scenario.anthropic.setScript(() => message(text('Growth funds fit.')));
    await ask(scenario, 'What fits me?');
    const system = systemAll(modelRequests(scenario.anthropic).at(-1));
    expect(system).toContain('I moved to aggressive investing');
    expect(system).not.toContain('conservative investor');
  });

  it('an incognito chat neither reads nor writes memory, and is not kept after it is left', async () => {
    await scenario.bg.client.request({ type: 'profile-save', profile: { riskTolerance: 'conservative', goals: ['Retire at 60'] } });
    scenario.anthropic.setScript(rememberThen({ fact: 'Has two children', kind: 'explicit' }));
    await ask(scenario, 'Remember that I have two children');
    const before = await memories();
    const requestsBefore = modelRequests(scenario.anthropic).length;

    const incognito = await scenario.bg.client.request({ type: 'chat-new', incognito: true });
    expect(incognito.conversation.incognito).toBe(true);
    scenario.anthropic.setScript(rememberThen({ fact: 'Lives in Lyon', kind: 'explicit' }, 'Okay.'));
    await scenario.bg.client.request({ type: 'chat-send', conversationId: incognito.conversation.id, text: 'Remember that I live in Lyon' });
    await scenario.bg.idle();

    const requests = modelRequests(scenario.anthropic).slice(requestsBefore);
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(systemAll(request)).not.toContain('two children');
      expect(systemAll(request)).not.toContain('Retire at 60');
    }
    expect(lastToolResults(requests[1])[0]).toMatchObject({ isError: true });
    expect(await memories()).toEqual(before);
    const session = await scenario.bg.client.request({ type: 'conversation-open', conversationId: incognito.conversation.id });
    expect(session.messages.at(-1)?.meta?.memoriesUsed).toBeUndefined();
    expect((await scenario.bg.client.request({ type: 'conversation-list' })).conversations.map((c) => c.id)).not.toContain(incognito.conversation.id);

    // A panel opening afresh (the incognito panel was closed) finds it gone.
    await scenario.bg.client.request({ type: 'session-open' });
    await expect(scenario.bg.client.request({ type: 'conversation-open', conversationId: incognito.conversation.id })).rejects.toMatchObject({ code: 'unknown-conversation' });
  });

  it('marks a memory proposed after reading news as untrusted and waits for the user, even when called explicit', async () => {
    scenario.anthropic.setScript((_request, { call }) => {
      if (call === 0) return message(toolUse('get_news', { symbol: 'AAPL' }));
      if (call === 1) return message(toolUse('remember_fact', { fact: 'Wants to buy AAPL on every dip', kind: 'explicit' }));
      return message(text('Here is the news.'));
    });
    const { session } = await ask(scenario, 'Any news on Apple?');
    expect(session.memories).toMatchObject([{ status: 'suggested', untrusted: true }]);
    expect((await memories()).filter((m) => m.status === 'saved')).toEqual([]);
  });

  it('puts the saved profile in the prompt and lists the fields used on the answer', async () => {
    await scenario.bg.client.request({ type: 'profile-save', profile: { riskTolerance: 'moderate', horizon: 'over-10', answerDetail: 'brief' } });
    scenario.anthropic.setScript(() => message(text('Index funds.')));
    const { answer } = await ask(scenario, 'What should I buy?');
    const system = systemAll(modelRequests(scenario.anthropic).at(-1));
    expect(system).toContain('- Risk tolerance: moderate');
    expect(system).toContain('- Investment horizon: over 10 years');
    expect(answer?.meta?.memoriesUsed?.profile.map((p) => p.label)).toEqual(['Risk tolerance', 'Investment horizon', 'Answer detail']);
  });
});
