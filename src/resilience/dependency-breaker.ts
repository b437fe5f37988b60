import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, isBrokenCircuitError, type FailureReason } from 'cockatiel';
import { circuitRetryAt, type BreakerStore, type SavedBreaker } from './breaker-store';
import { serviceNames, type Dependency, type ServiceHealth } from '../protocol/health';
import type { DependencyConfig } from './config';
import { breakerOpenError, isTransportFailure } from './errors';
import { isServerFailure } from './request-policy';

export type CircuitName = 'closed' | 'open' | 'half-open';

export interface BreakerChange {
  dependency: Dependency;
  from: CircuitName;
  to: CircuitName;
  /** ISO time of the change. */
  at: string;
}

export interface DependencyBreakerOptions {
  dependency: Dependency;
  config: DependencyConfig;
  saved: SavedBreaker | undefined;
  store: BreakerStore;
  now: () => Date;
  onBreakerChange?: (change: BreakerChange) => void;
}

export interface DependencyBreaker {
  /** Runs one attempt through the circuit. Throws AppError `breaker-open` when the circuit is open. */
  execute<T>(attempt: () => Promise<T>): Promise<T>;
  /** Throws AppError `breaker-open` if the circuit is open and not yet due for a probe (so a call fails before queueing). */
  throwIfOpen(): void;
  health(): ServiceHealth;
  /** Resolves when every state change so far is saved. */
  settled(): Promise<void>;
}

const circuitNames: Record<CircuitState, CircuitName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/** Counted against the circuit: network errors, timeouts and 5xx. Never 4xx (the caller's problem) nor 429 (we wait). */
function circuitPolicy() {
  return handleWhen(isTransportFailure).orWhenResult((result) => result instanceof Response && isServerFailure(result.status));
}

/**
 * One dependency's circuit breaker: cockatiel's `circuitBreaker` with a `ConsecutiveBreaker`, restored from and
 * saved to the breaker store on every state change, plus the failure history behind health().
 *
 * Cockatiel times the circuit with Date.now; `now` only stamps events and health.
 */
export function createDependencyBreaker(options: DependencyBreakerOptions): DependencyBreaker {
  const { dependency, config, store, now } = options;
  const name = serviceNames[dependency];
  const policy = circuitBreaker(circuitPolicy(), {
    breaker: new ConsecutiveBreaker(config.breakerThreshold),
    halfOpenAfter: config.halfOpenAfterMs,
    ...(options.saved ? { initialState: options.saved.state } : {}),
  });

  const startedAt = now();
  let circuit: CircuitName = circuitNames[policy.state];
  let circuitSince = options.saved && circuit !== 'closed' ? new Date(options.saved.updatedAt) : startedAt;
  let okSince = startedAt;
  let firstFailureAt: Date | undefined;
  let lastFailureAt: Date | undefined;
  let lastFailure = '';
  let writes: Promise<void> = Promise.resolve();

  const retryAt = () => circuitRetryAt(policy.toJSON(), config.halfOpenAfterMs);

  policy.onStateChange((state) => {
    const at = now();
    const change: BreakerChange = { dependency, from: circuit, to: circuitNames[state], at: at.toISOString() };
    circuit = change.to;
    circuitSince = at;
    if (circuit === 'closed') okSince = at;
    const snapshot = policy.toJSON();
    // Best effort: if the write fails, the in-memory circuit still protects this worker's lifetime.
    writes = writes.then(() => store.save(dependency, snapshot, at)).catch(() => undefined);
    options.onBreakerChange?.(change);
  });
  policy.onFailure(({ handled, reason }) => {
    if (!handled) return;
    const at = now();
    firstFailureAt ??= at;
    lastFailureAt = at;
    lastFailure = describeFailure(reason);
  });
  policy.onSuccess(() => {
    if (lastFailureAt) okSince = now();
    firstFailureAt = undefined;
    lastFailureAt = undefined;
  });

  // Cockatiel times the circuit with Date.now (it takes no clock), so the open circuit's due time is read on that clock.
  // eslint-disable-next-line no-restricted-properties -- must agree with cockatiel's own clock
  const circuitNow = () => Date.now();
  const openError = () => breakerOpenError(dependency, retryAt() ?? new Date(circuitNow() + config.halfOpenAfterMs), circuitNow());

  return {
    async execute(attempt) {
      try {
        return await policy.execute(attempt);
      } catch (error) {
        if (isBrokenCircuitError(error)) throw openError();
        throw error;
      }
    },
    throwIfOpen() {
      if (policy.state !== CircuitState.Open) return;
      const due = retryAt();
      if (!due || due.getTime() > circuitNow()) throw openError();
    },
    health() {
      const at = now();
      if (circuit === 'open') return { state: 'down', since: circuitSince.toISOString(), detail: openError().message };
      if (circuit === 'half-open') return { state: 'degraded', since: circuitSince.toISOString(), detail: `Checking with one request whether ${name} is back.` };
      if (lastFailureAt && firstFailureAt && at.getTime() - lastFailureAt.getTime() < config.degradedForMs) {
        return { state: 'degraded', since: firstFailureAt.toISOString(), detail: `Recent requests to ${name} failed (${lastFailure}).` };
      }
      const since = lastFailureAt ? new Date(Math.max(okSince.getTime(), lastFailureAt.getTime() + config.degradedForMs)) : okSince;
      return { state: 'ok', since: since.toISOString(), detail: `${name} is working.` };
    },
    settled: () => writes,
  };
}

function describeFailure(reason: FailureReason<unknown>): string {
  if ('error' in reason) return reason.error.message;
  return reason.value instanceof Response ? `HTTP ${String(reason.value.status)}` : 'failed';
}
