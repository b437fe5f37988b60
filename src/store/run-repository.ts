import { z } from 'zod';
import { runStateSchema, runStatuses, type RunState, type RunStatus } from '../agents/run-state';
import { migrateRunState } from '../agents/run-state-migrations';
import type { Clock, IdSource } from '../platform/clock';
import type { CleraDatabase } from './db';

export const runSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  status: z.enum(runStatuses),
  version: z.number().int(),
  state: runStateSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Run = z.infer<typeof runSchema>;

export interface RunRepository {
  create(conversationId: string, state: RunState): Promise<Run>;
  get(id: string): Promise<Run | undefined>;
  /** The run that wrote into an assistant message (to resume it on Retry). */
  byAssistantMessage(conversationId: string, messageId: string): Promise<Run | undefined>;
  save(id: string, state: RunState, status?: RunStatus): Promise<void>;
  setStatus(id: string, status: RunStatus): Promise<void>;
  withStatus(status: RunStatus): Promise<Run[]>;
}

const rowSchema = runSchema.extend({ state: z.unknown() });

/** A saved run that could not be read (an unknown version, or a state that fails validation after migrating). */
export interface UnreadableRun {
  id: string;
  reason: string;
}

/**
 * Runs as saved rows. A row's state is brought up to the current version when it is read (older versions migrate);
 * a row that still does not parse is reported through `onUnreadable` and skipped, never silently dropped.
 */
export function createRunRepository(db: CleraDatabase, clock: Clock, ids: IdSource, options: { onUnreadable?: (run: UnreadableRun) => void } = {}): RunRepository {
  const parse = (row: unknown): Run | undefined => {
    const id = typeof row === 'object' && row !== null && 'id' in row ? String(row.id) : 'unknown';
    const parsed = rowSchema.safeParse(row);
    if (!parsed.success) {
      options.onUnreadable?.({ id, reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
      return undefined;
    }
    try {
      const state = migrateRunState(parsed.data.state);
      return { ...parsed.data, state, version: state.version };
    } catch (error) {
      options.onUnreadable?.({ id, reason: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  };
  return {
    async create(conversationId, state) {
      const at = clock.now().toISOString();
      const run: Run = { id: ids.next('run'), conversationId, status: 'running', version: state.version, state, createdAt: at, updatedAt: at };
      await db.runs.add(run);
      return run;
    },
    async get(id) {
      return parse(await db.runs.get(id));
    },
    async byAssistantMessage(conversationId, messageId) {
      const rows = await db.runs.where('conversationId').equals(conversationId).toArray();
      for (const row of rows) {
        const run = parse(row);
        if (run?.state.assistantMessageId === messageId) return run;
      }
      return undefined;
    },
    async save(id, state, status) {
      await db.runs.update(id, { state: runStateSchema.parse(state), version: state.version, updatedAt: clock.now().toISOString(), ...(status ? { status } : {}) });
    },
    async setStatus(id, status) {
      await db.runs.update(id, { status, updatedAt: clock.now().toISOString() });
    },
    async withStatus(status) {
      return (await db.runs.where('status').equals(status).toArray()).flatMap((row) => {
        const run = parse(row);
        return run ? [run] : [];
      });
    },
  };
}
