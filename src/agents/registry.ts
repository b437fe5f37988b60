import type { AgentDefinition, AgentFallback } from './agent';
import type { ToolDefinition } from '../tools/define-tool';
import { supervisor } from './supervisor';
import { financialAnalyst } from './financial-analyst';
import { portfolioManager } from './portfolio-manager';
import { tradeExecutor } from './trade-executor';

/**
 * The agents, one line each: the one home of agent identity. Everything else (run-state ids, tool owners, the
 * supervisor's routing rules and tool list, fallbacks, the order specialists act in) is derived from this list.
 * The order matters: specialists' tools run in this order (analyst, then portfolio manager, then trade desk).
 */
export const agentList = [supervisor, financialAnalyst, portfolioManager, tradeExecutor] as const;

export type AgentId = (typeof agentList)[number]['id'];
export const agentIds = agentList.map((agent) => agent.id) as [AgentId, ...AgentId[]];

export const agents = Object.fromEntries(agentList.map((agent) => [agent.id, agent])) as Record<AgentId, AgentDefinition<AgentId>>;

/** The specialists the supervisor routes to, in order. */
export const specialists: readonly AgentDefinition<AgentId>[] = agentList.filter((agent) => agent.id !== supervisor.id);

/**
 * Widens a typed tool to the loop's view, whose input is `unknown` until `tool.input` has parsed it. Sound because the
 * runner always parses the model's input with the tool's own schema before calling `activity` or `run`.
 */
function widen<Input, Output>(tool: ToolDefinition<Input, Output>): ToolDefinition {
  return tool;
}

/** Every tool, in agent order: the list the model sees (identical on every call, so its cache entry is shared). */
export const tools: readonly ToolDefinition[] = agentList.flatMap((agent) => agent.tools.map(widen));

const owners = new Map<string, AgentId>(agentList.flatMap((agent) => agent.tools.map((tool) => [tool.name, agent.id] as const)));

/** The agent that owns a tool (by the name the model uses), or undefined for an unknown name. */
export function ownerOf(toolName: string): AgentId | undefined {
  return owners.get(toolName);
}

/** Where an agent's work goes when its service is down (null when nothing can take it over). */
export function fallbackFor(agent: string): AgentFallback<AgentId> | null {
  const plan = (agents as Record<string, AgentDefinition | undefined>)[agent]?.fallback;
  return plan ? { to: plan.to as AgentId, instruction: plan.instruction } : null;
}
