import { z } from 'zod';
import { runStateSchema, runStatuses, type RunState, type RunStatus } from '../agents/run-state';
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

export function createRunRepository(db: CleraDatabase, clock: Clock, ids: IdSource): RunRepository {
  const parse = (row: unknown) => {
    const parsed = runSchema.safeParse(row);
    return parsed.success ? parsed.data : undefined;
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
