import { retentionCutoff, type Retention } from '../protocol/privacy';
import type { Clock } from '../platform/clock';
import type { ConversationRepository } from '../store/conversation-repository';
import type { RetentionRepository } from '../store/retention-repository';
import type { MemoryService } from '../memory/memory-service';
import type { AuditLog } from '../audit/types';

export interface RetentionReport {
  conversations: number;
  runs: number;
  memories: number;
  audit: number;
  spans: number;
}

export interface RetentionDeps {
  repository: RetentionRepository;
  clock: Clock;
  conversations: ConversationRepository;
  /** Deletes finished runs last changed before the instant. */
  pruneRuns: (before: string) => Promise<number>;
  memory: MemoryService;
  audit: AuditLog;
  /** Metric spans, rollups, feedback and alert history by the metrics section's own retention. */
  pruneMetrics: () => Promise<number>;
  /** A conversation with an answer being written is left for the next pass. */
  isRunning: (conversationId: string) => boolean;
  log?: (message: string, details: Record<string, unknown>) => void;
}

const ALL = 100_000;

/**
 * Retention per category, applied on the retention alarm (and at start): conversations and run transcripts by when
 * they last changed, memories by when they were last used, audit entries by when they were recorded (the audit log
 * leaves a signed checkpoint at the cut), metric spans by their own setting. A category kept forever is not touched.
 */
export function createRetentionService(deps: RetentionDeps) {
  /** Each category on its own: one that fails (e.g. a conversation with a pending order) does not stop the others. */
  async function guarded(category: string, work: () => Promise<number>): Promise<number> {
    try {
      return await work();
    } catch (error) {
      deps.log?.(`Retention could not prune ${category}.`, { error: error instanceof Error ? error.message : String(error) });
      return 0;
    }
  }

  async function pruneConversations(before: string): Promise<number> {
    let removed = 0;
    for (const conversation of await deps.conversations.list(ALL)) {
      if (conversation.updatedAt >= before || deps.isRunning(conversation.id)) continue;
      removed += await guarded('a conversation', async () => {
        await deps.conversations.remove(conversation.id);
        return 1;
      });
    }
    return removed;
  }

  async function pruneMemories(before: string): Promise<number> {
    const stale = (await deps.memory.list()).memories.filter((memory) => memory.lastUsedAt < before);
    for (const memory of stale) await deps.memory.remove(memory.id);
    return stale.length;
  }

  return {
    get: () => deps.repository.get(),
    save: (retention: Retention) => deps.repository.save(retention),
    async prune(): Promise<RetentionReport> {
      const retention = await deps.repository.get();
      const now = deps.clock.now();
      const cut = (days: number, work: (before: string) => Promise<number>, category: string) => {
        const before = retentionCutoff(days, now);
        return before === null ? Promise.resolve(0) : guarded(category, () => work(before));
      };
      return {
        conversations: await cut(retention.conversations, pruneConversations, 'conversations'),
        runs: await cut(retention.runs, deps.pruneRuns, 'run transcripts'),
        memories: await cut(retention.memories, pruneMemories, 'memories'),
        audit: await cut(retention.audit, (before) => deps.audit.prune(before), 'the audit log'),
        spans: await guarded('metric spans', deps.pruneMetrics),
      };
    },
  };
}
export type RetentionService = ReturnType<typeof createRetentionService>;
