import { readAccount } from '../../clients/alpaca/account';
import { readAsset } from '../../clients/alpaca/assets';
import { listPositions, type Position } from '../../clients/alpaca/positions';
import { knownEtfs } from '../../finance/classification';
import { summarizePortfolio, type PortfolioSummary, type PositionInput } from '../../finance/portfolio-summary';
import { AppError, isAbortError } from '../../protocol/errors';
import type { ToolContext } from '../define-tool';
import { mapWithConcurrency } from './concurrency';

export interface PortfolioSnapshot {
  summary: PortfolioSummary;
  account: { cash: string; equity: string; buyingPower: string | null; currency: string; status: string | null };
  /** Symbols whose name could not be looked up; they were classified from the symbol alone. */
  unclassifiedSymbols: string[];
  /** When the account was read (earlier than now when it came from the portfolio cache). */
  asOf: string;
  fromCache: boolean;
}

/** The portfolio, from the cache when it was read less than the TTL ago (answers then say "as of" that time). */
export async function readPortfolio(context: ToolContext): Promise<PortfolioSnapshot> {
  if (!context.portfolioCache) return { ...(await readFreshPortfolio(context)), asOf: context.clock.now().toISOString(), fromCache: false };
  const read = await context.portfolioCache.read(() => readFreshPortfolio(context));
  return { ...read.value, asOf: read.at.toISOString(), fromCache: read.cached };
}

/**
 * `GET /v2/account` and `GET /v2/positions`, summarised. An asset's name is fetched (`GET /v2/assets/{symbol}`) only
 * for a US equity the built-in ETF list does not cover, once per symbol, because only the name can tell an unlisted
 * ETF from a stock. A failed name look-up never fails the summary: the symbol is listed in `unclassifiedSymbols`.
 */
async function readFreshPortfolio(context: ToolContext): Promise<Omit<PortfolioSnapshot, 'asOf' | 'fromCache'>> {
  const accountRead = readAccount(context);
  const positionsRead = listPositions(context);
  // Both answers arrive before either error is reported (the account's first), so no request is left in flight.
  await Promise.allSettled([accountRead, positionsRead]);
  const account = await accountRead;
  const positions = await positionsRead;

  const needNames = [...new Set(positions.filter(needsName).map((position) => position.symbol))];
  const names = new Map<string, string | null>();
  const unclassifiedSymbols: string[] = [];
  await mapWithConcurrency(needNames, 4, async (symbol) => {
    try {
      names.set(symbol, (await readAsset(context, symbol))?.name ?? null);
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
    summary: summarizePortfolio(inputs, {
      cash: account.cash,
      equity: account.equity,
      longMarketValue: account.long_market_value ?? null,
      shortMarketValue: account.short_market_value ?? null,
    }),
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

function needsName(position: Position): boolean {
  const assetClass = position.asset_class ?? 'us_equity';
  return assetClass === 'us_equity' && !knownEtfs.has(position.symbol.toUpperCase());
}
