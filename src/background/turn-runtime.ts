import type { SettingsRepository } from '../store/settings-repository';
import type { Clock } from '../platform/clock';
import { resolveEndpoints, type Settings } from '../protocol/settings';
import { configurationError } from '../protocol/errors';
import { createAnthropic } from '../clients/anthropic';
import { createAlpacaClients, type AlpacaClients } from '../clients/alpaca/alpaca';
import { tools } from '../tools/registry';
import { missingKey, type TurnRuntime } from './chat-service';

/** Alpaca clients from the saved settings and keys (trading and market data). */
export async function createBrokerFromSettings(deps: { settings: SettingsRepository; fetch: typeof fetch }): Promise<{ settings: Settings; alpaca: AlpacaClients }> {
  const [current, secrets] = await Promise.all([deps.settings.get(), deps.settings.secrets()]);
  if (!secrets.alpacaKeyId || !secrets.alpacaSecretKey) {
    throw configurationError('missing-alpaca-key', 'Add your Alpaca key ID and secret in Settings to trade.');
  }
  const endpoints = resolveEndpoints(current);
  const alpaca = createAlpacaClients({
    keyId: secrets.alpacaKeyId,
    secretKey: secrets.alpacaSecretKey,
    tradingBaseUrl: endpoints.alpacaTrading,
    dataBaseUrl: endpoints.alpacaData,
    feed: current.marketDataFeed,
    fetch: deps.fetch,
  });
  return { settings: current, alpaca };
}

/** Builds what one turn needs from the saved settings and keys. */
export async function createTurnRuntime(deps: { settings: SettingsRepository; fetch: typeof fetch; clock: Clock }): Promise<TurnRuntime> {
  const [current, secrets] = await Promise.all([deps.settings.get(), deps.settings.secrets()]);
  if (!secrets.anthropicApiKey) throw missingKey();
  const endpoints = resolveEndpoints(current);
  const client = createAnthropic({ apiKey: secrets.anthropicApiKey, baseURL: endpoints.anthropic, fetch: deps.fetch });
  const alpaca = createAlpacaClients({
    keyId: secrets.alpacaKeyId,
    secretKey: secrets.alpacaSecretKey,
    tradingBaseUrl: endpoints.alpacaTrading,
    dataBaseUrl: endpoints.alpacaData,
    feed: current.marketDataFeed,
    fetch: deps.fetch,
  });
  return {
    client,
    models: { supervisor: current.models.supervisor, specialist: current.models.specialist, fallback: current.models.fallback },
    tools,
    webSearch: current.webResearch,
    toolContext: (signal) => ({ alpaca, settings: current, clock: deps.clock, signal }),
  };
}
