import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HealthMap } from '@/src/protocol/health';
import type { ChatMessage, Conversation } from '@/src/protocol/conversation';
import type { PushEvent, Session } from '@/src/protocol/messages';
import type { Proposal } from '@/src/protocol/proposal';
import type { CancelProposal } from '@/src/protocol/cancel-proposal';
import type { TradingMode } from '@/src/protocol/settings';
import type { MemoryView } from '@/src/protocol/memory';
import type { PageChip } from '@/src/protocol/page';

export type ConnectionState = 'connecting' | 'connected' | 'unavailable';

/** Everything the side panel shows. Components read it; only protocol events and the panel actions write it. */
export interface PanelState {
  connection: ConnectionState;
  conversation: Conversation | null;
  messages: Record<string, ChatMessage>;
  /** Message ids, ordered by seq (oldest first). */
  order: string[];
  /** Order proposals of the conversation on screen, by id. */
  proposals: Record<string, Proposal>;
  /** Cancel proposals of the conversation on screen, by id (their busy and error state share the proposals' maps). */
  cancels: Record<string, CancelProposal>;
  /** Proposals with a decide or edit request in flight, by id: their buttons stay disabled until it answers. */
  proposalBusy: Record<string, true>;
  /** The last failed decide or edit request of each proposal, shown inside its card. */
  proposalErrors: Record<string, string>;
  /** Memory suggestions and memories saved in the conversation on screen, by id. */
  memories: Record<string, MemoryView>;
  running: boolean;
  /** Sent and waiting for the run to start. */
  pending: boolean;
  streamingMessageId: string | null;
  activity: string | null;
  mode: TradingMode;
  /** Health of the services, for the degraded-mode banner; null until known. */
  health: HealthMap | null;
  /** Whether an Anthropic key is saved; null until the first session arrives. */
  configured: boolean | null;
  /** Past conversations, newest first; null until the list is first loaded. */
  conversations: Conversation[] | null;
  conversationsOpen: boolean;
  draft: string;
  /** The ticker on the active tab (the page chip), or null. */
  page: PageChip | null;
  lastError: string | null;
  /** When the last protocol event arrived (ms), so a silent run can be checked on. */
  lastEventAt: number;
}

export const initialPanelState = (): PanelState => ({
  connection: 'connecting',
  conversation: null,
  messages: {},
  order: [],
  proposals: {},
  cancels: {},
  proposalBusy: {},
  proposalErrors: {},
  memories: {},
  health: null,
  running: false,
  pending: false,
  streamingMessageId: null,
  activity: null,
  mode: 'paper',
  configured: null,
  conversations: null,
  conversationsOpen: false,
  draft: '',
  page: null,
  lastError: null,
  lastEventAt: 0,
});

export type PanelStore = StoreApi<PanelState>;

export function createPanelStore(initial: Partial<PanelState> = {}): PanelStore {
  return createStore<PanelState>()(() => ({ ...initialPanelState(), ...initial }));
}

const bySeq = (messages: Record<string, ChatMessage>) => (a: string, b: string): number => {
  const left = messages[a];
  const right = messages[b];
  if (!left || !right) return 0;
  return left.seq - right.seq || left.createdAt.localeCompare(right.createdAt);
};

function upsert(state: PanelState, message: ChatMessage): PanelState {
  const messages = { ...state.messages, [message.id]: message };
  const order = state.order.includes(message.id) ? state.order : [...state.order, message.id].sort(bySeq(messages));
  return { ...state, messages, order };
}

/** Whether one version of a proposal was saved after another. */
const isNewer = (left: { updatedAt: string }, right: { updatedAt: string }): boolean => Date.parse(left.updatedAt) > Date.parse(right.updatedAt);

/**
 * Puts a proposal in the state, replacing the one with its id. Push events and request answers can cross on the way,
 * so an update older than the one shown is ignored.
 */
export function upsertProposal(state: PanelState, proposal: Proposal): PanelState {
  const existing = state.proposals[proposal.id];
  if (existing && isNewer(existing, proposal)) return state;
  return { ...state, proposals: { ...state.proposals, [proposal.id]: proposal } };
}

/** Puts a cancel proposal in the state, keeping a newer version already shown. */
export function upsertCancel(state: PanelState, cancel: CancelProposal): PanelState {
  const existing = state.cancels[cancel.id];
  if (existing && isNewer(existing, cancel)) return state;
  return { ...state, cancels: { ...state.cancels, [cancel.id]: cancel } };
}

const endRun = (state: PanelState): PanelState => ({ ...state, running: false, pending: false, streamingMessageId: null, activity: null });

/** Whether an event is about the conversation on screen (global events always are). */
function isCurrent(state: PanelState, event: PushEvent): boolean {
  const current = state.conversation?.id;
  switch (event.type) {
    case 'message-upsert':
      return event.message.conversationId === current;
    case 'proposal-upsert':
      return event.proposal.conversationId === current;
    case 'cancel-upsert':
      return event.cancel.conversationId === current;
    case 'memory-upsert':
      return event.memory.source.conversationId === current;
    case 'memory-remove':
      return event.conversationId === current;
    case 'run-start':
    case 'text-delta':
    case 'activity':
    case 'run-end':
    case 'run-error':
      return event.conversationId === current;
    case 'conversations-changed':
    case 'settings-changed':
    case 'conversation-focus':
    case 'service-health':
    case 'page-context':
    case 'vault-status':
      return true;
    // The metrics page's evaluation run: not the panel's.
    case 'eval-run-progress':
      return false;
  }
}

