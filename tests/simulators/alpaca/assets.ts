/** The simulator's asset universe: common US stocks and ETFs with a price profile each. */
import { uuidFrom } from './random.ts';
import type { Asset, Exchange, Tape } from './wire.ts';

export interface AssetProfile {
  readonly symbol: string;
  readonly name: string;
  readonly exchange: Exchange;
  /** Price on the anchor day of the random walk (2025-01-02). */
  readonly anchorPrice: number;
  /** Split-adjusted price on 2015-01-02; when set, the walk is pinned to it as well (a Brownian bridge). */
  readonly startPrice?: number;
  /** Annualised volatility of daily log returns. */
  readonly volatility: number;
  /** Typical shares traded per day. */
  readonly dailyVolume: number;
  readonly fractionable: boolean;
  readonly tradable: boolean;
  readonly status: 'active' | 'inactive';
}

export interface AssetInput {
  symbol: string;
  name?: string;
  exchange?: Exchange;
  /** Price on 2025-01-02, the anchor of the deterministic random walk (default 50). */
  price?: string | number;
  volatility?: number;
  dailyVolume?: number;
  fractionable?: boolean;
  tradable?: boolean;
  status?: 'active' | 'inactive';
}

type Row = [symbol: string, name: string, exchange: Exchange, start: number, price: number, volatility: number, volume: number];

const rows: Row[] = [
  ['SPY', 'SPDR S&P 500 ETF Trust', 'ARCA', 205.43, 584.64, 0.16, 45_000_000],
  ['VOO', 'Vanguard S&P 500 ETF', 'ARCA', 188.4, 537.48, 0.16, 5_500_000],
  ['IVV', 'iShares Core S&P 500 ETF', 'ARCA', 206.38, 587.31, 0.16, 5_000_000],
  ['VTI', 'Vanguard Total Stock Market ETF', 'ARCA', 106.0, 289.17, 0.17, 3_400_000],
  ['QQQ', 'Invesco QQQ Trust, Series 1', 'NASDAQ', 102.94, 510.23, 0.21, 32_000_000],
  ['VXUS', 'Vanguard Total International Stock ETF', 'NASDAQ', 48.21, 58.12, 0.14, 3_900_000],
  ['SCHD', 'Schwab U.S. Dividend Equity ETF', 'ARCA', 12.9, 27.38, 0.13, 12_000_000],
  ['BND', 'Vanguard Total Bond Market ETF', 'NASDAQ', 82.65, 71.59, 0.06, 6_800_000],
  ['AGG', 'iShares Core U.S. Aggregate Bond ETF', 'ARCA', 110.42, 97.18, 0.06, 8_200_000],
  ['TLT', 'iShares 20+ Year Treasury Bond ETF', 'NASDAQ', 125.92, 87.42, 0.15, 38_000_000],
  ['VNQ', 'Vanguard Real Estate ETF', 'ARCA', 81.61, 88.36, 0.19, 4_100_000],
  ['GLD', 'SPDR Gold Shares', 'ARCA', 114.08, 242.13, 0.14, 7_600_000],
  ['AAPL', 'Apple Inc. Common Stock', 'NASDAQ', 27.33, 243.85, 0.26, 52_000_000],
  ['MSFT', 'Microsoft Corporation Common Stock', 'NASDAQ', 46.76, 418.58, 0.24, 21_000_000],
  ['NVDA', 'NVIDIA Corporation Common Stock', 'NASDAQ', 0.5, 138.31, 0.5, 230_000_000],
  ['AMZN', 'Amazon.com, Inc. Common Stock', 'NASDAQ', 15.43, 220.22, 0.32, 38_000_000],
  ['GOOGL', 'Alphabet Inc. Class A Common Stock', 'NASDAQ', 26.48, 190.63, 0.3, 27_000_000],
  ['META', 'Meta Platforms, Inc. Class A Common Stock', 'NASDAQ', 78.45, 599.24, 0.36, 13_000_000],
  ['TSLA', 'Tesla, Inc. Common Stock', 'NASDAQ', 14.62, 410.44, 0.6, 95_000_000],
  ['PLTR', 'Palantir Technologies Inc. Class A Common Stock', 'NASDAQ', 9.5, 75.63, 0.65, 70_000_000],
  ['GME', 'GameStop Corp. Class A Common Stock', 'NYSE', 9.9, 31.24, 0.8, 9_000_000],
  ['AMD', 'Advanced Micro Devices, Inc. Common Stock', 'NASDAQ', 2.67, 120.63, 0.45, 40_000_000],
  ['NFLX', 'Netflix, Inc. Common Stock', 'NASDAQ', 49.85, 885.47, 0.35, 3_500_000],
  ['COST', 'Costco Wholesale Corporation Common Stock', 'NASDAQ', 141.75, 914.78, 0.22, 2_000_000],
  ['BRK.B', 'Berkshire Hathaway Inc. Class B Common Stock', 'NYSE', 149.17, 451.04, 0.16, 3_800_000],
  ['JPM', 'JPMorgan Chase & Co. Common Stock', 'NYSE', 62.49, 241.23, 0.24, 9_000_000],
  ['V', 'Visa Inc. Class A Common Stock', 'NYSE', 66.36, 316.33, 0.2, 6_300_000],
  ['JNJ', 'Johnson & Johnson Common Stock', 'NYSE', 104.52, 143.87, 0.17, 7_700_000],
  ['KO', 'The Coca-Cola Company Common Stock', 'NYSE', 42.14, 61.93, 0.15, 13_000_000],
  ['XOM', 'Exxon Mobil Corporation Common Stock', 'NYSE', 92.83, 108.78, 0.25, 15_000_000],
  ['DIS', 'The Walt Disney Company Common Stock', 'NYSE', 94.25, 111.35, 0.28, 8_500_000],
];

