import type { SettingsRepository } from '../store/settings-repository';
import type { Clock } from '../platform/clock';
import { confirmedKeyOrigins, resolveEndpoints, type Secrets, type Settings } from '../protocol/settings';
import { configurationError } from '../protocol/errors';
import { createAnthropic } from '../clients/anthropic';
import { createAlpacaClients, type AlpacaClients } from '../clients/alpaca/alpaca';
import { bindPortfolioCache, type PortfolioCache } from '../memory/portfolio-cache';
import { missingKey, type TurnRuntime } from './chat-service';
import type { Broker } from '../trading/trading-service';

/** Alpaca clients from the saved settings and keys (trading and market data). */
/** The fetch each dependency goes through (each with its own timeout, retry, circuit breaker and rate limit). */
export interface Fetchers {
  anthropic: typeof fetch;
  alpacaTrading: typeof fetch;
  alpacaData: typeof fetch;
  /** True when the fetchers retry by themselves, so the Anthropic SDK must not retry on top. */
  resilient: boolean;
}


function alpacaFor(current: Settings, secrets: Secrets, fetchers: Fetchers): AlpacaClients {
  const endpoints = resolveEndpoints(current);
  return createAlpacaClients({
    keyId: secrets.alpacaKeyId,
    secretKey: secrets.alpacaSecretKey,
    tradingBaseUrl: endpoints.alpacaTrading,
    dataBaseUrl: endpoints.alpacaData,
    feed: current.marketDataFeed,
    fetch: fetchers.alpacaTrading,
    dataFetch: fetchers.alpacaData,
    confirmedOrigins: confirmedKeyOrigins(current),
  });
}

/** The broker side of the settings, or the configuration error that says why there is none. */
function brokerFor(current: Settings, invalid: Broker['configuration']['invalid'], secrets: Secrets, alpaca: AlpacaClients): () => Promise<Broker> {
  if (!secrets.alpacaKeyId || !secrets.alpacaSecretKey) {
    const error = configurationError('missing-alpaca-key', 'Add your Alpaca key ID and secret in Settings to trade.');
    return () => Promise.reject(error);
  }
  const broker: Broker = { settings: current, alpaca, configuration: { invalid, tradingBaseUrl: resolveEndpoints(current).alpacaTrading } };
  return () => Promise.resolve(broker);
}

export async function createBrokerFromSettings(deps: { settings: SettingsRepository; fetchers: Fetchers }): Promise<Broker> {
  const [{ settings: current, invalid }, secrets] = await Promise.all([deps.settings.read(), deps.settings.secrets()]);
  return brokerFor(current, invalid, secrets, alpacaFor(current, secrets, deps.fetchers))();
}

/** Builds what one turn needs from the saved settings and keys: they are read and decrypted here, once per turn. */
export async function createTurnRuntime(deps: { settings: SettingsRepository; fetchers: Fetchers; clock: Clock; portfolioCache?: PortfolioCache }): Promise<TurnRuntime> {
  const [{ settings: current, invalid }, secrets] = await Promise.all([deps.settings.read(), deps.settings.secrets()]);
  if (!secrets.anthropicApiKey) throw missingKey();
  const endpoints = resolveEndpoints(current);
  const client = createAnthropic({ apiKey: secrets.anthropicApiKey, baseURL: endpoints.anthropic, fetch: deps.fetchers.anthropic, confirmedOrigins: confirmedKeyOrigins(current), ...(deps.fetchers.resilient ? { maxRetries: 0 } : {}) });
  const alpaca = alpacaFor(current, secrets, deps.fetchers);
  const broker = brokerFor(current, invalid, secrets, alpaca);
  return {
    client,
    models: { supervisor: current.models.supervisor, specialist: current.models.specialist, fallback: current.models.fallback },
    webSearch: current.webResearch,
    experiment: current.experiment.split,
    toolContext: (signal) => ({
      alpaca,
      settings: current,
      clock: deps.clock,
      signal,
      // One cache entry per account (endpoint and key id), reused for the TTL the settings give.
      ...(deps.portfolioCache
        ? { portfolioCache: bindPortfolioCache(deps.portfolioCache, `${endpoints.alpacaTrading}|${secrets.alpacaKeyId}`, current.memory.portfolioCacheSeconds * 1000) }
        : {}),
    }),
    broker,
    historyBudget: current.memory.conversationTokenBudget,
  };
}
