import Decimal from 'decimal.js';
import type { Chart, ChartSource } from '../../protocol/chart';
import type { AssetClass } from '../classification';
import { percentOf, sum, toPct } from '../money';
import type { PortfolioSummary } from '../portfolio-summary';

/** Positions drawn one by one; the rest are summed into one "Other" bar. */
export const maxPositionBars = 10;

export const assetClassLabels: Readonly<Record<AssetClass, string>> = {
  equity: 'Equity',
  fixed_income: 'Fixed income',
  real_estate: 'Real estate',
  commodities: 'Commodities',
  alternatives: 'Alternatives',
  cash: 'Cash',
};
const classOrder: readonly AssetClass[] = ['equity', 'fixed_income', 'real_estate', 'commodities', 'alternatives', 'cash'];

/**
 * The portfolio's allocation as two bar charts, in percent of the total value including cash: by asset class (cash is
 * a class), and by position (the largest ten, then "Other", then cash). Nothing to draw for an account without value.
 */
export function allocationCharts(summary: PortfolioSummary, source: Omit<ChartSource, 'range'>): Chart[] {
  const total = new Decimal(summary.totals.totalValue);
  if (!total.greaterThan(0) || summary.empty) return [];
  const share = (value: Decimal.Value): number => toPct(percentOf(value, total) ?? 0);
  const byClass = new Map<AssetClass, Decimal>();
  for (const position of summary.positions) byClass.set(position.assetClass, (byClass.get(position.assetClass) ?? new Decimal(0)).plus(position.marketValue));
  byClass.set('cash', (byClass.get('cash') ?? new Decimal(0)).plus(summary.totals.cash));
  const classes = classOrder.filter((assetClass) => !(byClass.get(assetClass) ?? new Decimal(0)).isZero());

  const shown = summary.positions.slice(0, maxPositionBars);
  const rest = summary.positions.slice(maxPositionBars);
  const positionBars = [
    ...shown.map((position) => ({ label: position.symbol, value: position.weightPct })),
    ...(rest.length > 0 ? [{ label: `Other (${String(rest.length)} positions)`, value: share(sum(rest.map((position) => position.marketValue))) }] : []),
    ...(new Decimal(summary.totals.cash).isZero() ? [] : [{ label: 'Cash', value: summary.totals.cashPct }]),
  ];
  const snapshot: ChartSource = { ...source, range: null };
  return [
    {
      kind: 'bar',
      id: `allocation-class:${source.asOf}`,
      title: 'Allocation by asset class',
      note: 'Percent of the total value, cash included.',
      unit: 'pct',
      categories: classes.map((assetClass) => assetClassLabels[assetClass]),
      series: [{ label: 'Share of portfolio', values: classes.map((assetClass) => share(byClass.get(assetClass) ?? 0)) }],
      source: snapshot,
    },
    {
      kind: 'bar',
      id: `allocation-position:${source.asOf}`,
      title: 'Allocation by position',
      note: 'Percent of the total value, cash included (a short position is negative).',
      unit: 'pct',
      categories: positionBars.map((bar) => bar.label),
      series: [{ label: 'Share of portfolio', values: positionBars.map((bar) => bar.value) }],
      source: snapshot,
    },
  ];
}
