import { z } from 'zod';
import { unwrap } from './alpaca';
import { decimalText } from './decimal-text';
import { nullWhenNotFound, readResponse, type AlpacaCall } from './response';

const positionSchema = z.object({
  symbol: z.string().min(1).max(32),
  qty: decimalText,
  /** Shares held minus those reserved by open sell orders. */
  qty_available: decimalText.nullish(),
  side: z.string().nullish(),
  market_value: decimalText,
  cost_basis: decimalText.nullish(),
  current_price: decimalText,
  avg_entry_price: decimalText,
  asset_class: z.string().nullish(),
});
export type Position = z.infer<typeof positionSchema>;

/** `GET /v2/positions`: every open position. Failures are the AppError `unwrap` raises. */
export async function listPositions(call: AlpacaCall): Promise<Position[]> {
  const result = await call.alpaca.trading.GET('/v2/positions', { signal: call.signal });
  return readResponse(z.array(positionSchema), unwrap('trading', result), 'the list of positions');
}

/** `GET /v2/positions/{symbol}`: the position, or null when none is held (404). */
export async function readPosition(call: AlpacaCall, symbol: string): Promise<Position | null> {
  return nullWhenNotFound(async () => {
    const result = await call.alpaca.trading.GET('/v2/positions/{symbol_or_asset_id}', { params: { path: { symbol_or_asset_id: symbol } }, signal: call.signal });
    return readResponse(positionSchema, unwrap('trading', result), 'a position');
  });
}
