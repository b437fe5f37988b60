import { AppError } from '../protocol/errors';
import { RUN_STATE_VERSION, runStateSchema, type RunState } from './run-state';

type Raw = Record<string, unknown>;

/**
 * One function per version step (vN → vN+1), applied in order to a saved state read back from the database. Each
 * works on the plain stored object and only knows the shapes of its two versions.
 */
const migrations: Record<number, (state: Raw) => Raw> = {
  /**
   * v1 kept model fallbacks ("model:<id>") in the agents' fallback list, which changed who answered; v2 keeps them
   * apart and records who made the latest model call. `fallbacks` and `failedModels` were optional in early v1 rows.
   */
  1: (state) => {
    const all = Array.isArray(state.fallbacks) ? (state.fallbacks as Raw[]) : [];
    const isModel = (entry: Raw) => typeof entry.from === 'string' && entry.from.startsWith('model:');
    return {
      ...state,
      version: 2,
      fallbacks: all.filter((entry) => !isModel(entry)),
      modelFallbacks: all.filter(isModel).map((entry) => ({ model: String(entry.from).slice('model:'.length), to: '', agent: entry.to, reason: entry.reason })),
      failedModels: Array.isArray(state.failedModels) ? state.failedModels : [],
      answeredBy: null,
    };
  },
};

/** Brings a saved run state of any known version up to the current one and validates it; throws when it cannot. */
export function migrateRunState(saved: unknown): RunState {
  if (typeof saved !== 'object' || saved === null) throw unreadable('the saved state is not an object');
  let state = saved as Raw;
  let version = typeof state.version === 'number' ? state.version : NaN;
  if (!Number.isInteger(version) || version < 1 || version > RUN_STATE_VERSION) throw unreadable(`unknown version ${String(state.version)}`);
  while (version < RUN_STATE_VERSION) {
    const step = migrations[version];
    if (!step) throw unreadable(`no migration from version ${String(version)}`);
    state = step(state);
    version += 1;
  }
  const parsed = runStateSchema.safeParse(state);
  if (!parsed.success) throw unreadable(parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'state'}: ${issue.message}`).join('; '));
  return parsed.data;
}

function unreadable(detail: string): AppError {
  return new AppError({ kind: 'internal', code: 'run-state-unreadable', message: `A saved run could not be read (${detail}).`, retryable: false });
}
