import type { AssetClass, SecurityType } from './classification';

/** Target portfolio profiles. The user's choice comes from settings; nothing here picks one for them. */
export const targetProfiles = ['conservative', 'balanced', 'aggressive'] as const;
export type TargetProfile = (typeof targetProfiles)[number];

export interface ClassTarget {
  assetClass: AssetClass;
  /** Share of the total portfolio (cash included), in percent. */
  pct: number;
  /** How the class divides between ETFs and individual securities, in percent of the class; empty for cash. */
  split: readonly { securityType: SecurityType; pct: number }[];
}

/**
 * The target allocations. Percentages of each profile add up to 100; each split adds up to 100.
 * Conservative keeps 10 % in cash (a money-market sweep or similar).
 */
export const targetAllocations: Readonly<Record<TargetProfile, readonly ClassTarget[]>> = {
  aggressive: [
    { assetClass: 'equity', pct: 100, split: [{ securityType: 'etf', pct: 50 }, { securityType: 'stock', pct: 50 }] },
  ],
  balanced: [
    { assetClass: 'equity', pct: 60, split: [{ securityType: 'etf', pct: 70 }, { securityType: 'stock', pct: 30 }] },
    { assetClass: 'fixed_income', pct: 40, split: [{ securityType: 'etf', pct: 80 }, { securityType: 'bond', pct: 20 }] },
  ],
  conservative: [
    { assetClass: 'equity', pct: 30, split: [{ securityType: 'etf', pct: 80 }, { securityType: 'stock', pct: 20 }] },
    { assetClass: 'fixed_income', pct: 60, split: [{ securityType: 'etf', pct: 70 }, { securityType: 'bond', pct: 30 }] },
    { assetClass: 'cash', pct: 10, split: [] },
  ],
};

/** Example instruments to add to a class (broad, low-cost funds), as data for the model to mention; not advice. */
export const exampleInstrumentsByClass: Readonly<Record<AssetClass, readonly string[]>> = {
  equity: ['VTI', 'VOO', 'SPY'],
  fixed_income: ['BND', 'AGG', 'VGIT'],
  real_estate: ['VNQ'],
  commodities: ['GLD', 'IAU'],
  alternatives: [],
  cash: [],
};

/** A stored setting read back: anything that is not a known profile falls back to balanced. */
export function toTargetProfile(value: unknown): TargetProfile {
  return targetProfiles.find((profile) => profile === value) ?? 'balanced';
}
