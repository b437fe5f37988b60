/**
 * A local Alpaca simulator: Trading API v2 and Market Data API v2 on two HTTP servers that share one state.
 * Wire formats follow Alpaca's OpenAPI specs (checked by tests/conformance/alpaca-simulator.test.ts) except where the
 * live service is known to differ (403 {"message":"forbidden."} for bad keys).
 */
import { dataRoutes } from './data-routes.ts';
import { Faults } from './faults.ts';
import type { FaultControls } from './faults.ts';
import { seedHistory } from './history.ts';
import type { Route, ServerName } from './http.ts';
import { startServer } from './server.ts';
import type { RecordedRequest } from './server.ts';
import { AlpacaSimulatorState } from './state.ts';
import type { SimulatorState } from './state.ts';
import { tradingRoutes } from './trading-routes.ts';

export type { AssetInput } from './assets.ts';
export type { DropOptions, FaultControls } from './faults.ts';
export type { RecordedRequest } from './server.ts';
export type { SimulatorState } from './state.ts';

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

export interface AlpacaSimulator {
  /** Base URL of the Trading API (use as paper-api.alpaca.markets). */
  readonly tradingUrl: string;
  /** Base URL of the Market Data API (use as data.alpaca.markets). */
  readonly dataUrl: string;
  readonly keyId: string;
  readonly secret: string;
  /** Every request on either server, in arrival order. */
  readonly requests: RecordedRequest[];
  readonly state: SimulatorState;
  readonly faults: FaultControls;
  /** Stops both servers and destroys open sockets. */
  close(): Promise<void>;
}

/** The routes each server answers, as 'METHOD template' with the spec's path templates. */
export const alpacaSimulatorRoutes: readonly { server: ServerName; method: Route['method']; template: string }[] = [...tradingRoutes, ...dataRoutes].map(
  ({ server, method, template }) => ({ server, method, template }),
);

export async function startAlpacaSimulator(options: AlpacaSimulatorOptions = {}): Promise<AlpacaSimulator> {
  const keyId = options.keyId ?? 'sim-key-id';
  const secret = options.secret ?? 'sim-secret-key';
  const state = new AlpacaSimulatorState({ now: options.now ?? new Date(), seed: options.seed ?? 1 });
  if (options.history ?? true) seedHistory(state);
  else state.setCash('100000');
  const faults = new Faults();
  const requests: RecordedRequest[] = [];
  const common = { state, faults, requests, keyId, secret };
  const trading = await startServer({ ...common, name: 'trading', routes: tradingRoutes });
  const data = await startServer({ ...common, name: 'data', routes: dataRoutes });
  return {
    tradingUrl: trading.url,
    dataUrl: data.url,
    keyId,
    secret,
    requests,
    state,
    faults,
    close: async () => {
      await Promise.all([trading.close(), data.close()]);
    },
  };
}
