/** The simulator's shared parts (state, faults, request log, keys), whatever transport serves them. */
import { Faults } from './faults.ts';
import { seedHistory } from './history.ts';
import type { RecordedRequest } from './dispatch.ts';
import { AlpacaSimulatorState } from './state.ts';

export interface AlpacaSimulatorOptions {
  /** Expected APCA-API-KEY-ID (default 'sim-key-id'). */
  keyId?: string;
  /** Expected APCA-API-SECRET-KEY (default 'sim-secret-key'). */
  secret?: string;
  /** Start of simulated time (default: the real current time). The clock then moves only through state controls. */
  now?: Date;
  /** Seed of the price walk and ids (default 1). */
  seed?: number;
  /** Start with a $100,000 deposit and five past purchases (default true); false starts with $100,000 and nothing else. */
  history?: boolean;
}

export function simulatorCore(options: AlpacaSimulatorOptions = {}) {
  const keyId = options.keyId ?? 'sim-key-id';
  const secret = options.secret ?? 'sim-secret-key';
  const state = new AlpacaSimulatorState({ now: options.now ?? new Date(), seed: options.seed ?? 1 });
  if (options.history ?? true) seedHistory(state);
  else state.setCash('100000');
  const faults = new Faults();
  const requests: RecordedRequest[] = [];
  return { state, faults, requests, keyId, secret };
}
