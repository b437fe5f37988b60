import type { Clock } from '../platform/clock';
import type { ConnectionCheck } from '../protocol/messages';
import { confirmedKeyOrigins, type Endpoints, type Secrets, type Settings } from '../protocol/settings';
import { keyGuardedFetch } from '../protocol/key-hosts';
import { anthropicError, createAnthropic } from '../clients/anthropic';
import { alpacaError, alpacaNetworkError, type AlpacaService } from '../clients/alpaca/errors';
import { AppError, toErrorInfo } from '../protocol/errors';
import { parseJson } from '../protocol/json';
import { z } from 'zod';

export interface ConnectionTestDeps {
  fetch: typeof fetch;
  clock: Pick<Clock, 'timeout'>;
  settings: Settings;
  secrets: Secrets;
  endpoints: Endpoints;
  timeoutMs?: number;
}

const accountSchema = z.object({ status: z.string(), equity: z.string(), account_number: z.string().optional() });

async function alpacaGet(deps: ConnectionTestDeps, service: AlpacaService, url: string): Promise<unknown> {
  // The keys go in the headers: a destination the user has not trusted is refused before anything is sent, and a
  // redirect is not followed.
  let response: Response;
  try {
    response = await keyGuardedFetch(deps.fetch, confirmedKeyOrigins(deps.settings))(url, {
      headers: { 'APCA-API-KEY-ID': deps.secrets.alpacaKeyId, 'APCA-API-SECRET-KEY': deps.secrets.alpacaSecretKey },
      signal: deps.clock.timeout(deps.timeoutMs ?? 15_000),
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw alpacaNetworkError(service, error);
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = parseJson(z.unknown(), text);
  } catch {
    body = undefined;
  }
  if (!response.ok) throw alpacaError(service, response.status, body, response.headers);
  return body;
}

const reason = (error: unknown) => toErrorInfo(error).message;

/** Checks each configured service once and says, in a line per service, whether it works and if not why. */
export async function testConnections(deps: ConnectionTestDeps): Promise<ConnectionCheck[]> {
  const anthropic = (async (): Promise<ConnectionCheck> => {
    const label = 'Anthropic';
    if (!deps.secrets.anthropicApiKey) return { service: 'anthropic', label, ok: false, detail: 'No API key saved.' };
    try {
      const client = createAnthropic({ apiKey: deps.secrets.anthropicApiKey, baseURL: deps.endpoints.anthropic, fetch: deps.fetch, confirmedOrigins: confirmedKeyOrigins(deps.settings), maxRetries: 0, timeoutMs: deps.timeoutMs ?? 15_000 });
      const model = await client.models.retrieve(deps.settings.models.supervisor);
      return { service: 'anthropic', label, ok: true, detail: `OK: key accepted, model ${model.id} available.` };
    } catch (error) {
      return { service: 'anthropic', label, ok: false, detail: reason(anthropicError(error)) };
    }
  })();

  const trading = (async (): Promise<ConnectionCheck> => {
    const label = `Alpaca trading (${deps.settings.tradingMode === 'live' ? 'live' : 'paper'})`;
    if (!deps.secrets.alpacaKeyId || !deps.secrets.alpacaSecretKey) return { service: 'alpaca-trading', label, ok: false, detail: 'No key ID and secret saved.' };
    try {
      const body = accountSchema.safeParse(await alpacaGet(deps, 'trading', `${deps.endpoints.alpacaTrading}/v2/account`));
      if (!body.success) throw new AppError({ kind: 'upstream', code: 'alpaca-bad-response', message: 'Alpaca answered with an unexpected account shape.' });
      return { service: 'alpaca-trading', label, ok: true, detail: `OK: account ${body.data.status.toLowerCase()}, equity $${body.data.equity}.` };
    } catch (error) {
      return { service: 'alpaca-trading', label, ok: false, detail: reason(error) };
    }
  })();

  const data = (async (): Promise<ConnectionCheck> => {
    const label = 'Alpaca market data';
    if (!deps.secrets.alpacaKeyId || !deps.secrets.alpacaSecretKey) return { service: 'alpaca-data', label, ok: false, detail: 'No key ID and secret saved.' };
    try {
      await alpacaGet(deps, 'data', `${deps.endpoints.alpacaData}/v2/stocks/SPY/snapshot?feed=${deps.settings.marketDataFeed}`);
      return { service: 'alpaca-data', label, ok: true, detail: 'OK: quotes available.' };
    } catch (error) {
      return { service: 'alpaca-data', label, ok: false, detail: reason(error) };
    }
  })();

  return Promise.all([anthropic, trading, data]);
}
