/**
 * A local Alpaca simulator: Trading API v2 and Market Data API v2 on two HTTP servers that share one state.
 * Wire formats follow Alpaca's OpenAPI specs (checked by tests/conformance/alpaca-simulator.test.ts) except where the
 * live service is known to differ (403 {"message":"forbidden."} for bad keys).
 */
import { dataRoutes } from './data-routes.ts';
import type { FaultControls } from './faults.ts';
import type { Route, ServerName } from './http.ts';
import { startServer } from './server.ts';
import type { RecordedRequest } from './server.ts';
import type { SimulatorState } from './state.ts';
import { tradingRoutes } from './trading-routes.ts';
import { simulatorCore, type AlpacaSimulatorOptions } from './core.ts';

export type { AssetInput } from './assets.ts';
export type { DropOptions, FaultControls } from './faults.ts';
export type { RecordedRequest } from './server.ts';
export type { SimulatorState } from './state.ts';

export type { AlpacaSimulatorOptions } from './core.ts';

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
  const common = simulatorCore(options);
  const { keyId, secret, requests, state, faults } = common;
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
