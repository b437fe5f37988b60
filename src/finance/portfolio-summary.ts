import Decimal from 'decimal.js';
import { classifySymbol, type AssetClass, type SecurityType } from './classification';
import {
  diversificationLabel,
  diversificationScore,
  type DiversificationBreakdown,
  type DiversificationLabel,
} from './diversification-score';
import type { Holding } from './holding';
import { reconcileEquity, type EquityReconciliation, type ReportedEquity } from './equity-reconciliation';
import { decimalFrom, percentOf, toMoney, toPct, type DecimalString } from './money';
import { riskLabel, riskScore, type RiskLabel } from './risk-score';

/** One broker position, already mapped from the API (Alpaca `GET /v2/positions`), amounts as decimal strings. */
export interface PositionInput {
  symbol: string;
  qty: DecimalString;
  marketValue: DecimalString;
  /** Total cost of the position; missing or zero when the broker does not know it (e.g. shares transferred in). */
  costBasis?: DecimalString | null | undefined;
  currentPrice: DecimalString;
  avgEntryPrice: DecimalString;
  /** The broker's asset class (Alpaca `asset_class`: us_equity, us_option, crypto). */
  brokerAssetClass?: string | undefined;
  /** The asset's name, used to recognise ETFs outside the built-in list. */
  name?: string | undefined;
}

/** The account's balances (Alpaca `GET /v2/account`): `equity` = cash + long market value + short market value. */
export interface AccountBalances extends ReportedEquity {
  cash: DecimalString;
}

export interface PositionSummary {
  symbol: string;
  name: string | null;
  assetClass: AssetClass;
  securityType: SecurityType;
  qty: DecimalString;
  currentPrice: DecimalString;
  avgEntryPrice: DecimalString;
  marketValue: DecimalString;
  costBasis: DecimalString | null;
  /** marketValue − costBasis; null when the cost basis is missing or zero. */
  unrealizedPl: DecimalString | null;
  /** unrealizedPl / |costBasis| × 100; null when the cost basis is missing or zero. */
  unrealizedPlPct: number | null;
  /** Share of total value INCLUDING cash, in percent (0 when the total value is not positive). */
  weightPct: number;
}

export interface PositionRef {
  symbol: string;
  marketValue: DecimalString;
  weightPct: number;
}

export type ConcentrationLevel = 'HIGH' | 'MODERATE' | 'LOW';

export interface PortfolioSummary {
  /** True when there are no positions (there may still be cash). */
  empty: boolean;
  positionCount: number;
  /** Largest first (by absolute market value, then symbol). */
  positions: PositionSummary[];
  totals: {
    investments: DecimalString;
    investmentsPct: number;
    cash: DecimalString;
    cashPct: number;
    /** investments + cash, computed from the positions. */
    totalValue: DecimalString;
    /** The account's own figure, to the cent. */
    reportedEquity: DecimalString;
    /** reportedEquity − totalValue, to the cent. */
    difference: DecimalString;
    /** True when the difference rounds to 0.00. */
    reconciles: boolean;
    /** "reconciled to the cent", or the difference and why (see reconcileEquity). */
    reconciliation: EquityReconciliation;
    /** Sums over the positions whose cost basis is known; the others are counted in positionsWithoutCostBasis. */
    costBasis: DecimalString;
    /** Sum of the absolute cost bases (a short's cost counts as money at stake, not as a credit). */
    grossCostBasis: DecimalString;
    unrealizedPl: DecimalString;
    /** unrealizedPl / grossCostBasis × 100, so longs and shorts cannot net the divisor towards zero. */
    unrealizedPlPct: number | null;
    positionsWithoutCostBasis: number;
  };
  largestPosition: PositionRef | null;
  bestPerformer: { symbol: string; unrealizedPlPct: number } | null;
  worstPerformer: { symbol: string; unrealizedPlPct: number } | null;
  /** Up to three largest positions. */
  topPositions: PositionRef[];
  /** From the largest position's weight: > 30 % HIGH, > 20 % MODERATE, else LOW; null without positions. */
  concentration: { level: ConcentrationLevel; topWeightPct: number } | null;
  /** Scores are 1–10, or 0 with a null label when there is nothing to score (no positions, or nothing of value). */
  risk: { score: number; label: RiskLabel | null };
  diversification: { score: number; label: DiversificationLabel | null; breakdown: DiversificationBreakdown };
}

interface WorkingPosition {
  summary: PositionSummary;
  holding: Holding;
  marketValue: Decimal;
  costBasis: Decimal | null;
  plPct: Decimal | null;
}

/**
 * Summarises an account from its positions and balances. Everything is computed exactly and rounded once here.
 * Malformed decimal strings are a mapping bug and throw (see decimalFrom).
 */
