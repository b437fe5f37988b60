import { z } from 'zod';
import { normalizeSymbol } from '../../finance/symbols';

/**
 * The `symbol` field every market tool takes: a US ticker, normalised to Alpaca's canonical form (`brk/b` → `BRK.B`).
 * Anything that is not a ticker (`AAPL; DROP`) fails the tool's schema with normalizeSymbol's message, so the loop
 * answers it as an invalid-input tool result before any request is made. Whether the broker knows the symbol is checked later.
 */
export const symbolInput = z
  .string()
  .describe('US stock or ETF ticker, e.g. AAPL, SPY or BRK.B (a class share is written with a dot).')
  .transform((value, context) => {
    const result = normalizeSymbol(value);
    if (result.ok) return result.symbol;
    context.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
