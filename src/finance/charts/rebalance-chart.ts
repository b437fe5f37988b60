import type { Chart, ChartSource } from '../../protocol/chart';
import type { AssetClass } from '../classification';
import type { RebalancePlan } from '../rebalance';
import { assetClassLabels } from './allocation-chart';

const classOrder: readonly AssetClass[] = ['equity', 'fixed_income', 'real_estate', 'commodities', 'alternatives', 'cash'];

/**
 * A rebalance plan before and after its moves, by asset class in percent of the total value: "Now" is the current
 * allocation; "After the moves" is the target share of each class the plan moves, and the current share of each class
 * within its threshold (left as it is). Nothing to draw when there is no value to allocate.
 */
export function rebalanceChart(plan: RebalancePlan, source: Omit<ChartSource, 'range'>): Chart | null {
  if (plan.nothingToRebalance) return null;
  const current = new Map(plan.currentAllocation.map((entry) => [entry.assetClass, entry.pct]));
  const moved = new Map(plan.actions.map((action) => [action.assetClass, action.toPct]));
  const classes = classOrder.filter((assetClass) => current.has(assetClass) || moved.has(assetClass) || plan.targetAllocation.some((target) => target.assetClass === assetClass));
  return {
    kind: 'bar',
    id: `rebalance:${plan.profile}:${source.asOf}`,
    title: `Rebalance to ${plan.profile}: before and after`,
    note: `Percent of the total value by asset class, now and after the suggested moves (target profile: ${plan.profile}).`,
    unit: 'pct',
    categories: classes.map((assetClass) => assetClassLabels[assetClass]),
    series: [
      { label: 'Now', values: classes.map((assetClass) => current.get(assetClass) ?? 0) },
      { label: 'After the moves', values: classes.map((assetClass) => moved.get(assetClass) ?? current.get(assetClass) ?? 0) },
    ],
    source: { ...source, range: null },
  };
}
