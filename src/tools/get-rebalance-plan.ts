import { z } from 'zod';
import { rebalancePlan } from '../finance/rebalance';
import { targetProfiles } from '../finance/target-allocations';
import { rebalanceTargetFor } from '../memory/rebalance-target';
import { defineTool } from './define-tool';
import { readPortfolio } from './support/portfolio';
import { rebalanceChart } from '../finance/charts/rebalance-chart';

const input = z.object({
  target: z
    .enum(targetProfiles)
    .optional()
    .describe("Target profile to compare with. Omit to use the user's own choice from Settings; pass one only when the user names it."),
});

export const getRebalancePlan = defineTool({
  name: 'get_rebalance_plan',
  description:
    "Compares the user's Alpaca portfolio with a target allocation (conservative, balanced or aggressive; by default the " +
    'one the user chose in Settings, else the one their profile\'s risk tolerance implies) and lists the dollar moves by asset class and the ETF/stock split inside equity, ' +
    'with the current and target percentages and example funds. Suggestions only; it places no orders.',
  input,
  sideEffect: 'read',
  activity: () => 'Comparing your portfolio with your target allocation…',
  run: async ({ target }, context) => {
    const fallback = rebalanceTargetFor(context.settings, context.profile);
    const profile = target ?? fallback.target;
    const { summary, account, unclassifiedSymbols, asOf, fromCache } = await readPortfolio(context);
    const plan = rebalancePlan(summary, profile);
    context.charts?.attach(() => rebalanceChart(plan, { provider: 'Alpaca account and positions', asOf }));
    return {
      ...plan,
      profileSource: target === undefined ? fallback.source : 'request',
      ...(plan.nothingToRebalance ? { message: 'The account has no value to allocate.' } : {}),
      ...(plan.aligned && !plan.nothingToRebalance ? { message: `The portfolio is already within the thresholds of the ${profile} target.` } : {}),
      portfolio: { positionCount: summary.positionCount, reconciles: summary.totals.reconciles, reportedEquity: summary.totals.reportedEquity },
      unclassifiedSymbols,
      currency: account.currency,
      units: {
        money: `${account.currency}, to the cent`,
        pct: 'percent of total value including cash (split adjustments: percent of the equity class)',
      },
      dataSource: 'Alpaca account and positions',
      asOf,
      ...(fromCache ? { fromCache: true, asOfNote: `Account figures as of ${asOf} (read moments ago and reused); say "as of" that time when you quote them.` } : {}),
    };
  },
});
