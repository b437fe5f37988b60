import Decimal from 'decimal.js';
import type { AssetClass, SecurityType } from './classification';
import { percentOf, toMoney, toPct, type DecimalString } from './money';
import type { PortfolioSummary } from './portfolio-summary';
import { exampleInstrumentsByClass, targetAllocations, type ClassTarget, type TargetProfile } from './target-allocations';

/** An asset-class move is suggested only when its dollar gap is larger than this. */
export const classGapThresholdDollars = 50;

/** The ETF / individual-stock split inside equity is adjusted only when off by more than this many percentage points. */
export const splitGapThresholdPp = 1;

const classOrder: readonly AssetClass[] = ['equity', 'fixed_income', 'real_estate', 'commodities', 'alternatives', 'cash'];

export interface ClassAllocation {
  assetClass: AssetClass;
  value: DecimalString;
  /** Share of the total portfolio, cash included, in percent. */
  pct: number;
}

export interface EquitySplit {
  etfValue: DecimalString;
  stockValue: DecimalString;
  /** Shares of the equity class, in percent. */
  etfPct: number;
  stockPct: number;
}

export interface RebalanceAction {
  action: 'add' | 'reduce';
  assetClass: AssetClass;
  /** Dollars to move, to the cent (always positive; the direction is `action`). */
  amount: DecimalString;
  /** Current and target share of the total portfolio, in percent. */
  fromPct: number;
  toPct: number;
  /** For `add`: broad funds that fit the class (data, not advice). Empty for `reduce`. */
  exampleInstruments: readonly string[];
  /** Symbols already held in the class, largest first. */
  heldSymbols: readonly string[];
}

export interface SplitAdjustment {
  action: 'add' | 'reduce';
  assetClass: 'equity';
  /** `etf` covers ETFs and index funds; `stock` covers every other equity holding. */
  securityType: 'etf' | 'stock';
  /** Dollars, measured against the equity class's TARGET value, so it already includes any class-level move. */
  amount: DecimalString;
  /** Current and target share of the equity class, in percent. */
  fromPct: number;
  toPct: number;
  exampleInstruments: readonly string[];
}

export interface RebalancePlan {
  profile: TargetProfile;
  /** Sum of the (cent-rounded) position values and cash that the plan works from. */
  totalValue: DecimalString;
  currentAllocation: ClassAllocation[];
  /** Null when no equity is held. */
  currentEquitySplit: EquitySplit | null;
  targetAllocation: readonly ClassTarget[];
  actions: RebalanceAction[];
  splitAdjustments: SplitAdjustment[];
  /** True when there are no actions and no split adjustments. */
  aligned: boolean;
  /** True when the total value is zero or negative: there is nothing to allocate (and `aligned` is true). */
  nothingToRebalance: boolean;
  thresholds: { classGapDollars: number; splitGapPp: number };
}

/**
 * Compares the portfolio with the target profile the user chose and lists the moves that would close the gaps.
 *
 * - Classes compared: every class held (cash included) and every class in the target.
 * - Class move: target value (total × target %) − current value; suggested when |gap| > $50.
 * - Equity split (ETF vs individual stocks): when the current ETF share of equity is more than 1 pp from the
 *   target share (or no equity is held yet but the target has some), each side gets target-equity × split − current.
 *   The fixed-income split (ETFs vs individual bonds) is reported in `targetAllocation` but not acted on: bonds are
 *   not tradable through the broker this product uses.
 */
