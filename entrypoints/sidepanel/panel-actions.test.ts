import { describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '@/src/protocol/conversation';
import { AppError } from '@/src/protocol/errors';
import type { PushEvent, RequestBody, RequestType, ResponseData, Session } from '@/src/protocol/messages';
import type { PortClient } from '@/src/protocol/port-client';
import type { ThemeChoice } from '../shared/theme';
import { createPanelActions, SILENT_RUN_MS } from './panel-actions';
import { createPanelStore } from './store';
import { proposalFixture } from './proposal.fixture';

type Listener = (event: PushEvent | { type: 'reconnected' }) => void;
type Answer = (body: RequestBody) => unknown;

const conversation = (id: string) => ({ id, title: id, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
const session = (id: string, messages: ChatMessage[] = [], extra: Partial<Session> = {}): Session => ({
  conversation: conversation(id),
  messages,
  proposals: [],
  running: false,
  mode: 'paper',
  configured: true,
  ...extra,
});

/** A port client whose answers the test scripts, recording every request. */
function fakeClient(answers: Partial<Record<RequestType, Answer>>) {
  const requests: RequestBody[] = [];
  const listeners = new Set<Listener>();
  const request = (body: RequestBody): Promise<unknown> => {
    requests.push(body);
    const answer = answers[body.type];
    if (!answer) return Promise.reject(new Error(`unexpected ${body.type}`));
    try {
      return Promise.resolve(answer(body));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const client: PortClient = {
    request: request as PortClient['request'],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
    },
  };
  const emit = (event: PushEvent | { type: 'reconnected' }) => { for (const listener of listeners) listener(event); };
  return { client, requests, emit, listeners };
}

const settingsView = (theme: ThemeChoice) => ({
  settings: { theme } as unknown as ResponseData<'settings-get'>['settings'],
  secrets: { anthropicApiKey: { set: true, hint: '…abcd' }, alpacaKeyId: { set: false, hint: '' }, alpacaSecretKey: { set: false, hint: '' } },
});

function setup(answers: Partial<Record<RequestType, Answer>>, now = () => 1_000) {
  const fake = fakeClient({ 'settings-get': () => settingsView('dark'), ...answers });
  const store = createPanelStore();
  const themes: ThemeChoice[] = [];
  const copied: string[] = [];
  const openSettings = vi.fn();
  const actions = createPanelActions({
    client: fake.client,
    store,
    openSettings,
    writeClipboard: (text) => { copied.push(text); return Promise.resolve(); },
    applyTheme: (theme) => themes.push(theme),
    now,
  });
  return { ...fake, store, actions, themes, copied, openSettings };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('side panel actions', () => {
  it('opens the requested conversation and applies the saved theme on start', async () => {
    const { actions, requests, store, themes } = setup({ 'session-open': () => session('c7') });
    actions.start({ conversationId: 'c7', prefill: 'Analyze AAPL' });
    await flush();
    expect(requests).toContainEqual({ type: 'session-open', conversationId: 'c7' });
    expect(store.getState()).toMatchObject({ connection: 'connected', draft: 'Analyze AAPL' });
    expect(store.getState().conversation?.id).toBe('c7');
    expect(themes).toEqual(['dark']);
  });

  it('re-opens the current conversation after the worker restarts', async () => {
    const { actions, requests, emit, store } = setup({ 'session-open': (body) => session(body.type === 'session-open' ? body.conversationId ?? 'latest' : 'x') });
    actions.start({});
    await flush();
    expect(store.getState().conversation?.id).toBe('latest');
    emit({ type: 'reconnected' });
    await flush();
    expect(requests.filter((r) => r.type === 'session-open').at(-1)).toEqual({ type: 'session-open', conversationId: 'latest' });
  });

  it('sends the draft to the current conversation and clears it', async () => {
    const { actions, requests, store } = setup({
      'session-open': () => session('c1'),
      'chat-send': () => ({ conversationId: 'c1', messageId: 'a1' }),
    });
    actions.start({});
    await flush();
    actions.setDraft('  How is my portfolio?  ');
    const sending = actions.send();
    expect(store.getState()).toMatchObject({ pending: true, draft: '' });
    await sending;
    expect(requests).toContainEqual({ type: 'chat-send', conversationId: 'c1', text: 'How is my portfolio?' });
  });

  it('does not send an empty message or while an answer is running', async () => {
    const { actions, requests } = setup({ 'session-open': () => session('c1', [], { running: true }) });
    actions.start({});
    await flush();
    actions.setDraft('   ');
    expect(await actions.send()).toBe(false);
    actions.setDraft('Hello');
    expect(await actions.send()).toBe(false);
    expect(requests.some((r) => r.type === 'chat-send')).toBe(false);
  });

  it('shows a failed send as the last error and gives the text back', async () => {
    const { actions, store } = setup({
      'session-open': () => session('c1', [], { configured: false }),
      'chat-send': () => {
        throw new AppError({ kind: 'configuration', code: 'missing-anthropic-key', message: 'Add your Anthropic API key in Settings to start chatting.' });
      },
    });
    actions.start({});
    await flush();
    actions.setDraft('Hello');
    await actions.send();
    expect(store.getState()).toMatchObject({ pending: false, draft: 'Hello', lastError: 'Add your Anthropic API key in Settings to start chatting.' });
  });

  it('refreshes the open conversation list when conversations change', async () => {
    let calls = 0;
    const { actions, emit, store } = setup({
      'session-open': () => session('c1'),
      'conversation-list': () => ({ conversations: [conversation(`v${String((calls += 1))}`)] }),
    });
    actions.start({});
    await flush();
    emit({ type: 'conversations-changed' });
    await flush();
    expect(calls).toBe(0);
    await actions.openConversations();
    emit({ type: 'conversations-changed' });
    await flush();
    expect(calls).toBe(2);
    expect(store.getState().conversations?.[0]?.id).toBe('v2');
  });

  it('moves to another conversation after deleting the one on screen', async () => {
    const { actions, requests, store } = setup({
      'session-open': (body) => session(body.type === 'session-open' && body.conversationId ? body.conversationId : 'c2'),
      'conversation-delete': () => ({ deleted: true }),
    });
    actions.start({ conversationId: 'c1' });
    await flush();
    await actions.deleteConversation('c1');
    expect(requests).toContainEqual({ type: 'conversation-delete', conversationId: 'c1' });
    expect(store.getState().conversation?.id).toBe('c2');
  });

  it('keeps a conversation whose delete was refused, and hands back the reason for the list to show', async () => {
    const refusal = 'This conversation has an order waiting for your decision. Confirm or Reject it (Keep order for a cancel) before deleting the conversation.';
    const { actions, store } = setup({
      'session-open': () => session('c1'),
      'conversation-list': () => ({ conversations: [conversation('c1'), conversation('c2')] }),
      'conversation-delete': () => { throw new AppError({ kind: 'user-input', code: 'conversation-has-pending-order', message: refusal }); },
    });
    actions.start({ conversationId: 'c1' });
    await flush();
    await actions.openConversations();
    expect(await actions.deleteConversation('c2')).toBe(refusal);
    expect(store.getState().conversations?.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(store.getState().conversation?.id).toBe('c1');
  });

  it('updates the theme when settings change', async () => {
    const { actions, emit, themes, store } = setup({ 'session-open': () => session('c1') });
    actions.start({});
    await flush();
    emit({ type: 'settings-changed', mode: 'live', configured: true });
    await flush();
    expect(store.getState().mode).toBe('live');
    expect(themes).toEqual(['dark', 'dark']);
  });

  it('asks for the session when a run stays silent', async () => {
    let time = 0;
    const { actions, requests } = setup({ 'session-open': () => session('c1', [], { running: true }) }, () => time);
    actions.start({});
    await flush();
    const opens = () => requests.filter((r) => r.type === 'session-open').length;
    time = SILENT_RUN_MS - 1;
    await actions.checkOnSilentRun();
    expect(opens()).toBe(1);
    time = SILENT_RUN_MS + 1;
    await actions.checkOnSilentRun();
    expect(opens()).toBe(2);
  });

  it('shows the disconnected state outside the extension', async () => {
    const store = createPanelStore();
    const actions = createPanelActions({ client: null, store, openSettings: vi.fn(), writeClipboard: () => Promise.resolve(), applyTheme: vi.fn() });
    actions.start({});
    expect(store.getState().connection).toBe('unavailable');
    actions.setDraft('Hi');
    expect(await actions.send()).toBe(false);
    expect(store.getState().lastError).toMatch(/not connected/);
  });
});

describe('refresh on focus', () => {
  it('re-opens the conversation and theme at most once every few seconds, never while sending', async () => {
    let time = 100_000;
    const { actions, requests, store } = setup({ 'session-open': () => session('c1') }, () => time);
    actions.start({});
    await flush();
    const count = () => requests.filter((r) => r.type === 'session-open').length;
    await actions.refresh();
    expect(count()).toBe(2);
    expect(requests.at(-1)).toEqual({ type: 'settings-get' });
    await actions.refresh();
    expect(count()).toBe(2);
    time += 5_000;
    store.setState({ pending: true });
    await actions.refresh();
    expect(count()).toBe(2);
    store.setState({ pending: false });
    await actions.refresh();
    expect(count()).toBe(3);
  });
});

describe('order proposals', () => {
  const later = '2025-06-16T14:01:00.000Z';

  it('confirms a proposal once, disabling it while the request is in flight, and shows the answer', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const { actions, requests, store } = setup({
      'session-open': () => session('c1', [], { proposals: [proposalFixture({ mode: 'live' })] }),
      'proposal-decide': () => new Promise((resolve) => { answer = resolve; }),
    });
    actions.start({});
    await flush();
    const first = actions.decideProposal('p1', 3, 'confirm', true);
    expect(store.getState().proposalBusy).toEqual({ p1: true });
    expect(await actions.decideProposal('p1', 3, 'confirm', true)).toBe(false);
    answer({ proposal: proposalFixture({ mode: 'live', status: 'submitting', updatedAt: later }) });
    expect(await first).toBe(true);
    expect(requests.filter((r) => r.type === 'proposal-decide')).toEqual([{ type: 'proposal-decide', proposalId: 'p1', revision: 3, decision: 'confirm', liveConfirmed: true }]);
    expect(store.getState().proposals.p1?.status).toBe('submitting');
    expect(store.getState().proposalBusy).toEqual({});
  });

  it('sends an edit and shows a refusal inside the card', async () => {
    const { actions, requests, store } = setup({
      'session-open': () => session('c1', [], { proposals: [proposalFixture()] }),
      'proposal-edit': () => {
        throw new AppError({ kind: 'user-input', code: 'invalid-order', message: 'Amounts are in dollars with at most 2 decimals.' });
      },
    });
    actions.start({});
    await flush();
    expect(await actions.editProposal('p1', { amount: '250.505', type: 'market', time_in_force: 'day' })).toBe(false);
    expect(requests).toContainEqual({ type: 'proposal-edit', proposalId: 'p1', changes: { amount: '250.505', type: 'market', time_in_force: 'day' } });
    expect(store.getState()).toMatchObject({ proposalBusy: {}, proposalErrors: { p1: 'Amounts are in dollars with at most 2 decimals.' }, lastError: null });
  });

  it('clears the card error when the next request for it succeeds', async () => {
    let fail = true;
    const { actions, store } = setup({
      'session-open': () => session('c1', [], { proposals: [proposalFixture()] }),
      'proposal-decide': () => {
        if (fail) throw new Error('Alpaca could not be reached.');
        return { proposal: proposalFixture({ status: 'rejected', updatedAt: later }) };
      },
    });
    actions.start({});
    await flush();
    await actions.decideProposal('p1', 3, 'reject');
    expect(store.getState().proposalErrors).toEqual({ p1: 'Alpaca could not be reached.' });
    fail = false;
    await actions.decideProposal('p1', 3, 'reject');
    expect(store.getState().proposalErrors).toEqual({});
    expect(store.getState().proposals.p1?.status).toBe('rejected');
  });

  it('shows proposal updates pushed by the background', async () => {
    const { actions, emit, store } = setup({ 'session-open': () => session('c1', [], { proposals: [proposalFixture({ status: 'submitted', updatedAt: later })] }) });
    actions.start({});
    await flush();
    emit({ type: 'proposal-upsert', proposal: proposalFixture({ status: 'filled', updatedAt: '2025-06-16T14:02:00.000Z' }) });
    expect(store.getState().proposals.p1?.status).toBe('filled');
  });
});
