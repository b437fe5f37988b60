import type { PushEvent } from '@/src/protocol/messages';
import type { PortClient } from '@/src/protocol/port-client';
import type { FeedbackReason } from '@/src/protocol/metrics';
import type { Proposal } from '@/src/protocol/proposal';
import type { CancelProposal } from '@/src/protocol/cancel-proposal';
import type { ThemeChoice } from '../shared/theme';
import { errorMessage } from '../shared/error-message';
import { applyEvent, applySession, upsertCancel, upsertProposal, type PanelState, type PanelStore } from './store';
import type { StartOptions } from './start-options';
import type { OrderChanges } from './order-edit';
import { conversationJson, conversationMarkdown, exportFileName, type SearchHit } from '@/src/protocol/conversation-export';

export interface PanelActionsDeps {
  /** The background's port, or null when the page runs outside the extension. */
  client: PortClient | null;
  store: PanelStore;
  openSettings(): void;
  writeClipboard(text: string): Promise<void>;
  applyTheme(theme: ThemeChoice): void;
  /** Saves text as a file (a Blob and an `<a download>`). */
  download?(fileName: string, text: string, type: string): void;
  /** Brings an order card into view and focuses it (a notification click names one). */
  focusCard?(proposalId: string): void;
  now?: () => number;
}

/** The least time between two refreshes when the panel regains focus. */
export const REFRESH_EVERY_MS = 3_000;

/** How long a run may stay silent before the panel asks the background how it is doing. */
export const SILENT_RUN_MS = 20_000;

const NOT_CONNECTED = 'Clera is not connected to its background. Reload the extension and reopen the panel.';

/** A copy of a record without one key. */
function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

/**
 * Everything the side panel can do. Each action sends a protocol request and folds the answer into the store;
 * push events go through the pure `applyEvent` reducer. Request failures become the panel's `lastError`.
 */
