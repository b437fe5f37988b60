import { z } from 'zod';
import type { CleraDatabase } from '../store/db';
import type { Dependency } from '../protocol/health';

/**
 * What cockatiel's `CircuitBreakerPolicy.toJSON()` returns, as far as we rely on it: the circuit (0 closed, 1 open;
 * half-open is saved as open with `openedAt: 0`) and the breaker's own counter. Anything else — a row from another
 * cockatiel version, an isolated circuit — is ignored and the circuit starts closed.
 */
const savedCircuitSchema = z.object({
  ownState: z.union([
    z.looseObject({ value: z.literal(0) }),
    z.looseObject({ value: z.literal(1), openedAt: z.number(), attemptNo: z.number().int().min(1) }),
  ]),
  breakerState: z.unknown(),
});
export type SavedCircuit = z.infer<typeof savedCircuitSchema>;

const breakerRowSchema = z.object({ id: z.string(), state: z.unknown(), updatedAt: z.iso.datetime() });

export interface SavedBreaker {
  state: SavedCircuit;
  updatedAt: string;
}

/** Reads and writes circuit-breaker state in `db.breakers`, so a restarted service worker keeps an open circuit open. */
export interface BreakerStore {
  load(dependency: Dependency): Promise<SavedBreaker | undefined>;
  save(dependency: Dependency, state: unknown, at: Date): Promise<void>;
  clear(dependency: Dependency): Promise<void>;
}

export function createBreakerStore(db: CleraDatabase): BreakerStore {
  return {
    async load(dependency) {
      const row = breakerRowSchema.safeParse(await db.breakers.get(dependency));
      if (!row.success) return undefined;
      const state = savedCircuitSchema.safeParse(row.data.state);
      return state.success ? { state: state.data, updatedAt: row.data.updatedAt } : undefined;
    },
    async save(dependency, state, at) {
      await db.breakers.put({ id: dependency, state, updatedAt: at.toISOString() });
    },
    async clear(dependency) {
      await db.breakers.delete(dependency);
    },
  };
}

/** When an open circuit lets a probe through, in cockatiel's time base (Date.now); undefined unless open. */
export function circuitRetryAt(state: unknown, halfOpenAfterMs: number): Date | undefined {
  const parsed = savedCircuitSchema.safeParse(state);
  if (!parsed.success || parsed.data.ownState.value !== 1) return undefined;
  return new Date(parsed.data.ownState.openedAt + halfOpenAfterMs);
}
