import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inputJsonSchema, type ToolDefinition } from '../tools/define-tool';
import { agentIds, agentList, agents, fallbackFor, ownerOf, specialists, tools } from './registry';
import { renderPrompt } from './prompt';

/** The tools folder: one tool per file, each listed by exactly one agent file. */
const directory = join(dirname(fileURLToPath(import.meta.url)), '../tools');
const notToolFiles = new Set(['define-tool.ts']);
const toolFiles = readdirSync(directory)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !notToolFiles.has(file))
  .sort();

function isTool(value: unknown): value is ToolDefinition {
  return typeof value === 'object' && value !== null && 'name' in value && 'run' in value && 'input' in value && 'activity' in value;
}

const registered = tools;

describe('tool conventions', () => {
  it('finds the tool files', () => {
    expect(toolFiles.length).toBeGreaterThanOrEqual(8);
  });

  it.each(toolFiles)('%s exports exactly one tool, registered, with a test beside it', async (file) => {
    const module = (await import(pathToFileURL(join(directory, file)).href)) as Record<string, unknown>;
    const exported = Object.values(module).filter(isTool);
    expect(exported).toHaveLength(1);
    expect(registered).toContain(exported[0]);
    expect(existsSync(join(directory, file.replace(/\.ts$/, '.test.ts')))).toBe(true);
  });

  it('registers every tool file and nothing else', () => {
    expect(registered).toHaveLength(toolFiles.length);
  });

  it.each(registered.map((tool) => [tool.name, tool] as const))('%s follows the tool rules', (name, tool) => {
    expect(name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(name.length).toBeLessThanOrEqual(64);
    expect(tool.description.length).toBeGreaterThanOrEqual(40);
    expect(agentIds).toContain(ownerOf(name));
    expect(['none', 'read', 'write']).toContain(tool.sideEffect);
    const schema = inputJsonSchema(tool);
    expect(schema.type).toBe('object');
    expect(JSON.stringify(schema)).not.toContain('"$ref"');
  });

  it('has unique names', () => {
    const names = registered.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('describes every input field for the model', () => {
    for (const tool of registered) {
      const properties = (inputJsonSchema(tool).properties ?? {}) as Record<string, { description?: string }>;
      for (const [field, property] of Object.entries(properties)) {
        expect(property.description, `${tool.name}.${field}`).toMatch(/\w{3}/);
      }
    }
  });

  it('gives every tool a short present-progressive activity line for typical input', () => {
    const sample: Record<string, unknown> = { symbol: 'AAPL', start_date: '2025-01-02', order_id: 'ord-1' };
    // Order drafts are strict objects (unknown fields are refused), so they get a sample of their own.
    const samples: Record<string, unknown> = {
      propose_order: { side: 'buy', symbol: 'AAPL', amount: '100' },
      remember_fact: { fact: 'Prefers ETFs', kind: 'explicit' },
      transfer_to_trade_executor: { request: 'buy $500 of AAPL' },
    };
    for (const tool of registered) {
      const line = tool.activity(tool.input.parse(samples[tool.name] ?? sample));
      expect(line, tool.name).toMatch(/^[A-Z][a-z]+ing .+…$/);
      expect(line.length, tool.name).toBeLessThanOrEqual(80);
    }
  });
});

describe('the agent registry', () => {
  const names = (id: keyof typeof agents) => agents[id].tools.map((tool) => tool.name);

  it('splits the tools between the specialists; the hand-off is the trade desk’s own tool', () => {
    expect(names('financial_analyst')).toEqual(['get_quote', 'get_price_history', 'get_performance', 'get_news']);
    expect(names('portfolio_manager')).toEqual(['get_portfolio_summary', 'get_rebalance_plan', 'get_account_activities', 'get_orders', 'remember_fact']);
    expect(names('trade_executor')).toEqual(['propose_order', 'get_order_status', 'cancel_order', 'transfer_to_trade_executor']);
    expect(names('supervisor')).toEqual([]);
  });

  it('knows each tool’s owner by the name the model uses, and no owner for an unknown name', () => {
    expect(ownerOf('get_quote')).toBe('financial_analyst');
    expect(ownerOf('transfer_to_trade_executor')).toBe('trade_executor');
    expect(ownerOf('transfer_to_anything')).toBeUndefined();
  });

  it('gives every agent a unique id, a display name, a time limit and a prompt version', () => {
    expect(new Set(agentIds).size).toBe(agentList.length);
    for (const agent of agentList) {
      expect(agent.displayName, agent.id).toMatch(/\w/);
      expect(agent.timeoutMs, agent.id).toBeGreaterThan(0);
      expect(agent.prompt.version, agent.id).toMatch(new RegExp(`^${agent.id}@\\d+$`));
    }
  });

  it.each([
    ['portfolio_manager', 'financial_analyst'],
    ['financial_analyst', 'supervisor'],
    ['trade_executor', 'supervisor'],
    ['supervisor', null],
  ] as const)('sends %s’s work to %s when its service is down', (from, to) => {
    expect(fallbackFor(from)?.to ?? null).toBe(to);
    if (to) expect(agentIds).toContain(to);
  });

  it('lists every data-reading tool and every order tool in the supervisor’s routing rules, generated from the registry', () => {
    const prompt = renderPrompt(agents.supervisor, { team: specialists }).cached;
    for (const tool of [...tools.filter((t) => t.sideEffect === 'read'), ...agents.trade_executor.tools]) expect(prompt, tool.name).toContain(tool.name);
    expect(prompt).not.toContain('{tools}');
  });
});
