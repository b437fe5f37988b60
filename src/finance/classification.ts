/**
 * Asset class and security type of a holding, used by the scores and the rebalancer.
 *
 * Order of evidence:
 * 1. the broker's own asset class: `crypto` → alternatives / crypto, `us_option` → equity / option;
 * 2. a small built-in map of well-known ETFs (broad equity, bond, real-estate and commodity funds);
 * 3. the asset's name: a name containing the word "ETF" is an ETF — a fixed-income one when the name also says
 *    Bond, Treasury, Fixed Income or Municipal (so an unlisted bond fund is not counted as equity), else equity;
 * 4. otherwise an individual stock (equity).
 * Cash is not a position; it has its own class (`cashClassification`).
 */

export type AssetClass = 'equity' | 'fixed_income' | 'real_estate' | 'commodities' | 'alternatives' | 'cash';

/** Security types known to the risk model; classifySymbol produces etf, stock, crypto and option. */
export type SecurityType =
  | 'etf'
  | 'stock'
  | 'bond'
  | 'index_fund'
  | 'mutual_fund'
  | 'money_market'
  | 'cd'
  | 'reit'
  | 'crypto'
  | 'option'
  | 'cash';

export interface Classification {
  assetClass: AssetClass;
  securityType: SecurityType;
}

export const cashClassification: Classification = { assetClass: 'cash', securityType: 'cash' };

/** The built-in ETF map: symbol → asset class. Every entry is security type `etf`. */
export const knownEtfs: ReadonlyMap<string, Exclude<AssetClass, 'cash' | 'alternatives'>> = new Map([
  ...['SPY', 'VOO', 'IVV', 'VTI', 'QQQ', 'VT', 'VXUS', 'VEA', 'VWO', 'IWM', 'DIA', 'SCHB', 'ITOT', 'SCHD', 'VUG', 'VTV',
    'IEFA', 'IEMG', 'RSP'].map((symbol) => [symbol, 'equity'] as const),
  ...['BND', 'AGG', 'TLT', 'IEF', 'SHY', 'LQD', 'BNDX', 'VGIT', 'VGSH', 'VGLT', 'TIP', 'GOVT', 'SCHZ', 'HYG', 'MUB',
    'SGOV', 'BIL'].map((symbol) => [symbol, 'fixed_income'] as const),
  ...['VNQ', 'SCHH', 'IYR', 'XLRE'].map((symbol) => [symbol, 'real_estate'] as const),
  ...['GLD', 'IAU', 'SLV', 'DBC'].map((symbol) => [symbol, 'commodities'] as const),
]);

export interface ClassifyInput {
  /** Canonical symbol (see normalizeSymbol), e.g. "BRK.B". */
  symbol: string;
  /** The asset's name from the broker, e.g. "SPDR S&P 500 ETF Trust". */
  name?: string | undefined;
  /** The broker's asset class (Alpaca: us_equity, us_option, crypto). */
  brokerAssetClass?: string | undefined;
}

export function classifySymbol(input: ClassifyInput): Classification {
  if (input.brokerAssetClass === 'crypto') return { assetClass: 'alternatives', securityType: 'crypto' };
  if (input.brokerAssetClass === 'us_option') return { assetClass: 'equity', securityType: 'option' };
  const known = knownEtfs.get(input.symbol.toUpperCase());
  if (known !== undefined) return { assetClass: known, securityType: 'etf' };
  const name = input.name ?? '';
  if (/\bETF\b/i.test(name)) {
    const fixedIncome = /\b(bond|treasury|fixed income|municipal)\b/i.test(name);
    return { assetClass: fixedIncome ? 'fixed_income' : 'equity', securityType: 'etf' };
  }
  return { assetClass: 'equity', securityType: 'stock' };
}
