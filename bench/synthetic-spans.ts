/** Synthetic metric spans for the benchmarks (Node and the browser pages): no imports with side effects. */
import type { SpanInput } from '../src/monitoring/span';

const agents = ['supervisor', 'financial_analyst', 'portfolio_manager', 'trade_executor'];
const tools = ['get_quote', 'get_portfolio_summary', 'get_news', 'propose_order', 'get_bars'];

/** Span `index` of `count`, spread evenly over the last 30 days: model calls, tool calls and runs. */
export function syntheticSpan(index: number, count: number, now: Date): SpanInput {
  const startedAt = new Date(now.getTime() - Math.floor(((count - index) / count) * 30 * 86_400_000)).toISOString();
  const latencyMs = 50 + ((index * 7919) % 4000);
  const endedAt = new Date(Date.parse(startedAt) + latencyMs).toISOString();
  const agent = agents[index % agents.length] ?? 'supervisor';
  const outcome = index % 23 === 0 ? 'upstream:anthropic-overloaded' : 'ok';
  const runId = `run_${String(Math.floor(index / 5))}`;
  switch (index % 5) {
    case 0:
    case 1:
      return { kind: 'model-call', agent, model: 'claude-haiku-4-5', startedAt, endedAt, latencyMs, ttftMs: latencyMs / 4, outcome, fallbackUsed: false, tokens: { input: 1200, output: 200, cacheRead: 3000, cacheWrite: 100 }, costUsd: '0.002425', runId };
    case 2:
    case 3:
      return { kind: 'tool-call', agent, tool: tools[index % tools.length] ?? 'get_quote', startedAt, endedAt, latencyMs, outcome, fallbackUsed: false, runId };
    default:
      return { kind: 'agent-run', agent, startedAt, endedAt, latencyMs, ttftMs: latencyMs / 3, outcome, fallbackUsed: false, route: index % 10 === 4 ? [agent, 'handoff:portfolio_manager'] : [agent], runId };
  }
}
