import { readAsset, type Asset } from '../../clients/alpaca/assets';
import type { AlpacaCall } from '../../clients/alpaca/response';
import { AppError, userInputError } from '../../protocol/errors';

export function unknownSymbolError(symbol: string): AppError {
  return userInputError('unknown-symbol', `${symbol} is not a symbol Alpaca knows. Check the ticker (class shares are written like BRK.B).`, {
    symbol,
  });
}

/** Throws unknownSymbolError when Alpaca does not know the symbol; returns the asset otherwise. */
export async function requireAsset(call: AlpacaCall, symbol: string): Promise<Asset> {
  const asset = await readAsset(call, symbol);
  if (asset === null) throw unknownSymbolError(symbol);
  return asset;
}
