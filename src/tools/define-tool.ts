import { z } from 'zod';
import type { Clock } from '../platform/clock';
import type { MemoryView } from '../protocol/memory';
import type { Settings } from '../protocol/settings';
import type { ReconcileAction } from '../protocol/memory';
import type { Chart } from '../protocol/chart';

/** What a tool may use. Every dependency is passed in, so tools run in tests without a browser. */
export interface ToolContext {
  /** Typed Alpaca clients (trading and market data), already configured with the user's keys and endpoints. */
  alpaca: import('../clients/alpaca/alpaca').AlpacaClients;
  settings: Settings;
  clock: Clock;
  signal: AbortSignal;
  /**
   * The order desk, present inside a chat run: a tool can only PROPOSE an order (saved, shown to the user for
   * confirmation) or a cancel of an open order; nothing reaches the broker until the user presses Confirm order or
   * Confirm cancel.
   */
  orders?: OrderDesk;
  /** The memory desk, present inside a chat run that is not incognito: the model proposes, the user decides. */
  memory?: MemoryDesk;
  /** The user's saved investment profile (absent in an incognito chat). */
  profile?: import('../protocol/memory').Profile;
  /** The last portfolio read, reused within its TTL by the tools of a turn and across turns; orders invalidate it. */
  portfolioCache?: TurnPortfolioCache;
  /** Where a tool attaches chart data to its result (the tool runner gives each call its own); absent: not collected. */
  charts?: ChartSink;
}

/**
 * Chart data for the panel, attached beside a tool's result (never sent to the model as data). A builder that throws
 * or returns nothing attaches nothing: a chart never fails the tool.
 */
export interface ChartSink {
  attach(build: () => Chart | readonly Chart[] | null): void;
}

/** A read served from the portfolio cache, or fresh: the value, when it was read, and whether it was cached. */
export interface CachedRead<T> {
  value: T;
  /** When the value was read from the broker. */
  at: Date;
  /** True when this call was served from the cache. */
  cached: boolean;
}

/** The portfolio cache as the tools of one turn see it (src/memory/portfolio-cache.ts implements it). */
export interface TurnPortfolioCache {
  read<T>(load: () => Promise<T>): Promise<CachedRead<T>>;
  invalidate(): void;
}

export interface OrderDesk {
  propose(draft: unknown): Promise<Record<string, unknown>>;
  /** Proposes cancelling an open order: the user decides in a Cancel confirmation card; nothing reaches the broker. */
  proposeCancel(orderId: string): Promise<Record<string, unknown>>;
}

/** What the model asks to remember (the remember_fact tool's input). */
export interface MemoryProposal {
  text: string;
  kind: MemoryView['kind'];
  scope: MemoryView['scope'];
  action: ReconcileAction;
  memoryId?: string | undefined;
}

/** The memory service's side of remember_fact (src/memory/memory-service.ts implements it). */
export interface MemoryDesk {
  propose(proposal: MemoryProposal): Promise<Record<string, unknown>>;
}

export interface ToolDefinition<Input = unknown, Output = unknown> {
  /** snake_case, as the model sees it. */
  name: string;
  /** What the tool does, for the model: when to call it and what it returns. */
  description: string;
  input: z.ZodType<Input>;
  sideEffect: 'none' | 'read' | 'write';
  /**
   * A hand-off: calling the tool only decides that the agent owning it writes the next answer (its owner is the agent
   * whose file lists it). It has no effect outside the run and does not count as using the owner's data.
   */
  handsOff?: boolean;
  // Method syntax on purpose: it lets a list of tools with different inputs be typed as ToolDefinition[].
  /** A short line for the activity indicator, e.g. "Fetching AAPL's price…". */
  activity(input: Input): string;
  run(input: Input, context: ToolContext): Promise<Output>;
}

export function defineTool<Input, Output>(definition: ToolDefinition<Input, Output>): ToolDefinition<Input, Output> {
  return definition;
}

const schemaCache = new WeakMap<object, { type: 'object'; [key: string]: unknown }>();

/** The JSON Schema the model sees for a tool's input (generated from its zod schema once, then cached). */
export function inputJsonSchema(tool: ToolDefinition): { type: 'object'; [key: string]: unknown } {
  const cached = schemaCache.get(tool.input);
  if (cached) return cached;
  const schema = z.toJSONSchema(tool.input, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  delete schema.$schema;
  const result = { ...schema, type: 'object' as const };
  schemaCache.set(tool.input, result);
  return result;
}
