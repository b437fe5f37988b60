import { z } from 'zod';
import { runStateSchema, runStatuses, type RunState, type RunStatus } from '../agents/run-state';
import { migrateRunState } from '../agents/run-state-migrations';
import type { Clock, IdSource } from '../platform/clock';
import type { Vault } from '../platform/vault';
import type { CleraDatabase, RunRow } from './db';
import { createRecordSealer, isSealedRow } from './sealed-record';

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
/** The run state is sealed whole (it holds the question, tool results with account figures, page text, the answer). */
const sealedStateSchema = z.object({ state: z.unknown() });

/** A saved run that could not be read (an unknown version, or a state that fails validation after migrating). */
export interface UnreadableRun {
  id: string;
  reason: string;
}

/**
 * Runs as saved rows. A row's state is brought up to the current version when it is read (older versions migrate);
 * a row that still does not parse is reported through `onUnreadable` and skipped, never silently dropped.
 */
export function createRunRepository(db: CleraDatabase, vault: Vault, clock: Clock, ids: IdSource, options: { onUnreadable?: (run: UnreadableRun) => void } = {}): RunRepository {
  const sealer = createRecordSealer(vault);
  const seal = (id: string, state: RunState) => sealer.seal('runs', id, { state: runStateSchema.parse(state) });
  const parse = async (row: RunRow | undefined): Promise<Run | undefined> => {
    if (!row) return undefined;
    const id = row.id;
    let stored: unknown = row;
    if (isSealedRow(row)) {
      const opened = await sealer.open('runs', id, row.sealed, sealedStateSchema);
      if (!opened) {
        options.onUnreadable?.({ id, reason: 'its sealed state could not be decrypted or read' });
        return undefined;
      }
      stored = { ...row, sealed: undefined, state: opened.state };
    }
    const parsed = rowSchema.safeParse(stored);
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
      await db.runs.add({ id: run.id, conversationId, status: run.status, version: run.version, createdAt: at, updatedAt: at, sealed: await seal(run.id, state) });
      return run;
    },
    async get(id) {
      return parse(await db.runs.get(id));
    },
    async byAssistantMessage(conversationId, messageId) {
      const rows = await db.runs.where('conversationId').equals(conversationId).toArray();
      const runs = await Promise.all(rows.map(parse));
      return runs.find((run) => run?.state.assistantMessageId === messageId);
    },
    async save(id, state, status) {
      const sealed = await seal(id, state);
      await db.runs.update(id, { sealed, state: undefined, version: state.version, updatedAt: clock.now().toISOString(), ...(status ? { status } : {}) });
    },
    async setStatus(id, status) {
      await db.runs.update(id, { status, updatedAt: clock.now().toISOString() });
    },
    async withStatus(status) {
      const runs = await Promise.all((await db.runs.where('status').equals(status).toArray()).map(parse));
      return runs.flatMap((run) => (run ? [run] : []));
    },
  };
}
