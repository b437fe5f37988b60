/**
 * Test support for tool tests: a simulator on real HTTP, a ToolContext wired to it, and `runTool`, which calls a tool
 * through the production tool runner (src/agents/tool-runner.ts), exactly as the run loop does.
 */
import { z } from 'zod';
import { runToolCall } from '../../src/agents/tool-runner';
import { clockFrom } from '../../src/platform/clock';
import { parseJson } from '../../src/protocol/json';
import { createAlpacaClients } from '../../src/clients/alpaca/alpaca';
import { defaultSettings, type Settings } from '../../src/protocol/settings';
import { startAlpacaSimulator, type AlpacaSimulator, type AlpacaSimulatorOptions } from '../simulators/alpaca/index.ts';
import type { ToolContext, ToolDefinition } from '../../src/tools/define-tool';
import type { Chart } from '../../src/protocol/chart';

/** Monday 2025-06-16, 11:00 in New York: the market is open. */
export const mondayMorning = new Date('2025-06-16T15:00:00Z');

export interface ToolHarness {
  sim: AlpacaSimulator;
  context: ToolContext;
  /** A context for the same simulator with other keys, settings or fetch. */
  contextWith: (options: ContextOptions) => ToolContext;
}

export interface ContextOptions {
  keyId?: string;
  secretKey?: string;
  settings?: Partial<Settings>;
  fetch?: typeof fetch;
  feed?: ToolContext['alpaca']['feed'];
}

const running: AlpacaSimulator[] = [];

export async function startHarness(options: AlpacaSimulatorOptions & ContextOptions = {}): Promise<ToolHarness> {
  const now = options.now ?? mondayMorning;
  const sim = await startAlpacaSimulator({ history: false, ...options, now });
  running.push(sim);
  const contextWith = (overrides: ContextOptions): ToolContext => {
    const merged = { ...options, ...overrides };
    return {
      alpaca: createAlpacaClients({
        keyId: merged.keyId ?? sim.keyId,
        secretKey: merged.secretKey ?? sim.secret,
        tradingBaseUrl: sim.tradingUrl,
        dataBaseUrl: sim.dataUrl,
        feed: merged.feed ?? 'iex',
        fetch: merged.fetch ?? globalThis.fetch,
      }),
      settings: { ...defaultSettings(), ...merged.settings },
      // The simulator's clock moves only through its state controls, so the tool's clock follows it.
      clock: clockFrom(() => sim.state.now()),
      signal: new AbortController().signal,
    };
  };
  return { sim, context: contextWith({}), contextWith };
}

/** Closes every simulator started since the last call (use in afterEach). */
export async function closeHarnesses(): Promise<void> {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
}

/** Requests the simulator received for a path (exact path, any query). */
export function requestsTo(sim: AlpacaSimulator, path: string): AlpacaSimulator['requests'] {
  return sim.requests.filter((request) => request.path === path);
}

/** Places an order on the simulator over HTTP, as the user would through Alpaca; returns the order JSON. */
export async function placeOrder(sim: AlpacaSimulator, order: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`${sim.tradingUrl}/v2/orders`, {
    method: 'POST',
    headers: { 'APCA-API-KEY-ID': sim.keyId, 'APCA-API-SECRET-KEY': sim.secret, 'Content-Type': 'application/json' },
    body: JSON.stringify(order),
  });
  if (!response.ok) throw new Error(`order refused (${response.status}): ${await response.text()}`);
  return response.json();
}

/** A GET on the simulator with the right keys, returning the parsed JSON (for computing expected figures independently). */
export async function simGet(sim: AlpacaSimulator, server: 'trading' | 'data', pathAndQuery: string): Promise<unknown> {
  const base = server === 'trading' ? sim.tradingUrl : sim.dataUrl;
  const response = await fetch(`${base}${pathAndQuery}`, { headers: { 'APCA-API-KEY-ID': sim.keyId, 'APCA-API-SECRET-KEY': sim.secret } });
  if (!response.ok) throw new Error(`GET ${pathAndQuery} failed (${response.status})`);
  return response.json();
}

const failureSchema = z.object({
  error: z.object({ kind: z.string().optional(), code: z.string(), message: z.string(), issues: z.array(z.string()).optional() }),
});

/** A tool call the runner turned into an error result (what the model reads), raised so a test can expect it. */
export class ToolCallFailed extends Error {
  readonly kind: string;
  readonly code: string;
  readonly issues: string[];
  constructor(record: { errorKind?: string | undefined; content: string }) {
    const { error } = parseJson(failureSchema, record.content);
    const issues = error.issues ?? [];
    super([error.message, ...issues].join(' '));
    this.name = 'ToolCallFailed';
    this.kind = record.errorKind ?? error.kind ?? 'unknown';
    this.code = error.code;
    this.issues = issues;
  }
}

/**
 * Runs one tool call through the production runner (schema validation, error mapping, size cap) and returns the
 * result as the model receives it, parsed back from JSON. An error result is thrown as ToolCallFailed, carrying the
 * runner's kind (`model-contract` for input the schema refused), code and issues.
 */
export async function runTool<Input, Output>(tool: ToolDefinition<Input, Output>, input: unknown, context: ToolContext): Promise<Output> {
  const widened = tool as unknown as ToolDefinition;
  const record = await runToolCall({ id: 'toolu_test', name: tool.name, input }, [widened], context, context.clock);
  if (!record.ok) throw new ToolCallFailed(record);
  // The result is the tool's own output after a JSON round trip, which is what the model reads.
  return parseJson(z.unknown(), record.content) as Output;
}

/** Runs one tool call like runTool and also returns the chart data the tool attached to its result. */
export async function runToolWithCharts<Input, Output>(tool: ToolDefinition<Input, Output>, input: unknown, context: ToolContext): Promise<{ result: Output; charts: Chart[] }> {
  const widened = tool as unknown as ToolDefinition;
  const record = await runToolCall({ id: 'toolu_test', name: tool.name, input }, [widened], context, context.clock);
  if (!record.ok) throw new ToolCallFailed(record);
  return { result: parseJson(z.unknown(), record.content) as Output, charts: record.charts ?? [] };
}