export const defaultAssetProfiles: readonly AssetProfile[] = [
  ...rows.map(([symbol, name, exchange, startPrice, anchorPrice, volatility, dailyVolume]): AssetProfile => ({
    symbol,
    name,
    exchange,
    startPrice,
    anchorPrice,
    volatility,
    dailyVolume,
    fractionable: true,
    tradable: true,
    status: 'active',
  })),
  // Class A Berkshire shares trade whole only.
  {
    symbol: 'BRK.A',
    name: 'Berkshire Hathaway Inc. Class A Common Stock',
    exchange: 'NYSE',
    startPrice: 226_000,
    anchorPrice: 679_110,
    volatility: 0.16,
    dailyVolume: 1_100,
    fractionable: false,
    tradable: true,
    status: 'active',
  },
  // Delisted in 2022: still known to the asset endpoint, no longer tradable.
  {
    symbol: 'TWTR',
    name: 'Twitter, Inc. Common Stock',
    exchange: 'NYSE',
    startPrice: 36.2,
    anchorPrice: 53.7,
    volatility: 0.45,
    dailyVolume: 20_000_000,
    fractionable: false,
    tradable: false,
    status: 'inactive',
  },
];

export function profileFromInput(input: AssetInput): AssetProfile {
  return {
    symbol: normalizeSymbol(input.symbol),
    name: input.name ?? `${normalizeSymbol(input.symbol)} Common Stock`,
    exchange: input.exchange ?? 'NYSE',
    anchorPrice: Number(input.price ?? 50),
    volatility: input.volatility ?? 0.3,
    dailyVolume: input.dailyVolume ?? 1_000_000,
    fractionable: input.fractionable ?? true,
    tradable: input.tradable ?? true,
    status: input.status ?? 'active',
  };
}

/** Alpaca writes class shares with a dot (BRK.B); accept a slash and lower case as well. */
export function normalizeSymbol(symbol: string): string {
  return symbol.trim().toUpperCase().replace('/', '.');
}

export function assetId(symbol: string): string {
  return uuidFrom('asset', symbol);
}

/** The consolidated tape a listing reports to: A = NYSE, B = NYSE Arca / Cboe and others, C = Nasdaq. */
export function tapeOf(exchange: Exchange): Tape {
  if (exchange === 'NASDAQ') return 'C';
  if (exchange === 'NYSE') return 'A';
  return 'B';
}

export function assetWire(profile: AssetProfile): Asset {
  return {
    id: assetId(profile.symbol),
    class: 'us_equity',
    exchange: profile.exchange,
    symbol: profile.symbol,
    name: profile.name,
    status: profile.status,
    tradable: profile.tradable,
    marginable: profile.tradable,
    shortable: profile.tradable,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- required by the spec and still sent by the service
    easy_to_borrow: profile.tradable,
    fractionable: profile.fractionable,
    borrow_status: 'easy_to_borrow',
    attributes: [],
    margin_requirement_long: '30',
    margin_requirement_short: '100',
    cusip: null,
  };
}

export class AssetRegistry {
  readonly #bySymbol = new Map<string, AssetProfile>();
  readonly #byId = new Map<string, AssetProfile>();

  constructor(profiles: readonly AssetProfile[] = defaultAssetProfiles) {
    for (const profile of profiles) this.add(profile);
  }

  add(profile: AssetProfile): void {
    this.#bySymbol.set(profile.symbol, profile);
    this.#byId.set(assetId(profile.symbol), profile);
  }

  /** By symbol (any case, BRK/B or BRK.B) or by asset id. */
  find(symbolOrId: string): AssetProfile | undefined {
    return this.#bySymbol.get(normalizeSymbol(symbolOrId)) ?? this.#byId.get(symbolOrId.toLowerCase());
  }

  all(): AssetProfile[] {
    return [...this.#bySymbol.values()].sort((a, b) => a.symbol.localeCompare(b.symbol));
  }
}
