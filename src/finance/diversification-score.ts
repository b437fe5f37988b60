import Decimal from 'decimal.js';
import type { AssetClass } from './classification';
import type { Holding } from './holding';
import { roundNumber, type DecimalString } from './money';

export type DiversificationLabel = 'POOR' | 'MODERATE' | 'GOOD';

export interface DiversificationBreakdown {
  /** Final score, 1–10 (0 without positions), rounded to 1 decimal. */
  score: number;
  /** Asset classes with a positive value, cash included when positive. */
  assetClassCount: number;
  /** min(count, 5) / 5 × 3: 1 class 0.6, 2 → 1.2, 3 → 1.8, 4 → 2.4, 5 or more → 3. */
  assetClassPoints: number;
  /** Σ (position weight in %)² over positions only (cash excluded); 0–10 000. */
  positionHhi: number;
  /** > 5000 → 0, > 2500 → 1, > 1500 → 2, > 750 → 3, else 4. */
  positionHhiPoints: number;
  /** Each asset class held (cash included when positive) and its share of the total, in percent; largest first. */
  assetClassWeights: { assetClass: AssetClass; weightPct: number }[];
  /** Σ (asset-class share in %)² over the classes held; 0–10 000. */
  assetClassHhi: number;
  /** The original Clera's asset-class concentration steps: one class → 0; class HHI > 5000 → 0, > 3500 → 1, > 2500 → 2, else 3. */
  balancePoints: number;
}

/**
 * Diversification on a 1–10 scale from three parts (each part's rule is on DiversificationBreakdown):
 * how many asset classes are held (0–3), how concentrated the positions are (position HHI, 0–4), and how concentrated
 * the value is in the classes held (asset-class HHI in steps, 0–3), as the original Clera scored it. Cash counts as an asset class when positive, but not as a position.
 * Weights use absolute market values. No positions, or nothing of value: score 0.
 */
export function diversificationScore(holdings: readonly Holding[], cash: DecimalString): DiversificationBreakdown {
  const empty: DiversificationBreakdown = {
    score: 0,
    assetClassCount: 0,
    assetClassPoints: 0,
    positionHhi: 0,
    positionHhiPoints: 0,
    assetClassWeights: [],
    assetClassHhi: 0,
    balancePoints: 0,
  };
  if (holdings.length === 0) return empty;

  const positionValues = holdings.map((holding) => new Decimal(holding.marketValue).abs());
  const invested = positionValues.reduce((total, value) => total.plus(value), new Decimal(0));
  const byClass = new Map<AssetClass, Decimal>();
  holdings.forEach((holding, index) => {
    const value = positionValues[index] ?? new Decimal(0);
    if (value.isZero()) return;
    byClass.set(holding.assetClass, (byClass.get(holding.assetClass) ?? new Decimal(0)).plus(value));
  });
  const cashValue = Decimal.max(new Decimal(cash), 0);
  if (cashValue.greaterThan(0)) byClass.set('cash', (byClass.get('cash') ?? new Decimal(0)).plus(cashValue));
  const total = invested.plus(cashValue);
  if (total.isZero()) return empty;

  const assetClassCount = byClass.size;
  const assetClassPoints = new Decimal(Math.min(assetClassCount, 5)).div(5).times(3);

  const positionHhi = invested.isZero()
    ? new Decimal(0)
    : positionValues.reduce((hhi, value) => hhi.plus(value.div(invested).times(100).pow(2)), new Decimal(0));
  const positionHhiPoints = invested.isZero() ? 0 : hhiPoints(positionHhi);

  const classShares = [...byClass.entries()].map(([assetClass, value]) => ({ assetClass, pct: value.div(total).times(100) }));
  const assetClassHhi = classShares.reduce((hhi, share) => hhi.plus(share.pct.pow(2)), new Decimal(0));
  const balancePoints = assetClassCount > 1 ? classHhiPoints(assetClassHhi) : 0;

  const raw = assetClassPoints.plus(positionHhiPoints).plus(balancePoints);
  return {
    score: roundNumber(Decimal.min(10, Decimal.max(1, raw)), 1),
    assetClassCount,
    assetClassPoints: roundNumber(assetClassPoints, 2),
    positionHhi: roundNumber(positionHhi, 2),
    positionHhiPoints,
    assetClassWeights: classShares
      .sort((a, b) => b.pct.comparedTo(a.pct))
      .map((share) => ({ assetClass: share.assetClass, weightPct: roundNumber(share.pct, 2) })),
    assetClassHhi: roundNumber(assetClassHhi, 2),
    balancePoints,
  };
}

function hhiPoints(hhi: Decimal): number {
  if (hhi.greaterThan(5000)) return 0;
  if (hhi.greaterThan(2500)) return 1;
  if (hhi.greaterThan(1500)) return 2;
  if (hhi.greaterThan(750)) return 3;
  return 4;
}

function classHhiPoints(hhi: Decimal): number {
  if (hhi.greaterThan(5000)) return 0;
  if (hhi.greaterThan(3500)) return 1;
  if (hhi.greaterThan(2500)) return 2;
  return 3;
}

/** Below 3 POOR, below 7 MODERATE, else GOOD; apply it to the rounded score so label and number agree. */
export function diversificationLabel(score: number): DiversificationLabel {
  if (score < 3) return 'POOR';
  if (score < 7) return 'MODERATE';
  return 'GOOD';
}