export function summarizePortfolio(positions: readonly PositionInput[], account: AccountBalances): PortfolioSummary {
  const cash = decimalFrom(account.cash, 'account.cash');
  const reportedEquity = decimalFrom(account.equity, 'account.equity');
  const marketValues = positions.map((position, index) => decimalFrom(position.marketValue, `positions[${index}].marketValue`));
  const investments = marketValues.reduce((total, value) => total.plus(value), new Decimal(0));
  const totalValue = investments.plus(cash);
  const weightOf = (value: Decimal): number => {
    const pct = totalValue.greaterThan(0) ? percentOf(value, totalValue) : null;
    return pct === null ? 0 : toPct(pct);
  };

  const working = positions
    .map((position, index): WorkingPosition => {
      const marketValue = marketValues[index] ?? new Decimal(0);
      const rawCost = position.costBasis ?? null;
      const costBasis = rawCost === null ? null : decimalFrom(rawCost, `positions[${index}].costBasis`);
      const knownCost = costBasis !== null && !costBasis.isZero() ? costBasis : null;
      const pl = knownCost === null ? null : marketValue.minus(knownCost);
      const plPct = knownCost === null || pl === null ? null : pl.div(knownCost.abs()).times(100);
      const classification = classifySymbol({
        symbol: position.symbol,
        name: position.name,
        brokerAssetClass: position.brokerAssetClass,
      });
      return {
        marketValue,
        costBasis: knownCost,
        plPct,
        holding: { ...classification, marketValue: marketValue.toString() },
        summary: {
          symbol: position.symbol,
          name: position.name ?? null,
          ...classification,
          qty: decimalFrom(position.qty, `positions[${index}].qty`).toString(),
          currentPrice: decimalFrom(position.currentPrice, `positions[${index}].currentPrice`).toString(),
          avgEntryPrice: decimalFrom(position.avgEntryPrice, `positions[${index}].avgEntryPrice`).toString(),
          marketValue: toMoney(marketValue),
          costBasis: costBasis === null ? null : toMoney(costBasis),
          unrealizedPl: pl === null ? null : toMoney(pl),
          unrealizedPlPct: plPct === null ? null : toPct(plPct),
          weightPct: weightOf(marketValue),
        },
      };
    })
    .sort(bySizeThenSymbol);

  const withCost = working.filter((position) => position.costBasis !== null);
  const totalCost = withCost.reduce((total, position) => total.plus(position.costBasis ?? 0), new Decimal(0));
  const totalPl = withCost.reduce((total, position) => total.plus(position.marketValue.minus(position.costBasis ?? 0)), new Decimal(0));
  const grossCost = withCost.reduce((total, position) => total.plus(position.costBasis?.abs() ?? 0), new Decimal(0));
  const totalPlPct = percentOf(totalPl, grossCost);
  const difference = reportedEquity.minus(totalValue);

  const refs = working.map((position) => toRef(position.summary));
  const largest = refs[0] ?? null;
  const ranked = working
    .filter((position) => position.plPct !== null)
    .sort((a, b) => (b.plPct ?? new Decimal(0)).comparedTo(a.plPct ?? new Decimal(0)) || compareText(a.summary.symbol, b.summary.symbol));
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  const holdings = working.map((position) => position.holding);
  const risk = riskScore(holdings, cash.toString());
  const diversification = diversificationScore(holdings, cash.toString());
  const empty = positions.length === 0;

  return {
    empty,
    positionCount: positions.length,
    positions: working.map((position) => position.summary),
    totals: {
      investments: toMoney(investments),
      investmentsPct: weightOf(investments),
      cash: toMoney(cash),
      cashPct: weightOf(cash),
      totalValue: toMoney(totalValue),
      reportedEquity: toMoney(reportedEquity),
      difference: toMoney(difference),
      reconciles: toMoney(difference) === '0.00',
      reconciliation: reconcileEquity(cash, investments, account),
      costBasis: toMoney(totalCost),
      grossCostBasis: toMoney(grossCost),
      unrealizedPl: toMoney(totalPl),
      unrealizedPlPct: totalPlPct === null ? null : toPct(totalPlPct),
      positionsWithoutCostBasis: working.length - withCost.length,
    },
    largestPosition: largest,
    bestPerformer: best ? performer(best) : null,
    worstPerformer: worst ? performer(worst) : null,
    topPositions: refs.slice(0, 3),
    concentration: largest === null ? null : { level: concentrationLevel(Math.abs(largest.weightPct)), topWeightPct: largest.weightPct },
    risk: { score: risk, label: risk === 0 ? null : riskLabel(risk) },
    diversification: {
      score: diversification.score,
      label: diversification.score === 0 ? null : diversificationLabel(diversification.score),
      breakdown: diversification,
    },
  };
}

/** > 30 % HIGH, > 20 % MODERATE, else LOW; applied to the rounded weight so the label agrees with the figure shown. */
export function concentrationLevel(topWeightPct: number): ConcentrationLevel {
  if (topWeightPct > 30) return 'HIGH';
  if (topWeightPct > 20) return 'MODERATE';
  return 'LOW';
}

function bySizeThenSymbol(a: WorkingPosition, b: WorkingPosition): number {
  return b.marketValue.abs().comparedTo(a.marketValue.abs()) || compareText(a.summary.symbol, b.summary.symbol);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toRef(summary: PositionSummary): PositionRef {
  return { symbol: summary.symbol, marketValue: summary.marketValue, weightPct: summary.weightPct };
}

function performer(position: WorkingPosition): { symbol: string; unrealizedPlPct: number } {
  return { symbol: position.summary.symbol, unrealizedPlPct: position.summary.unrealizedPlPct ?? 0 };
}