export function rebalancePlan(summary: PortfolioSummary, profile: TargetProfile): RebalancePlan {
  const targets = targetAllocations[profile];
  const cash = new Decimal(summary.totals.cash);
  const classValues = new Map<AssetClass, Decimal>();
  const heldSymbols = new Map<AssetClass, string[]>();
  let etfValue = new Decimal(0);
  let stockValue = new Decimal(0);
  for (const position of summary.positions) {
    const value = new Decimal(position.marketValue);
    classValues.set(position.assetClass, (classValues.get(position.assetClass) ?? new Decimal(0)).plus(value));
    heldSymbols.set(position.assetClass, [...(heldSymbols.get(position.assetClass) ?? []), position.symbol]);
    if (position.assetClass === 'equity') {
      if (isFund(position.securityType)) etfValue = etfValue.plus(value);
      else stockValue = stockValue.plus(value);
    }
  }
  if (!cash.isZero()) classValues.set('cash', (classValues.get('cash') ?? new Decimal(0)).plus(cash));
  const total = [...classValues.values()].reduce((sum, value) => sum.plus(value), new Decimal(0));
  const shareOfTotal = (value: Decimal): number => toPct(percentOf(value, total) ?? 0);

  const currentAllocation = classOrder
    .filter((assetClass) => classValues.has(assetClass))
    .map((assetClass) => {
      const value = classValues.get(assetClass) ?? new Decimal(0);
      return { assetClass, value: toMoney(value), pct: shareOfTotal(value) };
    });
  const equityValue = etfValue.plus(stockValue);
  const currentEquitySplit = equityValue.isZero()
    ? null
    : {
        etfValue: toMoney(etfValue),
        stockValue: toMoney(stockValue),
        etfPct: toPct(percentOf(etfValue, equityValue) ?? 0),
        stockPct: toPct(percentOf(stockValue, equityValue) ?? 0),
      };

  const nothingToRebalance = !total.greaterThan(0);
  const actions: RebalanceAction[] = [];
  const splitAdjustments: SplitAdjustment[] = [];
  if (!nothingToRebalance) {
    for (const assetClass of classOrder) {
      const target = targets.find((entry) => entry.assetClass === assetClass);
      if (target === undefined && !classValues.has(assetClass)) continue;
      const current = classValues.get(assetClass) ?? new Decimal(0);
      const targetPct = target?.pct ?? 0;
      const gap = total.times(targetPct).div(100).minus(current);
      if (gap.abs().lessThanOrEqualTo(classGapThresholdDollars)) continue;
      const action = gap.greaterThan(0) ? 'add' : 'reduce';
      actions.push({
        action,
        assetClass,
        amount: toMoney(gap.abs()),
        fromPct: shareOfTotal(current),
        toPct: targetPct,
        exampleInstruments: action === 'add' ? exampleInstrumentsByClass[assetClass] : [],
        heldSymbols: heldSymbols.get(assetClass) ?? [],
      });
    }
    const equityTarget = targets.find((entry) => entry.assetClass === 'equity');
    if (equityTarget !== undefined && equityTarget.pct > 0) {
      splitAdjustments.push(...equitySplitAdjustments(equityTarget, total, etfValue, stockValue));
    }
  }

  return {
    profile,
    totalValue: toMoney(total),
    currentAllocation,
    currentEquitySplit,
    targetAllocation: targets,
    actions,
    splitAdjustments,
    aligned: actions.length === 0 && splitAdjustments.length === 0,
    nothingToRebalance,
    thresholds: { classGapDollars: classGapThresholdDollars, splitGapPp: splitGapThresholdPp },
  };
}

function equitySplitAdjustments(target: ClassTarget, total: Decimal, etfValue: Decimal, stockValue: Decimal): SplitAdjustment[] {
  const targetEtfPct = target.split.find((part) => part.securityType === 'etf')?.pct ?? 0;
  const targetStockPct = 100 - targetEtfPct;
  const equityValue = etfValue.plus(stockValue);
  const currentEtfShare = percentOf(etfValue, equityValue);
  if (currentEtfShare !== null && currentEtfShare.minus(targetEtfPct).abs().lessThanOrEqualTo(splitGapThresholdPp)) return [];

  const targetEquity = total.times(target.pct).div(100);
  const sides = [
    { securityType: 'etf', current: etfValue, targetPct: targetEtfPct, examples: exampleInstrumentsByClass.equity },
    { securityType: 'stock', current: stockValue, targetPct: targetStockPct, examples: [] },
  ] as const;
  const adjustments: SplitAdjustment[] = [];
  for (const side of sides) {
    const gap = targetEquity.times(side.targetPct).div(100).minus(side.current);
    if (toMoney(gap.abs()) === '0.00') continue;
    const action = gap.greaterThan(0) ? 'add' : 'reduce';
    adjustments.push({
      action,
      assetClass: 'equity',
      securityType: side.securityType,
      amount: toMoney(gap.abs()),
      fromPct: toPct(percentOf(side.current, equityValue) ?? 0),
      toPct: side.targetPct,
      exampleInstruments: action === 'add' ? side.examples : [],
    });
  }
  return adjustments;
}

function isFund(securityType: SecurityType): boolean {
  return securityType === 'etf' || securityType === 'index_fund';
}
