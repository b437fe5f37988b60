import { z } from 'zod';
import { unwrap } from '../../clients/alpaca/alpaca';
import { knownEtfs } from '../../finance/classification';
import { isDecimalString } from '../../finance/money';
import { summarizePortfolio, type PortfolioSummary, type PositionInput } from '../../finance/portfolio-summary';
import { AppError, isAbortError } from '../../protocol/errors';
import type { ToolContext } from '../define-tool';
import { readResponse } from './alpaca-response';
import { fetchAsset } from './assets';
import { mapWithConcurrency } from './concurrency';

const decimal = z.string().refine(isDecimalString, 'not a decimal string');

const accountSchema = z.object({
  cash: decimal,
  equity: decimal,
  buying_power: decimal.nullish(),
  currency: z.string().nullish(),
  status: z.string().nullish(),
});

const positionSchema = z.object({
  symbol: z.string().min(1).max(32),
  qty: decimal,
  market_value: decimal,
  cost_basis: decimal.nullish(),
  current_price: decimal,
  avg_entry_price: decimal,
  asset_class: z.string().nullish(),
});

export interface PortfolioSnapshot {
  summary: PortfolioSummary;
  account: { cash: string; equity: string; buyingPower: string | null; currency: string; status: string | null };
  /** Symbols whose name could not be looked up; they were classified from the symbol alone. */
  unclassifiedSymbols: string[];
}

/**
 * `GET /v2/account` and `GET /v2/positions`, summarised. An asset's name is fetched (`GET /v2/assets/{symbol}`) only
 * for a US equity the built-in ETF list does not cover, once per symbol, because only the name can tell an unlisted
 * ETF from a stock. A failed name look-up never fails the summary: the symbol is listed in `unclassifiedSymbols`.
 */
export async function readPortfolio(context: ToolContext): Promise<PortfolioSnapshot> {
  const [accountResult, positionsResult] = await Promise.all([
    context.alpaca.trading.GET('/v2/account', { signal: context.signal }),
    context.alpaca.trading.GET('/v2/positions', { signal: context.signal }),
  ]);
  const account = readResponse(accountSchema, unwrap('trading', accountResult), 'account balances');
  const positions = readResponse(z.array(positionSchema), unwrap('trading', positionsResult), 'the list of positions');

  const needNames = [...new Set(positions.filter(needsName).map((position) => position.symbol))];
  const names = new Map<string, string | null>();
  const unclassifiedSymbols: string[] = [];
  await mapWithConcurrency(needNames, 4, async (symbol) => {
    try {
      names.set(symbol, (await fetchAsset(context, symbol))?.name ?? null);
    } catch (error) {
      if (isAbortError(error) || (error instanceof AppError && error.kind === 'configuration')) throw error;
      unclassifiedSymbols.push(symbol);
    }
  });

  const inputs = positions.map(
    (position): PositionInput => ({
      symbol: position.symbol,
      qty: position.qty,
      marketValue: position.market_value,
      costBasis: position.cost_basis ?? null,
      currentPrice: position.current_price,
      avgEntryPrice: position.avg_entry_price,
      brokerAssetClass: position.asset_class ?? undefined,
      name: names.get(position.symbol) ?? undefined,
    }),
  );
  return {
    summary: summarizePortfolio(inputs, { cash: account.cash, equity: account.equity }),
    account: {
      cash: account.cash,
      equity: account.equity,
      buyingPower: account.buying_power ?? null,
      currency: account.currency ?? 'USD',
      status: account.status ?? null,
    },
    unclassifiedSymbols: unclassifiedSymbols.sort(),
  };
}

function needsName(position: z.infer<typeof positionSchema>): boolean {
  const assetClass = position.asset_class ?? 'us_equity';
  return assetClass === 'us_equity' && !knownEtfs.has(position.symbol.toUpperCase());
}
