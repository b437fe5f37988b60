import type { Clock, IdSource } from '../platform/clock';
import type { MemoryList, MemoryView, MemoriesUsed, Profile } from '../protocol/memory';
import { userInputError } from '../protocol/errors';
import type { MemoryRepository } from '../store/memory-repository';
import type { ProfileRepository } from '../store/profile-repository';
import { personalSection, relevantMemories } from './prompt-section';
import type { MemoryDesk } from '../tools/define-tool';
import { reconcile } from './reconcile';

/** Where a proposal comes from: the turn's conversation and messages, and whether the turn read untrusted text. */
export interface ProposalSource {
  conversationId: string;
  messageId: string;
  answerId: string;
  conversationTitle?: string;
  /** Asked when the proposal arrives: whether the turn has read untrusted text by then. */
  untrusted: () => boolean;
}

export interface MemoryServiceDeps {
  memories: MemoryRepository;
  profiles: ProfileRepository;
  clock: Clock;
  ids: IdSource;
  /** The cap on saved memories (a setting); beyond it the least recently used are proposed for removal. */
  cap: () => Promise<number>;
  onUpsert: (memory: MemoryView) => void;
  onRemove: (memory: MemoryView) => void;
}

export interface TurnPersonalisation {
  /** The prompt section (empty when there is nothing to say). */
  text: string;
  used: MemoriesUsed;
  profile: Profile;
}

/** Memory and profile: what a turn reads, what the model may propose, and what the user decides and edits. */
export function createMemoryService(deps: MemoryServiceDeps) {
  const now = () => deps.clock.now().toISOString();
  const saved = async () => (await deps.memories.list()).memories.filter((memory) => memory.status === 'saved');

  async function store(memory: MemoryView): Promise<MemoryView> {
    await deps.memories.put(memory);
    deps.onUpsert(memory);
    return memory;
  }
  async function drop(memory: MemoryView): Promise<void> {
    if (await deps.memories.remove(memory.id)) deps.onRemove(memory);
  }

  async function list(): Promise<MemoryList> {
    const [{ memories, problems }, cap] = await Promise.all([deps.memories.list(), deps.cap()]);
    const savedOnes = memories.filter((memory) => memory.status === 'saved');
    const overCap = savedOnes.length > cap
      ? [...savedOnes].sort((a, b) => a.lastUsedAt.localeCompare(b.lastUsedAt) || a.createdAt.localeCompare(b.createdAt)).slice(0, savedOnes.length - cap).map((m) => m.id)
      : [];
    return { memories, overCap, cap, problems };
  }

  return {
    list,

    /** The personal prompt section for a turn, and what it used; marks those memories as used. */
    async forTurn(conversationId: string): Promise<TurnPersonalisation> {
      const [{ profile }, all] = await Promise.all([deps.profiles.get(), deps.memories.list()]);
      const memories = relevantMemories(all.memories, conversationId);
      const section = personalSection(profile, memories);
      await deps.memories.touch(memories.map((memory) => memory.id), now());
      return { ...section, profile };
    },

    /** The desk a chat run's remember_fact tool talks to. */
    desk(source: ProposalSource): MemoryDesk {
      return {
        async propose(proposal) {
          const decision = reconcile({ text: proposal.text, requested: proposal.action, memoryId: proposal.memoryId }, await saved());
          if (decision.action === 'none') {
            return { status: 'unchanged', reason: decision.why, ...(decision.target ? { memoryId: decision.target.id } : {}) };
          }
          // Never saved silently: inferred facts, and anything proposed after reading untrusted text, wait for the user.
          const untrusted = source.untrusted();
          const direct = proposal.kind === 'explicit' && !untrusted;
          if (decision.action === 'delete' && decision.target) {
            if (direct) {
              await drop(decision.target);
              return { status: 'deleted', memoryId: decision.target.id, note: 'Tell the user it is forgotten.' };
            }
            return { status: 'unchanged', reason: 'Only the user can delete a memory here; they can do it in Settings › Memories.' };
          }
          const at = now();
          const memory: MemoryView = {
            id: deps.ids.next('mem'),
            text: proposal.text.trim(),
            kind: proposal.kind,
            scope: proposal.scope,
            status: direct ? 'saved' : 'suggested',
            source: { conversationId: source.conversationId, messageId: source.messageId, answerId: source.answerId, ...(source.conversationTitle ? { conversationTitle: source.conversationTitle } : {}) },
            createdAt: at,
            lastUsedAt: at,
            untrusted,
            replaces: decision.action === 'update' && decision.target ? { id: decision.target.id, text: decision.target.text } : null,
          };
          await store(memory);
          if (direct && decision.target) await drop(decision.target);
          return direct
            ? { status: 'saved', memoryId: memory.id, ...(memory.replaces ? { replaced: memory.replaces.text } : {}), note: 'Saved. Tell the user briefly; they can undo it.' }
            : { status: 'suggested', memoryId: memory.id, note: 'Shown to the user as a suggestion to Remember or Dismiss; it is not saved unless they choose Remember. Do not claim it was saved.' };
        },
      };
    },

    /** The user's answer to a suggestion (remember / dismiss), or undo of a memory saved at once. */
    async decide(memoryId: string, decision: 'remember' | 'dismiss' | 'undo'): Promise<MemoryView | null> {
      const memory = await deps.memories.get(memoryId);
      if (!memory) throw userInputError('unknown-memory', 'That memory no longer exists.');
      if (decision === 'remember') {
        if (memory.status !== 'suggested') return memory;
        const kept = await store({ ...memory, status: 'saved', lastUsedAt: now() });
        if (memory.replaces) {
          const replaced = await deps.memories.get(memory.replaces.id);
          if (replaced) await drop(replaced);
        }
        return kept;
      }
      await drop(memory);
      if (decision === 'undo' && memory.status === 'saved' && memory.replaces && !(await deps.memories.get(memory.replaces.id))) {
        // Undo of an update brings the replaced fact back.
        await store({ ...memory, id: memory.replaces.id, text: memory.replaces.text, replaces: null });
      }
      return null;
    },

    async edit(memoryId: string, text: string): Promise<MemoryView> {
      const memory = await deps.memories.get(memoryId);
      if (!memory) throw userInputError('unknown-memory', 'That memory no longer exists.');
      const trimmed = text.trim();
      if (!trimmed) throw userInputError('empty-memory', 'A memory needs some text. Delete it instead.');
      return store({ ...memory, text: trimmed, kind: 'explicit' });
    },

    async remove(memoryId: string): Promise<boolean> {
      const memory = await deps.memories.get(memoryId);
      if (memory) await drop(memory);
      else return deps.memories.remove(memoryId);
      return true;
    },

    removeAll: () => deps.memories.removeAll(),

    /** Suggestions and memories saved in one conversation (the panel shows them after the answer that made them). */
    async forConversation(conversationId: string): Promise<MemoryView[]> {
      return (await deps.memories.list()).memories.filter((memory) => memory.source.conversationId === conversationId);
    },
  };
}

export type MemoryService = ReturnType<typeof createMemoryService>;
