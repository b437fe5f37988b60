import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { NOW, startScenario, type Scenario } from './support';
import { clockFrom } from '../../src/platform/clock';
import { defaultRetention } from '../../src/protocol/privacy';

const DAY_MS = 86_400_000;
let now = NOW;
const clock = clockFrom(() => now);
let scenario: Scenario;

beforeEach(async () => {
  now = NOW;
  scenario = await startScenario({ platform: { clock } });
});
afterEach(async () => { await scenario.close(); });

const days = (count: number) => { now = new Date(NOW.getTime() + count * DAY_MS); };

describe('retention per category (fake clock)', () => {
  it('prunes run transcripts, conversations and unused memories each past its own retention, and keeps what is kept forever', async () => {
    scenario.anthropic.setScript((_request, { call }) =>
      call === 0 ? message(toolUse('remember_fact', { fact: 'Saves for a house deposit', kind: 'explicit' })) : message(text('Noted.')),
    );
    const sent = await scenario.bg.client.request({ type: 'chat-send', text: 'Remember that I am saving for a house deposit.' });
    await scenario.bg.idle();
    expect(await scenario.bg.database.runs.count()).toBe(1);
    expect((await scenario.bg.client.request({ type: 'memory-list' })).memories).toHaveLength(1);

    const view = await scenario.bg.client.request({ type: 'retention-set', retention: { conversations: 30, runs: 7, memories: 90, audit: 0 } });
    expect(view.retention).toEqual({ conversations: 30, runs: 7, memories: 90, audit: 0 });
    expect(await scenario.bg.database.runs.count()).toBe(1); // nothing is old yet

    days(8);
    expect(await scenario.bg.app.pruneRetention()).toMatchObject({ runs: 1, conversations: 0, memories: 0, audit: 0 });
    expect(await scenario.bg.database.runs.count()).toBe(0);
    expect(await scenario.bg.database.conversations.get(sent.conversationId)).toBeDefined();

    days(31);
    expect(await scenario.bg.app.pruneRetention()).toMatchObject({ conversations: 1, memories: 0 });
    expect(await scenario.bg.database.conversations.get(sent.conversationId)).toBeUndefined();
    expect(await scenario.bg.database.messages.where('conversationId').equals(sent.conversationId).count()).toBe(0);
    expect((await scenario.bg.client.request({ type: 'memory-list' })).memories).toHaveLength(1);

    days(91);
    expect(await scenario.bg.app.pruneRetention()).toMatchObject({ memories: 1 });
    expect((await scenario.bg.client.request({ type: 'memory-list' })).memories).toHaveLength(0);
  });

  it('keeps everything but old run transcripts by default, and "Keep forever" prunes nothing', async () => {
    scenario.anthropic.setScript(() => message(text('Hello.')));
    await scenario.bg.client.request({ type: 'chat-send', text: 'Hi' });
    await scenario.bg.idle();
    expect((await scenario.bg.client.request({ type: 'privacy-get' })).retention).toEqual(defaultRetention);

    days(defaultRetention.runs - 1);
    expect(await scenario.bg.app.pruneRetention()).toMatchObject({ runs: 0, conversations: 0 });
    days(defaultRetention.runs + 1);
    expect(await scenario.bg.app.pruneRetention()).toMatchObject({ runs: 1, conversations: 0 });

    await scenario.bg.client.request({ type: 'retention-set', retention: { conversations: 0, runs: 0, memories: 0, audit: 0 } });
    days(5000);
    expect(await scenario.bg.app.pruneRetention()).toMatchObject({ runs: 0, conversations: 0, memories: 0, audit: 0 });
    expect((await scenario.bg.client.request({ type: 'conversation-list' })).conversations).toHaveLength(1);
  });

  it('never prunes a conversation whose answer is still being written', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    scenario.anthropic.setScript(async () => { await gate; return message(text('Late answer.')); });
    await scenario.bg.client.request({ type: 'retention-set', retention: { conversations: 1, runs: 1, memories: 0, audit: 0 } });
    const sent = await scenario.bg.client.request({ type: 'chat-send', text: 'Slow question' });
    days(2);
    expect(await scenario.bg.app.pruneRetention()).toMatchObject({ conversations: 0, runs: 0 });
    release();
    await scenario.bg.idle();
    expect(await scenario.bg.database.conversations.get(sent.conversationId)).toBeDefined();
  });
});