export function createPanelActions(deps: PanelActionsDeps) {
  const { client, store } = deps;
  const now = deps.now ?? Date.now;
  let lastRefresh = Number.NEGATIVE_INFINITY;

  async function call<T>(work: (client: PortClient) => Promise<T>): Promise<T | undefined> {
    if (!client) {
      store.setState({ connection: 'unavailable', lastError: NOT_CONNECTED });
      return undefined;
    }
    try {
      return await work(client);
    } catch (error) {
      store.setState({ lastError: errorMessage(error) });
      return undefined;
    }
  }

  async function open(conversationId?: string): Promise<boolean> {
    const session = await call((c) => c.request({ type: 'session-open', conversationId }));
    if (!session) return false;
    store.setState((state) => ({ ...applySession(state, session), lastEventAt: now() }), true);
    return true;
  }

  async function loadTheme(): Promise<void> {
    if (!client) return;
    try {
      const view = await client.request({ type: 'settings-get' });
      deps.applyTheme(view.settings.theme);
    } catch {
      // The theme is cosmetic: keep the current one.
    }
  }

  async function refreshConversations(): Promise<void> {
    const list = await call((c) => c.request({ type: 'conversation-list' }));
    if (list) store.setState({ conversations: list.conversations });
  }

  /**
   * Sends one decide or edit request for a proposal, at most one at a time per proposal (the buttons are disabled
   * meanwhile), and folds the answer in. A failure is shown inside that proposal's card. Returns whether it worked.
   */
  async function proposalRequest(proposalId: string, work: (client: PortClient) => Promise<{ proposal: Proposal } | { cancel: CancelProposal }>): Promise<boolean> {
    const state = store.getState();
    if (state.proposalBusy[proposalId]) return false;
    const otherErrors = without(state.proposalErrors, proposalId);
    if (!client) {
      store.setState({ connection: 'unavailable', proposalErrors: { ...otherErrors, [proposalId]: NOT_CONNECTED } });
      return false;
    }
    store.setState({ proposalBusy: { ...state.proposalBusy, [proposalId]: true }, proposalErrors: otherErrors });
    const settle = (change: (errors: Record<string, string>) => Record<string, string>) => {
      store.setState((current) => ({ proposalBusy: without(current.proposalBusy, proposalId), proposalErrors: change(current.proposalErrors) }));
    };
    try {
      const answer = await work(client);
      const conversationId = 'cancel' in answer ? answer.cancel.conversationId : answer.proposal.conversationId;
      const apply = (current: PanelState) => ('cancel' in answer ? upsertCancel(current, answer.cancel) : upsertProposal(current, answer.proposal));
      store.setState((current) => (current.conversation?.id === conversationId ? apply(current) : current), true);
      settle((errors) => errors);
      return true;
    } catch (error) {
      settle((errors) => ({ ...errors, [proposalId]: errorMessage(error) }));
      return false;
    }
  }

  function handle(event: PushEvent | { type: 'reconnected' }): void {
    if (event.type === 'reconnected') {
      // The worker restarted: whatever it was doing is saved, so reopening the conversation brings the state back.
      void open(store.getState().conversation?.id);
      return;
    }
    if (event.type === 'conversation-focus') {
      const card = event.proposalId;
      void open(event.conversationId).then((ok) => { if (ok && card) deps.focusCard?.(card); });
      return;
    }
    store.setState((state) => ({ ...applyEvent(state, event), lastEventAt: now() }), true);
    if (event.type === 'conversations-changed' && store.getState().conversationsOpen) void refreshConversations();
    if (event.type === 'settings-changed') void loadTheme();
  }

  return {
    /** Connects, opens the session (optionally on a given conversation), and returns the cleanup. */
    start(options: StartOptions = {}): () => void {
      if (options.prefill) store.setState({ draft: options.prefill });
      if (!client) {
        store.setState({ connection: 'unavailable' });
        return () => undefined;
      }
      let unsubscribe: () => void;
      try {
        unsubscribe = client.subscribe(handle);
      } catch (error) {
        store.setState({ connection: 'unavailable', lastError: errorMessage(error) });
        return () => undefined;
      }
      void open(options.conversationId).then((ok) => {
        if (!ok && store.getState().conversation === null) store.setState({ connection: 'unavailable' });
        if (ok && options.card) deps.focusCard?.(options.card);
      });
      void loadTheme();
      return unsubscribe;
    },

    setDraft(text: string): void {
      store.setState({ draft: text });
    },

    /** Sends the draft. Returns whether a message went out. */
    async send(): Promise<boolean> {
      const state = store.getState();
      const text = state.draft.trim();
      if (!text || state.running || state.pending) return false;
      if (!client) {
        store.setState({ connection: 'unavailable', lastError: NOT_CONNECTED });
        return false;
      }
      store.setState({ pending: true, draft: '', lastError: null, lastEventAt: now() });
      try {
        const sent = await client.request({ type: 'chat-send', conversationId: state.conversation?.id, text });
        if (store.getState().conversation?.id !== sent.conversationId) await open(sent.conversationId);
        return true;
      } catch (error) {
        // Give the text back so nothing typed is lost.
        store.setState((current) => ({ pending: false, draft: current.draft === '' ? text : current.draft, lastError: errorMessage(error) }));
        return false;
      }
    },

    async stop(): Promise<void> {
      const conversationId = store.getState().conversation?.id;
      if (!conversationId) return;
      const result = await call((c) => c.request({ type: 'chat-stop', conversationId }));
      // Nothing was running in the background (it restarted): the session tells the truth.
      if (result && !result.stopped) await open(conversationId);
    },

    async retry(messageId: string): Promise<void> {
      const state = store.getState();
      const conversationId = state.conversation?.id;
      if (!conversationId || state.running || state.pending) return;
      store.setState({ pending: true, lastError: null, lastEventAt: now() });
      const result = await call((c) => c.request({ type: 'chat-retry', conversationId, messageId }));
      if (!result) store.setState({ pending: false });
    },

    async newChat(): Promise<void> {
      const session = await call((c) => c.request({ type: 'chat-new' }));
      if (session) store.setState((state) => ({ ...applySession(state, session), conversationsOpen: false, lastError: null, lastEventAt: now() }), true);
    },

    /** Starts an incognito chat (no memory read or written, not kept), or leaves it for a normal new chat. */
    async setIncognito(on: boolean): Promise<void> {
      const session = await call((c) => c.request({ type: 'chat-new', incognito: on }));
      if (session) store.setState((state) => ({ ...applySession(state, session), conversationsOpen: false, lastError: null, lastEventAt: now() }), true);
    },

    /** Remember or Dismiss a memory suggestion, or Undo a memory saved at once; push events update the notes. */
    async decideMemory(memoryId: string, decision: 'remember' | 'dismiss' | 'undo'): Promise<void> {
      await call((c) => c.request({ type: 'memory-decide', memoryId, decision }));
    },

    /** Downloads the current conversation as Markdown or JSON (decrypted by the background). Returns whether it did. */
    async exportConversation(format: 'markdown' | 'json', conversationId = store.getState().conversation?.id): Promise<boolean> {
      if (!conversationId) return false;
      const doc = await call((c) => c.request({ type: 'conversation-export', conversationId }));
      if (!doc) return false;
      if (format === 'markdown') deps.download?.(exportFileName(doc, 'md'), conversationMarkdown(doc), 'text/markdown');
      else deps.download?.(exportFileName(doc, 'json'), conversationJson(doc), 'application/json');
      return true;
    },

    /** Conversations containing these words (the background decrypts and searches); null when the request failed. */
    async searchConversations(query: string): Promise<SearchHit[] | null> {
      if (!query.trim()) return [];
      const answer = await call((c) => c.request({ type: 'conversation-search', query: query.trim().slice(0, 200) }));
      return answer ? answer.hits : null;
    },

    async openConversations(): Promise<void> {
      store.setState({ conversationsOpen: true });
      await refreshConversations();
    },

    closeConversations(): void {
      store.setState({ conversationsOpen: false });
    },

    async openConversation(conversationId: string): Promise<void> {
      const session = await call((c) => c.request({ type: 'conversation-open', conversationId }));
      if (session) {
        store.setState((state) => ({ ...applySession(state, session), conversationsOpen: false, lastError: null, lastEventAt: now() }), true);
      } else {
        await refreshConversations();
      }
    },

    /**
     * Deletes a past conversation; resolves to null when it went, or to why it did not (e.g. an order in it still waits
     * for a decision), for the conversation list to show where the user is looking.
     */
    async deleteConversation(conversationId: string): Promise<string | null> {
      if (!client) {
        store.setState({ connection: 'unavailable', lastError: NOT_CONNECTED });
        return NOT_CONNECTED;
      }
      try {
        await client.request({ type: 'conversation-delete', conversationId });
      } catch (error) {
        return errorMessage(error);
      }
      store.setState((state) => ({ conversations: state.conversations?.filter((c) => c.id !== conversationId) ?? null }));
      // Deleting the conversation on screen moves to the latest remaining one (or a fresh one).
      if (store.getState().conversation?.id === conversationId) await open();
      return null;
    },

    /**
     * Confirms or rejects an order proposal as its card shows it (`revision`): the background refuses a Confirm of a
     * proposal that changed since. A live order needs the user's explicit tick, passed on as `liveConfirmed`.
     */
    decideProposal(proposalId: string, revision: number, decision: 'confirm' | 'reject', liveConfirmed = false): Promise<boolean> {
      return proposalRequest(proposalId, (c) => c.request({ type: 'proposal-decide', proposalId, revision, decision, liveConfirmed }));
    },

    /** "Confirm cancel" or "Keep order" on a Cancel confirmation card. */
    decideCancel(cancelId: string, decision: 'confirm' | 'keep'): Promise<boolean> {
      return proposalRequest(cancelId, (c) => c.request({ type: 'cancel-decide', proposalId: cancelId, decision }));
    },

    /** Changes a pending proposal's size, type, limit price or time in force; the background re-runs the rules. */
    editProposal(proposalId: string, changes: OrderChanges): Promise<boolean> {
      return proposalRequest(proposalId, (c) => c.request({ type: 'proposal-edit', proposalId, changes }));
    },

    /** "Good answer" / "Bad answer" on an answer (a bad one may carry a reason); returns whether it was saved. */
    async giveFeedback(messageId: string, rating: 'good' | 'bad', reason?: FeedbackReason): Promise<boolean> {
      const result = await call((c) => c.request({ type: 'feedback-give', messageId, rating, ...(reason ? { reason } : {}) }));
      return result?.saved === true;
    },

    /** The panel's clock in milliseconds (the order cards count down with it). */
    now,

    openSettings(): void {
      deps.openSettings();
    },

    /** Copies text to the clipboard; returns whether it worked. */
    async copy(text: string): Promise<boolean> {
      try {
        await deps.writeClipboard(text);
        return true;
      } catch {
        store.setState({ lastError: 'Could not copy to the clipboard.' });
        return false;
      }
    },

    dismissError(): void {
      store.setState({ lastError: null });
    },

    /**
     * Called when the panel regains focus or becomes visible. If the worker restarted meanwhile, this page's port died
     * quietly and missed events (a mode switch made in Settings, say); asking again reconnects and catches up.
     */
    async refresh(): Promise<void> {
      const state = store.getState();
      if (!client || state.pending || !state.conversation || now() - lastRefresh < REFRESH_EVERY_MS) return;
      lastRefresh = now();
      await Promise.all([open(state.conversation.id), loadTheme()]);
    },

    /**
     * Called on a timer. A run that stays silent may mean the worker stopped (the port then dies quietly until the
     * next request), so ask for the session: the request reconnects if needed and brings the state back.
     */
    async checkOnSilentRun(): Promise<void> {
      const state = store.getState();
      if (!client || !(state.running || state.pending) || now() - state.lastEventAt < SILENT_RUN_MS) return;
      store.setState({ lastEventAt: now() });
      await open(state.conversation?.id);
    },
  };
}

export type PanelActions = ReturnType<typeof createPanelActions>;
