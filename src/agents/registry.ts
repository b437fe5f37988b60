import type { AgentDefinition } from './agent';
import type { AgentId } from './run-state';
import { supervisor } from './supervisor';
import { financialAnalyst } from './financial-analyst';
import { portfolioManager } from './portfolio-manager';
import { tradeExecutor } from './trade-executor';

export const agents: Record<AgentId, AgentDefinition> = {
  supervisor,
  financial_analyst: financialAnalyst,
  portfolio_manager: portfolioManager,
  trade_executor: tradeExecutor,
};
