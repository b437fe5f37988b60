import { z } from 'zod';
import { defineTool } from './define-tool';
import { readPortfolio } from './support/portfolio';
import { fitToBudget } from './support/result-budget';
import { allocationCharts } from '../finance/charts/allocation-chart';

export const getPortfolioSummary = defineTool({
  name: 'get_portfolio_summary',
  description:
    "Summary of the user's own Alpaca account: every position with quantity, price, market value, cost basis, unrealised " +
    'P&L and weight (cash included in the total), cash, totals checked against the account equity (totals.reconciliation: ' +
    '"reconciled to the cent" or the difference and why), largest and best/worst ' +
    'positions, concentration level, and risk and diversification scores (1–10) with labels. Call it first for any ' +
    'question about "my portfolio", "my holdings" or whether a purchase fits.',
  input: z.object({}),
  sideEffect: 'read',
  activity: () => 'Checking your portfolio…',
  run: async (_input, context) => {
    const { summary, account, unclassifiedSymbols, asOf, fromCache } = await readPortfolio(context);
    context.charts?.attach(() => allocationCharts(summary, { provider: 'Alpaca account and positions', asOf }));
    const { positions, ...rest } = summary;
    const base = {
      ...(summary.empty ? { message: emptyMessage(summary.totals.cash) } : {}),
      ...rest,
      account: { status: account.status, buyingPower: account.buyingPower },
      unclassifiedSymbols,
      currency: account.currency,
      units: {
        money: `${account.currency}, to the cent`,
        weightPct: 'percent of total value including cash',
        unrealizedPlPct: 'percent of cost basis (the total: of the gross cost basis, the sum of absolute cost bases)',
        scores: '1–10 (0 when there is nothing to score)',
      },
      dataSource: 'Alpaca account and positions',
      asOf,
      ...(fromCache ? { fromCache: true, asOfNote: `Account figures as of ${asOf} (read moments ago and reused); say "as of" that time when you quote them.` } : {}),
    };
    // Largest first, so what does not fit is the smallest positions; the totals and scores still include them.
    const listed = fitToBudget(positions, JSON.stringify(base).length + 200);
    return {
      ...base,
      ...(listed.omitted > 0
        ? { positionsOmitted: listed.omitted, positionsNote: `The ${listed.omitted} smallest positions are not listed (too long for one answer); totals and scores include them.` }
        : {}),
      positions: listed.kept,
    };
  },
});

function emptyMessage(cash: string): string {
  return `No open positions: the account holds only cash ($${cash}).`;
}
