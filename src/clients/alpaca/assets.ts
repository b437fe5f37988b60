import { z } from 'zod';
import { unwrap } from './alpaca';
import { nullWhenNotFound, readResponse, type AlpacaCall } from './response';

const assetSchema = z.object({
  symbol: z.string(),
  name: z.string().nullish(),
  class: z.string().nullish(),
  status: z.string().nullish(),
  tradable: z.boolean().nullish(),
  fractionable: z.boolean().nullish(),
});

export interface Asset {
  symbol: string;
  /** Trimmed; null when Alpaca has no name for it. */
  name: string | null;
  /** Alpaca's asset class: us_equity, us_option, crypto. */
  assetClass: string | null;
  /** Alpaca's status as sent (active, inactive), or null. */
  status: string | null;
  active: boolean;
  tradable: boolean;
  fractionable: boolean;
}

/**
 * `GET /v2/assets/{symbol}`: the asset, or null when Alpaca does not know the symbol (404). Every other failure is
 * the AppError `unwrap` raises (bad key, rate limit, outage) or `alpaca-bad-response`.
 */
export async function readAsset(call: AlpacaCall, symbol: string): Promise<Asset | null> {
  return nullWhenNotFound(async () => {
    const result = await call.alpaca.trading.GET('/v2/assets/{symbol_or_asset_id}', {
      params: { path: { symbol_or_asset_id: symbol } },
      signal: call.signal,
    });
    const asset = readResponse(assetSchema, unwrap('trading', result), 'an asset record');
    const name = asset.name?.trim() ?? '';
    return {
      symbol: asset.symbol,
      name: name === '' ? null : name,
      assetClass: asset.class ?? null,
      status: asset.status ?? null,
      active: asset.status === 'active',
      tradable: asset.tradable ?? false,
      fractionable: asset.fractionable ?? false,
    };
  });
}
