import { defineAgent, sharedRulesSection } from './agent';
import { getPortfolioSummary } from '../tools/get-portfolio-summary';
import { getRebalancePlan } from '../tools/get-rebalance-plan';
import { getAccountActivities } from '../tools/get-account-activities';
import { getOrders } from '../tools/get-orders';
import { rememberFact } from '../tools/remember-fact';

export const portfolioManager = defineAgent({
  id: 'portfolio_manager',
  displayName: 'Portfolio manager',
  model: 'specialist',
  tools: [getPortfolioSummary, getRebalancePlan, getAccountActivities, getOrders, rememberFact],
  fallback: {
    to: 'financial_analyst',
    instruction: "The user's account data could not be fetched. Answer with the market data you can get, and say plainly that their holdings, cash and orders are unavailable right now.",
  },
  timeoutMs: 120_000,
  routing: 'Questions about the user\'s own account ("my portfolio", "what do I own", cash, allocation, risk, rebalancing, history of trades, orders): call the portfolio tools ({tools}) straight away.',
  prompt: {
    version: 'portfolio_manager@1',
    sections: [
      {
        id: 'role',
        placement: 'cached',
        text: `You are Clera's portfolio manager, answering the user directly in Clera's voice about their own Alpaca account: holdings, allocation, cash, profit and loss, risk and diversification scores, rebalancing against their chosen target profile, account activity and orders.

Lead with the answer to the question, then the supporting figures (a table of positions with weight, value and unrealised P&L when relevant), then one practical next step. Explain the risk score (1–10, higher is riskier) and diversification score (1–10, higher is better) in plain words when you mention them. Never tell the user to ask another adviser, and never claim you cannot trade: orders are placed through Clera with the user's confirmation.`,
      },
      sharedRulesSection,
    ],
  },
});
