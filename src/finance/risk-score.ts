import Decimal from 'decimal.js';
import type { AssetClass, SecurityType } from './classification';
import type { Holding } from './holding';
import { roundNumber, type DecimalString } from './money';

/** Base risk of each asset class on a 1–10 scale. */
export const baseRiskByAssetClass: Readonly<Record<AssetClass, number>> = {
  cash: 1,
  fixed_income: 3,
  real_estate: 6,
  equity: 8,
  commodities: 8,
  alternatives: 9,
};

/** Added to the base risk according to the kind of security. */
export const riskModifierBySecurityType: Readonly<Record<SecurityType, number>> = {
  money_market: -0.5,
  cd: -0.5,
  bond: 0,
  etf: 0,
  index_fund: 0,
  cash: 0,
  mutual_fund: 0.5,
  reit: 1,
  stock: 1.5,
  crypto: 2,
  option: 3,
};

export type RiskLabel = 'LOW' | 'MEDIUM' | 'HIGH';

/**
 * Value-weighted portfolio risk on a 1–10 scale, rounded to 1 decimal.
 *
 * - Each holding's risk is base(asset class) + modifier(security type), clamped to 1–10 per holding
 *   (so one crypto position scores 10, not 11, and cannot outweigh its value share).
 * - Weights are absolute market values (a short position is exposure too).
 * - Cash counts at risk 1 when positive; negative cash (a margin loan) gets no weight, it is not a safe asset.
 * - No positions, or positions and cash that are all worth nothing: 0 (no score).
 */
export function riskScore(holdings: readonly Holding[], cash: DecimalString): number {
  if (holdings.length === 0) return 0;
  let weighted = new Decimal(0);
  let totalWeight = new Decimal(0);
  for (const holding of holdings) {
    const weight = new Decimal(holding.marketValue).abs();
    weighted = weighted.plus(weight.times(holdingRisk(holding.assetClass, holding.securityType)));
    totalWeight = totalWeight.plus(weight);
  }
  const cashWeight = Decimal.max(new Decimal(cash), 0);
  weighted = weighted.plus(cashWeight.times(baseRiskByAssetClass.cash));
  totalWeight = totalWeight.plus(cashWeight);
  if (totalWeight.isZero()) return 0;
  return roundNumber(weighted.div(totalWeight), 1);
}

/** Risk of one holding: base + modifier, clamped to 1–10. */
export function holdingRisk(assetClass: AssetClass, securityType: SecurityType): number {
  return Math.min(10, Math.max(1, baseRiskByAssetClass[assetClass] + riskModifierBySecurityType[securityType]));
}

/** Below 3 LOW, below 7 MEDIUM, else HIGH; apply it to the rounded score so label and number agree. */
export function riskLabel(score: number): RiskLabel {
  if (score < 3) return 'LOW';
  if (score < 7) return 'MEDIUM';
  return 'HIGH';
}
