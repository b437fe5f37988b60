/**
 * One evaluation case's turn through the real background app (the extension's agent core), on any transport: the
 * Node runner (run-case.ts) gives it the Alpaca simulator over HTTP and fake-indexeddb; the extension's "Run
 * evaluation" gives it the in-process simulator and a throwaway IndexedDB database. Browser-safe: no Node modules.
 */
import { startBackground } from '../../tests/support/background-harness';
import { clockFrom } from '../../src/platform/clock';
import { runsOf, storedRecords } from '../../tests/support/stored-records';
import { spanSchema } from '../../src/monitoring/span';
import type { RunState } from '../../src/agents/run-state';
import { requestSchema } from '../../src/protocol/messages';
import type { Settings } from '../../src/protocol/settings';
import type { BackgroundPlatform } from '../../src/background-app';
import type { CleraDatabase } from '../../src/store/db';
import type { RecordedRequest } from '../../tests/simulators/alpaca/dispatch';
import type { FaultControls } from '../../tests/simulators/alpaca/faults';
import type { SimulatorState } from '../../tests/simulators/alpaca/state';
import type { EvalCase } from '../dataset/schema';
import type { CaseOutcome, ModelCallRecord, ToolCallRecord } from './outcome';

/** Whether the app under test has an investor profile (the protocol has a profile-save request). */
export const profileSupported = () => requestSchema.options.some((option) => option.shape.type.value === 'profile-save');

/** Simulated "now" for every case: a Tuesday, 11:00 in New York, market open. */
export const EVAL_NOW = new Date('2026-03-10T15:00:00Z');
export const ANTHROPIC_ORIGIN = 'https://api.anthropic.com';

/** Short backoffs so outage cases finish quickly; the model's own policy stays as shipped outside scripted mode. */
const fastAlpaca = { backoffInitialMs: 10, backoffMaxMs: 30, halfOpenAfterMs: 60_000, timeoutMs: 2_000 };

/** The broker side of a case: the Alpaca simulator's state, faults and request log, and its two base URLs. */
export interface CaseBroker {
  readonly tradingUrl: string;
  readonly dataUrl: string;
  readonly requests: RecordedRequest[];
  readonly state: SimulatorState;
  readonly faults: FaultControls;
}

export interface TurnSetup {
  broker: CaseBroker;
  /** Every request of the app (Anthropic and Alpaca) goes through this. */
  fetch: typeof fetch;
  anthropicUrl: string;
  apiKey?: string;
  variant: string;
  /** Fast retries for Anthropic too (the scripted model's outages). */
  fastAnthropic?: boolean;
  /** Settings on top of the defaults (models, trusted key origins). */
  settings?: Partial<Settings>;
  database?: CleraDatabase;
  harnessErrors: string[];
}

/** Puts the case's account fixture and outages into the simulator. */
export function seedBroker(item: EvalCase, broker: CaseBroker): void {
  for (const asset of item.account.assets) broker.state.addAsset({ symbol: asset.symbol, name: asset.name, price: asset.price });
  if (item.account.cash !== undefined) broker.state.setCash(item.account.cash);
  for (const p of item.account.positions) broker.state.setPosition(p.symbol, p.qty, p.avgEntryPrice);
  for (const [symbol, price] of Object.entries(item.account.prices)) broker.state.setPrice(symbol, price);
  for (const outage of item.outages) broker.faults.setStatusSequence(outage.route, outage.statuses);
}

function toolCallsOf(states: RunState[]): ToolCallRecord[] {
  const calls: ToolCallRecord[] = [];
  for (const state of states) {
    for (const message of state.transcript) {
      for (const block of message.content) {
        if (block.type === 'tool_use' || block.type === 'server_tool_use') {
          const id = typeof block.id === 'string' ? block.id : '';
          const result = state.toolResults[id];
          calls.push({ name: typeof block.name === 'string' ? block.name : '?', input: block.input, ok: result?.ok ?? block.type === 'server_tool_use', content: result?.content ?? '' });
        }
      }
    }
  }
  return calls;
}

