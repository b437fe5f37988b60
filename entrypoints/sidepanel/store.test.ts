import { describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from '@/src/protocol/conversation';
import type { Session } from '@/src/protocol/messages';
import { activityText, applyEvent, applySession, initialPanelState, retryableMessageId, type PanelState } from './store';
import { proposalFixture } from './proposal.fixture';

const conversation: Conversation = { id: 'c1', title: 'Portfolio', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };

function message(overrides: Partial<ChatMessage> & Pick<ChatMessage, 'id' | 'seq'>): ChatMessage {
  return {
    conversationId: 'c1',
    role: 'assistant',
    text: '',
    status: 'complete',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function session(messages: ChatMessage[], extra: Partial<Session> = {}): Session {
  return { conversation, messages, proposals: [], running: false, mode: 'paper', configured: true, ...extra };
}

function stateWith(messages: ChatMessage[], extra: Partial<Session> = {}): PanelState {
  return applySession(initialPanelState(), session(messages, extra));
}

const texts = (state: PanelState) => state.order.map((id) => state.messages[id]?.text);

describe('applyEvent', () => {
  it('appends text deltas to the streaming message', () => {
    let state = stateWith([message({ id: 'u1', seq: 1, role: 'user', text: 'Hi' })]);
    state = applyEvent(state, { type: 'message-upsert', message: message({ id: 'a1', seq: 2, status: 'streaming' }) });
    state = applyEvent(state, { type: 'run-start', conversationId: 'c1', messageId: 'a1' });
    state = applyEvent(state, { type: 'text-delta', conversationId: 'c1', messageId: 'a1', text: 'Hello' });
    state = applyEvent(state, { type: 'text-delta', conversationId: 'c1', messageId: 'a1', text: ', **world**' });
    expect(state.messages.a1?.text).toBe('Hello, **world**');
    expect(state.running).toBe(true);
    expect(state.streamingMessageId).toBe('a1');
  });

  it('keeps text that streamed before the message upsert arrived', () => {
    let state = stateWith([message({ id: 'u1', seq: 1, role: 'user', text: 'Hi' })]);
    state = applyEvent(state, { type: 'text-delta', conversationId: 'c1', messageId: 'a1', text: 'Early' });
    expect(state.order).toEqual(['u1', 'a1']);
    expect(state.messages.a1).toMatchObject({ role: 'assistant', status: 'streaming', text: 'Early' });
  });

  it('replaces a message on upsert instead of duplicating it', () => {
    let state = stateWith([message({ id: 'a1', seq: 1, status: 'streaming', text: 'Par' })]);
    state = applyEvent(state, { type: 'message-upsert', message: message({ id: 'a1', seq: 1, status: 'complete', text: 'Partial, then complete.' }) });
    expect(state.order).toEqual(['a1']);
    expect(state.messages.a1).toMatchObject({ status: 'complete', text: 'Partial, then complete.' });
  });

  it('orders messages by seq whatever order they arrive in', () => {
    let state = stateWith([]);
    state = applyEvent(state, { type: 'message-upsert', message: message({ id: 'm3', seq: 3, text: 'third' }) });
    state = applyEvent(state, { type: 'message-upsert', message: message({ id: 'm1', seq: 1, text: 'first' }) });
    state = applyEvent(state, { type: 'message-upsert', message: message({ id: 'm2', seq: 2, text: 'second' }) });
    expect(texts(state)).toEqual(['first', 'second', 'third']);
  });

  it('clears the running state on run end', () => {
    let state = stateWith([message({ id: 'a1', seq: 1, status: 'streaming' })], { running: true });
    state = applyEvent(state, { type: 'activity', conversationId: 'c1', label: 'Checking your portfolio…' });
    expect(activityText(state)).toBe('Checking your portfolio…');
    state = applyEvent(state, { type: 'run-end', conversationId: 'c1', messageId: 'a1' });
    expect(state).toMatchObject({ running: false, pending: false, streamingMessageId: null, activity: null });
    expect(activityText(state)).toBe('');
  });

  it('marks the message failed on run error, keeping its partial text', () => {
    let state = stateWith([message({ id: 'a1', seq: 1, status: 'streaming', text: 'Half an answ' })], { running: true });
    const error = { kind: 'upstream' as const, code: 'overloaded', message: 'Anthropic is overloaded. Try again.', retryable: true };
    state = applyEvent(state, { type: 'run-error', conversationId: 'c1', messageId: 'a1', error });
    expect(state.running).toBe(false);
    expect(state.messages.a1).toMatchObject({ status: 'error', text: 'Half an answ', error });
  });

  it('ignores events for other conversations', () => {
    const state = stateWith([message({ id: 'a1', seq: 1, status: 'streaming', text: 'Mine' })], { running: true });
    const events = [
      { type: 'message-upsert', message: message({ id: 'x1', seq: 9, conversationId: 'c2', text: 'Other' }) },
      { type: 'run-start', conversationId: 'c2', messageId: 'x1' },
      { type: 'text-delta', conversationId: 'c2', messageId: 'a1', text: ' not mine' },
      { type: 'activity', conversationId: 'c2', label: 'Elsewhere…' },
      { type: 'run-end', conversationId: 'c2', messageId: 'x1' },
      { type: 'run-error', conversationId: 'c2', messageId: 'x1', error: { kind: 'internal', code: 'x', message: 'x', retryable: false } },
    ] as const;
    for (const event of events) expect(applyEvent(state, event)).toBe(state);
  });

  it('ignores conversation events before any session is open', () => {
    const state = initialPanelState();
    expect(applyEvent(state, { type: 'text-delta', conversationId: 'c1', messageId: 'a1', text: 'x' })).toBe(state);
  });

  it('updates the mode and configured flag on settings change', () => {
    const state = applyEvent(stateWith([]), { type: 'settings-changed', mode: 'live', configured: false });
    expect(state).toMatchObject({ mode: 'live', configured: false });
  });
});

describe('applySession', () => {
  it('keeps streamed text that is newer than what the background saved', () => {
    let state = stateWith([message({ id: 'a1', seq: 1, status: 'streaming', text: 'Hel' })], { running: true });
    state = applyEvent(state, { type: 'text-delta', conversationId: 'c1', messageId: 'a1', text: 'lo there' });
    state = applySession(state, session([message({ id: 'a1', seq: 1, status: 'streaming', text: 'Hello' })], { running: true }));
    expect(state.messages.a1?.text).toBe('Hello there');
    expect(state.streamingMessageId).toBe('a1');
  });

  it('takes the saved message when the run ended while the panel was away', () => {
    let state = stateWith([message({ id: 'a1', seq: 1, status: 'streaming', text: 'Hello there' })], { running: true });
    state = applySession(state, session([message({ id: 'a1', seq: 1, status: 'interrupted', text: 'Hello' })]));
    expect(state.messages.a1).toMatchObject({ status: 'interrupted', text: 'Hello' });
    expect(state).toMatchObject({ running: false, streamingMessageId: null });
  });

  it('replaces the messages when another conversation opens', () => {
    const state = applySession(stateWith([message({ id: 'a1', seq: 1, text: 'Old' })]), {
      ...session([message({ id: 'b1', seq: 1, conversationId: 'c2', text: 'New' })]),
      conversation: { ...conversation, id: 'c2' },
    });
    expect(texts(state)).toEqual(['New']);
    expect(state.conversation?.id).toBe('c2');
  });
});

describe('proposals', () => {
  const later = '2025-06-16T14:01:00.000Z';

  it('adds a proposal of the conversation on screen', () => {
    const state = applyEvent(stateWith([]), { type: 'proposal-upsert', proposal: proposalFixture() });
    expect(Object.keys(state.proposals)).toEqual(['p1']);
    expect(state.proposals.p1?.status).toBe('pending');
  });

  it('ignores a proposal of another conversation', () => {
    const state = stateWith([]);
    expect(applyEvent(state, { type: 'proposal-upsert', proposal: proposalFixture({ conversationId: 'c2' }) })).toBe(state);
  });

  it('ignores proposals before any session is open', () => {
    const state = initialPanelState();
    expect(applyEvent(state, { type: 'proposal-upsert', proposal: proposalFixture() })).toBe(state);
  });

  it('replaces a proposal by id instead of adding another', () => {
    let state = stateWith([], { proposals: [proposalFixture()] });
    state = applyEvent(state, { type: 'proposal-upsert', proposal: proposalFixture({ status: 'submitted', updatedAt: later }) });
    expect(Object.keys(state.proposals)).toEqual(['p1']);
    expect(state.proposals.p1?.status).toBe('submitted');
  });

  it('keeps the newer version when an older one arrives late', () => {
    let state = stateWith([], { proposals: [proposalFixture({ status: 'filled', updatedAt: later })] });
    state = applyEvent(state, { type: 'proposal-upsert', proposal: proposalFixture({ status: 'submitting' }) });
    expect(state.proposals.p1?.status).toBe('filled');
  });

  it('takes the proposals from the session', () => {
    const state = stateWith([], { proposals: [proposalFixture(), proposalFixture({ id: 'p2', status: 'rejected' })] });
    expect(Object.keys(state.proposals).sort()).toEqual(['p1', 'p2']);
  });

  it('keeps a newer proposal already shown when the session of the same conversation is older', () => {
    let state = stateWith([], { proposals: [proposalFixture()] });
    state = applyEvent(state, { type: 'proposal-upsert', proposal: proposalFixture({ status: 'submitted', updatedAt: later }) });
    state = applySession(state, session([], { proposals: [proposalFixture()] }));
    expect(state.proposals.p1?.status).toBe('submitted');
  });

  it('drops the proposals, requests in flight and errors of a conversation left behind', () => {
    const state: PanelState = { ...stateWith([], { proposals: [proposalFixture()] }), proposalBusy: { p1: true }, proposalErrors: { p1: 'Refused' } };
    const next = applySession(state, { ...session([]), conversation: { ...conversation, id: 'c2' } });
    expect(next).toMatchObject({ proposals: {}, proposalBusy: {}, proposalErrors: {} });
  });
});

describe('activityText', () => {
  it('says Thinking… after sending until the first text arrives', () => {
    let state: PanelState = { ...stateWith([]), pending: true };
    expect(activityText(state)).toBe('Thinking…');
    state = applyEvent(state, { type: 'message-upsert', message: message({ id: 'a1', seq: 2, status: 'streaming' }) });
    state = applyEvent(state, { type: 'run-start', conversationId: 'c1', messageId: 'a1' });
    expect(activityText(state)).toBe('Thinking…');
    state = applyEvent(state, { type: 'text-delta', conversationId: 'c1', messageId: 'a1', text: 'Sure' });
    expect(activityText(state)).toBe('');
  });
});

describe('retryableMessageId', () => {
  it('offers Retry on the latest answer when it did not finish', () => {
    for (const status of ['error', 'interrupted', 'stopped'] as const) {
      const state = stateWith([message({ id: 'u1', seq: 1, role: 'user', text: 'Q' }), message({ id: 'a1', seq: 2, status, text: 'Part' })]);
      expect(retryableMessageId(state)).toBe('a1');
    }
  });

  it('does not offer Retry on an older failure, a complete answer, or while running', () => {
    const older = stateWith([message({ id: 'a1', seq: 1, status: 'error' }), message({ id: 'a2', seq: 2, status: 'complete', text: 'Done' })]);
    expect(retryableMessageId(older)).toBeNull();
    const running = { ...stateWith([message({ id: 'a1', seq: 1, status: 'stopped' })]), running: true };
    expect(retryableMessageId(running)).toBeNull();
  });

  it('looks past notices', () => {
    const state = stateWith([message({ id: 'a1', seq: 1, status: 'interrupted' }), message({ id: 'n1', seq: 2, role: 'notice', text: 'Mode changed' })]);
    expect(retryableMessageId(state)).toBe('a1');
  });
});
