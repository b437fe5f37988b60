import type { SpecialistName, ToolDefinition } from './define-tool';
import { getAccountActivities } from './get-account-activities';
import { getNews } from './get-news';
import { getOrders } from './get-orders';
import { getPerformance } from './get-performance';
import { getPortfolioSummary } from './get-portfolio-summary';
import { getPriceHistory } from './get-price-history';
import { getQuote } from './get-quote';
import { getRebalancePlan } from './get-rebalance-plan';
import { proposeOrder } from './propose-order';
import { getOrderStatus } from './get-order-status';
import { cancelOrder } from './cancel-order';
import { rememberFact } from './remember-fact';

/**
 * Widens a typed tool to the loop's view, whose input is `unknown` until `tool.input` has parsed it. Sound because the
 * runner always parses the model's input with the tool's own schema before calling `activity` or `run`. (A concrete
 * tool is not assignable to ToolDefinition directly, because its function properties are checked contravariantly;
 * TypeScript accepts it through this generic parameter. See the report on define-tool.ts.)
 */
function register<Input, Output>(tool: ToolDefinition<Input, Output>): ToolDefinition {
  return tool;
}

/** Every tool, listed explicitly (registry.test.ts checks that no tool file is left out). */
export const tools: readonly ToolDefinition[] = [
  register(getQuote),
  register(getPriceHistory),
  register(getPerformance),
  register(getNews),
  register(getPortfolioSummary),
  register(getRebalancePlan),
  register(getAccountActivities),
  register(getOrders),
  register(proposeOrder),
  register(getOrderStatus),
  register(cancelOrder),
  register(rememberFact),
] as const;

/** The tools a specialist may call, in registry order. */
export function toolsFor(agent: SpecialistName): ToolDefinition[] {
  return tools.filter((tool) => tool.agent === agent);
}

/** The tool with this name (as the model writes it), or undefined. */
export function findTool(name: string): ToolDefinition | undefined {
  return tools.find((tool) => tool.name === name);
}