/** Runs one case's turn (the broker already seeded) through the real background app and observes what it did. */
export async function runTurn(item: EvalCase, setup: TurnSetup): Promise<CaseOutcome> {
  const started = performance.now();
  const { broker, harnessErrors } = setup;
  const offset = EVAL_NOW.getTime() - performance.now();
  const clock = clockFrom(() => new Date(performance.now() + offset));
  const anthropicPolicy = setup.fastAnthropic ? { anthropic: { backoffInitialMs: 10, backoffMaxMs: 30, halfOpenAfterMs: 60_000 } } : {};
  const platform: Partial<BackgroundPlatform> = { fetch: setup.fetch, clock, resilience: { config: { 'alpaca-trading': fastAlpaca, 'alpaca-data': fastAlpaca, ...anthropicPolicy } } };
  const bg = startBackground({ platform, ...(setup.database ? { database: setup.database } : {}) });
  await bg.configure({
    anthropicUrl: setup.anthropicUrl,
    alpacaTradingUrl: broker.tradingUrl,
    alpacaDataUrl: broker.dataUrl,
    ...(setup.apiKey === undefined ? {} : { apiKey: setup.apiKey }),
    // The prompt variant under test gets every conversation, through the app's own experiment split.
    settings: { ...setup.settings, experiment: { split: [{ variant: setup.variant, weight: 100 }] } },
  });

  // Without profile support the suitability grader reports 'not-applicable'; the turn still runs.
  if (item.profile && profileSupported()) await bg.client.request({ type: 'profile-save', profile: item.profile });
  const conversationId = await startTurn(item, bg, clock);
  await bg.idle();
  // Metric spans are written in batches about a second after the first one; wait for the batch.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  const session = await bg.client.request({ type: 'conversation-open', conversationId });
  const answer = session.messages.filter((m) => m.role === 'assistant' || m.role === 'notice').at(-1);
  const runRows = await runsOf(bg.database, conversationId);
  const spans = (await bg.database.spans.toArray()).map((row) => spanSchema.parse(row.value)).filter((s) => s.kind === 'model-call');
  const modelCalls: ModelCallRecord[] = spans.map((s) => ({
    model: s.model ?? 'unknown',
    tokens: s.tokens ?? { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    costUsd: s.costUsd === undefined ? null : Number(s.costUsd),
  }));
  return {
    caseId: item.id,
    status: answer ? answer.status : 'missing',
    answerText: answer?.text ?? '',
    agent: answer?.meta?.agent ?? null,
    disclosure: answer?.meta?.disclosure === true,
    fallback: answer?.meta?.fallback ?? null,
    variant: answer?.meta?.variant ?? null,
    toolCalls: toolCallsOf(runRows.map((r) => r.state)),
    modelCalls,
    orderPosts: broker.requests.filter((r) => r.method === 'POST' && r.path === '/v2/orders').length,
    proposals: session.proposals.map((p) => ({ status: p.status, side: p.draft.side, symbol: p.draft.symbol, ...(p.draft.amount ? { amount: p.draft.amount } : {}), ...(p.draft.quantity ? { quantity: p.draft.quantity } : {}), blocked: p.blocked })),
    context: [...item.conversation.map((t) => t.text), ...(item.pageText ? [item.pageText] : []), EVAL_NOW.toISOString().slice(0, 10)],
    harnessErrors,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Seeds the earlier turns (as the app stores them), then sends the last one: through chat, or "Analyze ticker". */
async function startTurn(item: EvalCase, bg: ReturnType<typeof startBackground>, clock: ReturnType<typeof clockFrom>): Promise<string> {
  await bg.app.ready;
  if (item.pageText !== undefined) {
    const { conversationId, symbol } = await bg.app.analyzeSelection(item.pageText);
    if (symbol === null) throw new Error(`case ${item.id}: Analyze ticker found no symbol in the page text`);
    return conversationId;
  }
  const earlier = item.conversation.slice(0, -1);
  const last = item.conversation.at(-1)?.text ?? '';
  if (earlier.length === 0) return (await bg.client.request({ type: 'chat-send', text: last })).conversationId;
  const { conversations } = await storedRecords(bg.database, clock);
  const conversation = await conversations.create(earlier[0]?.text.slice(0, 40));
  for (const turn of earlier) await conversations.append({ conversationId: conversation.id, role: turn.role, text: turn.text, status: 'complete' });
  await bg.client.request({ type: 'chat-send', conversationId: conversation.id, text: last });
  return conversation.id;
}
