import { z } from 'zod';
import { unwrap } from './alpaca';
import { decimalText } from './decimal-text';
import { readResponse, type AlpacaCall } from './response';

const accountSchema = z.object({
  cash: decimalText,
  equity: decimalText,
  /** Market value of long and of short positions (short is negative); the portfolio summary reconciles with them. */
  long_market_value: decimalText.nullish(),
  short_market_value: decimalText.nullish(),
  buying_power: decimalText.nullish(),
  currency: z.string().nullish(),
  status: z.string().nullish(),
  /** Paper accounts' numbers start with `PA`: part of how the trading mode is checked. */
  account_number: z.string().nullish(),
});
export type Account = z.infer<typeof accountSchema>;

/** `GET /v2/account`: balances. Failures are the AppError `unwrap` raises. */
export async function readAccount(call: AlpacaCall): Promise<Account> {
  const result = await call.alpaca.trading.GET('/v2/account', { signal: call.signal });
  return readResponse(accountSchema, unwrap('trading', result), 'account balances');
}