/** The pure reducer from protocol push events to panel state. Events for other conversations are ignored. */
export function applyEvent(state: PanelState, event: PushEvent): PanelState {
  if (!isCurrent(state, event)) return state;
  switch (event.type) {
    case 'message-upsert': {
      const next = upsert(state, event.message);
      if (event.message.status === 'streaming' && event.message.role === 'assistant') return { ...next, streamingMessageId: event.message.id };
      return next;
    }
    case 'run-start':
      return { ...state, running: true, pending: false, streamingMessageId: event.messageId, activity: null };
    case 'text-delta': {
      const existing = state.messages[event.messageId];
      const base: ChatMessage = existing ?? placeholder(state, event.conversationId, event.messageId);
      return upsert({ ...state, running: true, pending: false, streamingMessageId: event.messageId }, { ...base, text: base.text + event.text });
    }
    case 'activity':
      return { ...state, activity: event.label };
    case 'run-end':
      return endRun(state);
    case 'run-error': {
      const ended = endRun(state);
      const message = ended.messages[event.messageId];
      if (!message || message.status !== 'streaming') return ended;
      return upsert(ended, { ...message, status: 'error', error: event.error });
    }
    case 'proposal-upsert':
      return upsertProposal(state, event.proposal);
    case 'cancel-upsert':
      return upsertCancel(state, event.cancel);
    case 'memory-upsert':
      return { ...state, memories: { ...state.memories, [event.memory.id]: event.memory } };
    case 'memory-remove': {
      return { ...state, memories: Object.fromEntries(Object.entries(state.memories).filter(([id]) => id !== event.memoryId)) };
    }
    case 'settings-changed':
      return { ...state, mode: event.mode, configured: event.configured };
    case 'service-health':
      return { ...state, health: event.health };
    case 'page-context':
      return { ...state, page: event.page };
    case 'conversations-changed':
    case 'conversation-focus':
    // The lock's state is the page's vault gate's (entrypoints/shared/VaultGate.tsx), not the panel store's.
    case 'vault-status':
    case 'eval-run-progress':
      return state;
  }
}

/** A message that streamed text before its upsert arrived (the upsert, when it comes, replaces it). */
function placeholder(state: PanelState, conversationId: string, id: string): ChatMessage {
  const last = state.order.at(-1);
  const seq = (last ? state.messages[last]?.seq ?? 0 : 0) + 1;
  const now = new Date(0).toISOString();
  return { id, conversationId, seq, role: 'assistant', text: '', status: 'streaming', createdAt: now, updatedAt: now };
}

/**
 * Replaces the panel's conversation with a session from the background. The background saves streamed text only every
 * so often, so for the same conversation an answer still streaming keeps the longer text already shown here, and a
 * proposal keeps the newer version already shown (a request's answer can arrive before the session is read).
 */
export function applySession(state: PanelState, session: Session): PanelState {
  const sameConversation = state.conversation?.id === session.conversation.id;
  const messages: Record<string, ChatMessage> = {};
  for (const incoming of session.messages) {
    const local = sameConversation ? state.messages[incoming.id] : undefined;
    const keepLocal = local !== undefined && incoming.status === 'streaming' && local.text.length > incoming.text.length && local.text.startsWith(incoming.text);
    messages[incoming.id] = keepLocal ? { ...incoming, text: local.text } : incoming;
  }
  const order = Object.keys(messages).sort(bySeq(messages));
  const proposals: Record<string, Proposal> = {};
  for (const incoming of session.proposals) {
    const local = sameConversation ? state.proposals[incoming.id] : undefined;
    proposals[incoming.id] = local && isNewer(local, incoming) ? local : incoming;
  }
  const cancels: Record<string, CancelProposal> = {};
  for (const incoming of session.cancels ?? []) {
    const local = sameConversation ? state.cancels[incoming.id] : undefined;
    cancels[incoming.id] = local && isNewer(local, incoming) ? local : incoming;
  }
  const streaming = session.running
    ? [...order].reverse().find((id) => messages[id]?.role === 'assistant' && messages[id].status === 'streaming') ?? null
    : null;
  return {
    ...state,
    connection: 'connected',
    conversation: session.conversation,
    messages,
    order,
    proposals,
    cancels,
    memories: Object.fromEntries((session.memories ?? []).map((memory) => [memory.id, memory])),
    health: session.health ?? state.health,
    proposalBusy: sameConversation ? state.proposalBusy : {},
    proposalErrors: sameConversation ? state.proposalErrors : {},
    running: session.running,
    pending: false,
    streamingMessageId: streaming,
    activity: sameConversation && session.running ? state.activity : null,
    mode: session.mode,
    configured: session.configured,
  };
}

/** The text of the activity line: the latest activity while a run is active, or "Thinking…" until the first text. */
export function activityText(state: PanelState): string {
  if (!state.running && !state.pending) return '';
  if (state.activity) return state.activity;
  const streaming = state.streamingMessageId ? state.messages[state.streamingMessageId] : undefined;
  return !streaming || streaming.text === '' ? 'Thinking…' : '';
}

/** The one assistant message that may offer Retry: the latest non-notice message, when it did not finish. */
export function retryableMessageId(state: PanelState): string | null {
  if (state.running || state.pending) return null;
  for (let index = state.order.length - 1; index >= 0; index -= 1) {
    const id = state.order[index];
    const message = id === undefined ? undefined : state.messages[id];
    if (!message || message.role === 'notice') continue;
    return message.role === 'assistant' && (message.status === 'error' || message.status === 'interrupted' || message.status === 'stopped') ? message.id : null;
  }
  return null;
}
