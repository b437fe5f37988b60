import createClient, { type Client } from 'openapi-fetch';
import type { paths as TradingPaths } from './generated/trading';
import type { paths as DataPaths } from './generated/market-data';
import { alpacaError, alpacaNetworkError, type AlpacaService } from './errors';
import { AppError } from '../../protocol/errors';
import { keyGuardedFetch } from '../../protocol/key-hosts';

export type TradingClient = Client<TradingPaths>;
export type DataClient = Client<DataPaths>;

/** Typed Alpaca clients (types generated from Alpaca's OpenAPI specs), configured with the user's keys. */
export interface AlpacaClients {
  trading: TradingClient;
  data: DataClient;
  /** The market-data feed the user's plan allows (iex on the free plan). */
  feed: 'iex' | 'sip' | 'delayed_sip';
}

export interface AlpacaOptions {
  keyId: string;
  secretKey: string;
  tradingBaseUrl: string;
  dataBaseUrl: string;
  feed: AlpacaClients['feed'];
  fetch: typeof fetch;
  /** The market-data fetch, when it differs from the trading one (each has its own resilience policy). */
  dataFetch?: typeof fetch;
  /** Origins the user confirmed for their keys; any other host that is not official or loopback is refused. */
  confirmedOrigins?: readonly string[];
}

export function createAlpacaClients(options: AlpacaOptions): AlpacaClients {
  const headers = { 'APCA-API-KEY-ID': options.keyId, 'APCA-API-SECRET-KEY': options.secretKey };
  // The keys ride on every request: a destination the user has not trusted is refused before anything is sent, and a
  // redirect is not followed (it would take the key headers along).
  const confirmed = options.confirmedOrigins ?? [];
  const guarded = { trading: keyGuardedFetch(options.fetch, confirmed), data: keyGuardedFetch(options.dataFetch ?? options.fetch, confirmed) };
  const wrapFetch = (service: AlpacaService) => async (request: Request) => {
    try {
      return await guarded[service](request);
    } catch (error) {
      if (request.signal.aborted || error instanceof AppError) throw error;
      throw alpacaNetworkError(service, error);
    }
  };
  return {
    trading: createClient<TradingPaths>({ baseUrl: options.tradingBaseUrl, headers, fetch: wrapFetch('trading') }),
    data: createClient<DataPaths>({ baseUrl: options.dataBaseUrl, headers, fetch: wrapFetch('data') }),
    feed: options.feed,
  };
}

/**
 * Unwraps an openapi-fetch result: the typed data when the response was OK, otherwise an AppError that says
 * who is at fault (bad key, rate limit, broker refusal, outage).
 */
export function unwrap<T>(service: AlpacaService, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  if (result.response.ok && result.response.status === 204) return undefined as T;
  throw alpacaError(service, result.response.status, result.error, result.response.headers);
}
