import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, startAnthropicSimulator, text, type AnthropicSimulator } from '../simulators/anthropic';
import { startBackground } from '../support/background-harness';
import { AppError } from '../../src/protocol/errors';

let sim: AnthropicSimulator;
beforeEach(async () => { sim = await startAnthropicSimulator(); });
afterEach(async () => { await sim.close(); });

describe('the minimal chat path', () => {
  it('streams an answer as text deltas and saves the finished message', async () => {
    const answer = 'Diversification spreads risk across **many** holdings, so no single loss sinks you.';
    sim.setScript(() => message(text(answer)));
    const bg = startBackground();
    await bg.configure({ anthropicUrl: sim.url });
    const { conversationId, messageId } = await bg.client.request({ type: 'chat-send', text: 'What is diversification?' });
    await bg.idle();

    const deltas = bg.events.flatMap((e) => (e.type === 'text-delta' && e.messageId === messageId ? [e.text] : []));
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(answer);
    const session = await bg.client.request({ type: 'conversation-open', conversationId });
    expect(session.messages.map((m) => [m.role, m.status, m.text])).toEqual([
      ['user', 'complete', 'What is diversification?'],
      ['assistant', 'complete', answer],
    ]);
    expect(session.conversation.title).toBe('What is diversification?');
    // The request carried the system prompt with a cache breakpoint and the user's words as the only message.
    const body = sim.requests.at(-1)?.body as { system: { cache_control?: unknown }[]; messages: unknown[]; stream: boolean };
    expect(body.stream).toBe(true);
    expect(body.system[0]?.cache_control).toEqual({ type: 'ephemeral' });
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'What is diversification?', cache_control: { type: 'ephemeral' } }] }]);
  });

  it('refuses to chat without a key, before saving anything', async () => {
    const bg = startBackground();
    await expect(bg.client.request({ type: 'chat-send', text: 'hi' })).rejects.toMatchObject({ code: 'missing-anthropic-key', kind: 'configuration' });
    const list = await bg.client.request({ type: 'conversation-list' });
    expect(list.conversations).toEqual([]);
    expect(sim.requests).toHaveLength(0);
  });

  it('reports a rejected key as a configuration error on the message, with the user message kept', async () => {
    const bg = startBackground();
    await bg.configure({ anthropicUrl: sim.url, apiKey: 'sk-ant-wrong' });
    const { conversationId, messageId } = await bg.client.request({ type: 'chat-send', text: 'hello' });
    await bg.idle();
    const failure = bg.events.find((e) => e.type === 'run-error');
    expect(failure).toMatchObject({ messageId, error: { code: 'anthropic-auth', kind: 'configuration' } });
    const session = await bg.client.request({ type: 'conversation-open', conversationId });
    expect(session.messages.map((m) => m.status)).toEqual(['complete', 'error']);
  });

  it('stops an answer mid-stream and keeps the partial text', async () => {
    sim.setScript(() => ({ ...message(text('one two three four five six seven eight nine ten '.repeat(20))), latency: { perChunkMs: 30 } }));
    const bg = startBackground();
    await bg.configure({ anthropicUrl: sim.url });
    const { conversationId, messageId } = await bg.client.request({ type: 'chat-send', text: 'count' });
    while (!bg.events.some((e) => e.type === 'text-delta')) await new Promise((r) => setTimeout(r, 10));
    expect(await bg.client.request({ type: 'chat-stop', conversationId })).toEqual({ stopped: true });
    await bg.idle();
    const session = await bg.client.request({ type: 'conversation-open', conversationId });
    const stopped = session.messages.find((m) => m.id === messageId);
    expect(stopped?.status).toBe('stopped');
    expect(stopped?.text.length).toBeGreaterThan(0);
    expect(stopped?.text.length).toBeLessThan(1000);
  });

  it('keeps partial text and offers a retry when the stream drops, and the retry answers afresh', async () => {
    let call = 0;
    sim.setScript(() => {
      call += 1;
      return call === 1 ? { kind: 'drop', afterEvents: 6, message: message(text('Partial answer that will be cut off here and never finish')) } : message(text('A complete answer.'));
    });
    const bg = startBackground();
    await bg.configure({ anthropicUrl: sim.url });
    const { conversationId, messageId } = await bg.client.request({ type: 'chat-send', text: 'explain' });
    await bg.idle();
    const first = (await bg.client.request({ type: 'conversation-open', conversationId })).messages.find((m) => m.id === messageId);
    expect(first?.status).toBe('error');
    expect(first?.error?.retryable).toBe(true);

    const retried = await bg.client.request({ type: 'chat-retry', conversationId, messageId });
    await bg.idle();
    const after = await bg.client.request({ type: 'conversation-open', conversationId });
    expect(after.messages.map((m) => [m.role, m.status])).toEqual([['user', 'complete'], ['assistant', 'error'], ['assistant', 'complete']]);
    expect(after.messages.find((m) => m.id === retried.messageId)?.text).toBe('A complete answer.');
    // The unfinished answer is not replayed to the model.
    expect((sim.requests.at(-1)?.body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'explain', cache_control: { type: 'ephemeral' } }] },
    ]);
  });

  it('marks answers left streaming by a stopped worker as interrupted when it starts again', async () => {
    sim.setScript(() => ({ ...message(text('slow '.repeat(200))), latency: { perChunkMs: 50 } }));
    const first = startBackground();
    await first.configure({ anthropicUrl: sim.url });
    const { conversationId, messageId } = await first.client.request({ type: 'chat-send', text: 'go' });
    while (!first.events.some((e) => e.type === 'text-delta')) await new Promise((r) => setTimeout(r, 10));
    // A new app on the same database stands for the worker after a restart; the old one is never awaited.
    const second = startBackground({ database: first.database });
    await second.app.ready;
    const interrupted = (await second.client.request({ type: 'conversation-open', conversationId })).messages.find((m) => m.id === messageId);
    expect(interrupted?.status).toBe('interrupted');
    expect(interrupted?.error?.message).toMatch(/interrupted/i);
    await first.client.request({ type: 'chat-stop', conversationId });
    await first.idle();
  });

  it('answers a request from the page with a typed error object that survives the port', async () => {
    const bg = startBackground();
    const error = await bg.client.request({ type: 'conversation-open', conversationId: 'conv_missing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'user-input', code: 'unknown-conversation' });
  });
});
