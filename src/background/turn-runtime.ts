import type { SettingsRepository } from '../store/settings-repository';
import type { Clock } from '../platform/clock';
import { resolveEndpoints } from '../protocol/settings';
import { createAnthropic } from '../clients/anthropic';
import { createAlpacaClients } from '../clients/alpaca/alpaca';
import { tools } from '../tools/registry';
import { missingKey, type TurnRuntime } from './chat-service';

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
    models: { supervisor: current.models.supervisor, specialist: current.models.specialist },
    tools,
    webSearch: current.webResearch,
    toolContext: (signal) => ({ alpaca, settings: current, clock: deps.clock, signal }),
  };
}
