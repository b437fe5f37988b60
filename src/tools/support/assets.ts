import { z } from 'zod';
import { unwrap } from '../../clients/alpaca/alpaca';
import { AppError, userInputError } from '../../protocol/errors';
import type { ToolContext } from '../define-tool';
import { readResponse } from './alpaca-response';

const assetSchema = z.object({
  symbol: z.string(),
  name: z.string().nullish(),
  class: z.string().nullish(),
  status: z.string().nullish(),
  tradable: z.boolean().nullish(),
});

export interface AssetInfo {
  symbol: string;
  name: string | null;
  /** Alpaca's asset class: us_equity, us_option, crypto. */
  assetClass: string | null;
  active: boolean;
  tradable: boolean;
}

/** `GET /v2/assets/{symbol}`: the asset, or null when Alpaca does not know the symbol (404). */
export async function fetchAsset(context: ToolContext, symbol: string): Promise<AssetInfo | null> {
  try {
    const result = await context.alpaca.trading.GET('/v2/assets/{symbol_or_asset_id}', {
      params: { path: { symbol_or_asset_id: symbol } },
      signal: context.signal,
    });
    const asset = readResponse(assetSchema, unwrap('trading', result), 'an asset record');
    return {
      symbol: asset.symbol,
      name: asset.name === undefined || asset.name === null || asset.name.trim() === '' ? null : asset.name.trim(),
      assetClass: asset.class ?? null,
      active: asset.status === 'active',
      tradable: asset.tradable ?? false,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'alpaca-not-found') return null;
    throw error;
  }
}

export function unknownSymbolError(symbol: string): AppError {
  return userInputError('unknown-symbol', `${symbol} is not a symbol Alpaca knows. Check the ticker (class shares are written like BRK.B).`, {
    symbol,
  });
}

/** Throws unknownSymbolError when Alpaca does not know the symbol; returns the asset otherwise. */
export async function requireAsset(context: ToolContext, symbol: string): Promise<AssetInfo> {
  const asset = await fetchAsset(context, symbol);
  if (asset === null) throw unknownSymbolError(symbol);
  return asset;
}
