import type Anthropic from '@anthropic-ai/sdk';
import type { ToolContext, ToolDefinition } from '../tools/define-tool';
import { AppError } from '../protocol/errors';
import { anthropicError } from '../clients/anthropic';
import type { Clock } from '../platform/clock';
import { agents } from './registry';
import { handoffTool } from './handoff';
import { buildRequest, userContent } from './model-request';
import { addUsage, citationsOf, streamModelCall, toTranscriptBlocks } from './model-call';
import { runToolCall, type ToolCall } from './tool-runner';
import type { AgentId, RunState, TranscriptMessage } from './run-state';

export interface RunLoopDeps {
  client: Anthropic;
  models: { supervisor: string; specialist: string; fallback?: string };
  tools: readonly ToolDefinition[];
  webSearch: boolean;
  toolContext: ToolContext;
  clock: Clock;
  signal: AbortSignal;
  /** Persists the state after every step; the run can resume from any saved state. */
  save: (state: RunState) => Promise<void>;
  onText: (delta: string) => void;
  onActivity: (label: string) => void;
  /** Fires once per model call with the agent that made it (for metrics and the benchmark). */
  onModelCall?: (info: ModelCallInfo) => void;
  /** Fires after each tool call with its saved record (for metrics). */
  onToolResult?: (record: RunState['toolResults'][string]) => void;
  /** Fires when a degraded path is taken (a specialist's service or the model is down). */
  onFallback?: (fallback: RunState['fallbacks'][number]) => void;
  maxModelCalls?: number;
}

export interface ModelCallInfo {
  agent: AgentId;
  model: string;
  /** Absent when the call failed. */
  usage?: Anthropic.Usage;
  stopReason: string | null;
  startedAt: Date;
  endedAt: Date;
  /** Time to the first streamed text, when there was any. */
  ttftMs?: number;
  outcome: string;
  fallbackUsed: boolean;
}

export interface TurnInput {
  history: Anthropic.MessageParam[];
  userText: string;
  /** The user's profile and remembered facts for the system prompt, after the cached instructions (empty: none). */
  personal?: string | undefined;
}

export interface RunOutcome {
  state: RunState;
  citations: { url: string; title: string }[];
  /** Whether any market or portfolio data was used: such answers carry the not-investment-advice disclosure. */
  touchedSecurities: boolean;
}

const AGENT_ORDER: AgentId[] = ['financial_analyst', 'portfolio_manager', 'trade_executor'];

/**
 * Who answers next. The first call is the supervisor's: it answers directly (one model call), or calls the tools of
 * the specialist(s) it routes to. The next call is made by that specialist, in its own voice and with its own model
 * (two model calls for a single-specialist question); when tools of several specialists were used (the "should I
 * buy" hybrid), the supervisor writes the one combined recommendation.
 */
export function nextAgent(state: RunState): AgentId {
  if (state.modelCalls === 0) return 'supervisor';
  const fallback = state.fallbacks.at(-1);
  if (fallback) return fallback.to;
  if (state.handoff) return state.handoff;
  const specialists = [...new Set(state.route)];
  return specialists.length === 1 && specialists[0] ? specialists[0] : 'supervisor';
}

function pendingToolCalls(transcript: TranscriptMessage[]): ToolCall[] {
  const last = transcript.at(-1);
  if (last?.role !== 'assistant') return [];
  return last.content.flatMap((block) =>
    block.type === 'tool_use' && typeof block.id === 'string' && typeof block.name === 'string' ? [{ id: block.id, name: block.name, input: block.input }] : [],
  );
}

function agentOf(name: string, tools: readonly ToolDefinition[]): AgentId | undefined {
  if (name === handoffTool.name) return 'trade_executor';
  return tools.find((tool) => tool.name === name)?.agent;
}

async function runPendingTools(state: RunState, deps: RunLoopDeps, calls: ToolCall[]): Promise<RunState> {
  let current = state;
  // Specialists act in a fixed order (analyst, then portfolio manager, then trade desk); one agent's reads run together.
  const byAgent = (call: ToolCall) => {
    const index = AGENT_ORDER.indexOf(agentOf(call.name, deps.tools) ?? 'supervisor');
    return index === -1 ? AGENT_ORDER.length : index;
  };
  const groups = new Map<number, ToolCall[]>();
  for (const call of calls) groups.set(byAgent(call), [...(groups.get(byAgent(call)) ?? []), call]);
  for (const order of [...groups.keys()].sort((a, b) => a - b)) {
    const group = (groups.get(order) ?? []).filter((call) => !(call.id in current.toolResults));
    const results = await Promise.all(
      group.map(async (call) => {
        const tool = call.name === handoffTool.name ? handoffTool : deps.tools.find((t) => t.name === call.name);
        if (tool) {
          const parsed = tool.input.safeParse(call.input);
          deps.onActivity(parsed.success ? (tool).activity(parsed.data) : 'Checking the request…');
        }
        return [call, await runToolCall(call, [...deps.tools, handoffTool], deps.toolContext, deps.clock)] as const;
      }),
    );
    for (const [call, record] of results) {
      deps.onToolResult?.(record);
      const agent = agentOf(call.name, deps.tools);
      current = {
        ...current,
        toolResults: { ...current.toolResults, [call.id]: record },
        route: agent && record.ok && call.name !== handoffTool.name && !current.route.includes(agent) ? [...current.route, agent] : current.route,
        handoff: call.name === handoffTool.name && record.ok ? 'trade_executor' : current.handoff,
      };
    }
    if (group.length > 0) await deps.save(current);
  }
  const resultMessage: TranscriptMessage = {
    role: 'user',
    content: calls.map((call) => {
      const record = current.toolResults[call.id];
      return { type: 'tool_result', tool_use_id: call.id, content: record?.content ?? '{"error":{"message":"missing result"}}', ...(record?.ok === false ? { is_error: true } : {}) };
    }),
  };
  current = { ...current, transcript: [...current.transcript, resultMessage] };
  await deps.save(current);
  return current;
}

/** Where each specialist's work goes when its service is down (the seed guide's fallback strategies). */
const FALLBACK_FOR: Record<string, { to: AgentId; instruction: string }> = {
  portfolio_manager: {
    to: 'financial_analyst',
    instruction: "The user's account data could not be fetched. Answer with the market data you can get, and say plainly that their holdings, cash and orders are unavailable right now.",
  },
  financial_analyst: {
    to: 'supervisor',
    instruction: 'Live market data could not be fetched. Answer from your general knowledge only, say clearly at the start that this is not live data, and give no current prices or recent figures.',
  },
  trade_executor: {
    to: 'supervisor',
    instruction: 'The order could not be prepared because the broker is unavailable. Nothing was placed. Give short step-by-step guidance for placing the order by hand in the Alpaca dashboard, and do not claim anything was ordered.',
  },
};

/** Specialists all of whose tool calls in this step failed because their service is down: they get a fallback. */
export function outageFallbacks(state: RunState, calls: ToolCall[]): RunState['fallbacks'] {
  const byAgent = new Map<string, { failed: number; total: number; reason: string }>();
  for (const call of calls) {
    const record = state.toolResults[call.id];
    if (!record || call.name === handoffTool.name) continue;
    const entry = byAgent.get(record.agent) ?? { failed: 0, total: 0, reason: '' };
    entry.total += 1;
    if (!record.ok && record.errorKind === 'upstream') {
      entry.failed += 1;
      entry.reason ||= errorMessageOf(record.content);
    }
    byAgent.set(record.agent, entry);
  }
  const out: RunState['fallbacks'] = [];
  for (const [agent, entry] of byAgent) {
    const plan = FALLBACK_FOR[agent];
    if (plan && entry.total > 0 && entry.failed === entry.total && !state.fallbacks.some((f) => f.from === agent)) {
      out.push({ from: agent, to: plan.to, reason: entry.reason || 'the service is unavailable' });
    }
  }
  return out;
}

function errorMessageOf(content: string): string {
  const match = /"message":"((?:[^"\\]|\\.)*)"/.exec(content);
  return match?.[1] ?? '';
}

function fallbackNotice(state: RunState): string | undefined {
  const fallback = state.fallbacks.at(-1);
  if (!fallback) return undefined;
  const plan = FALLBACK_FOR[fallback.from];
  return `Service notice: ${plan?.instruction ?? 'A service is unavailable; say what is missing.'} (Reason: ${fallback.reason})`;
}

const isOutage = (error: unknown) => {
  const info = anthropicError(error);
  return info.kind === 'upstream' && ['anthropic-overloaded', 'anthropic-error', 'anthropic-unreachable', 'anthropic-rate-limit', 'breaker-open'].includes(info.code);
};

/** Runs (or resumes) one turn until the answering agent ends it. Every step is saved before the next begins. */
export async function runTurn(input: TurnInput, initial: RunState, deps: RunLoopDeps): Promise<RunOutcome> {
  let state = initial;
  const citations: { url: string; title: string }[] = [];
  const maxCalls = deps.maxModelCalls ?? 8;
  for (;;) {
    const pending = pendingToolCalls(state.transcript);
    if (pending.length > 0) {
      state = await runPendingTools(state, deps, pending);
      const fallbacks = outageFallbacks(state, pending);
      if (fallbacks.length > 0) {
        state = { ...state, fallbacks: [...state.fallbacks, ...fallbacks] };
        for (const fallback of fallbacks) deps.onFallback?.(fallback);
        await deps.save(state);
      }
    }

    if (state.modelCalls >= maxCalls) {
      throw new AppError({ kind: 'model-contract', code: 'too-many-steps', message: 'Clera needed too many steps for this question. Try asking something narrower.', retryable: false });
    }
    const agentId = nextAgent(state);
    const agent = agents[agentId];
    const preferred = agent.model === 'supervisor' ? deps.models.supervisor : deps.models.specialist;
    const fallbackModel = deps.models.fallback ?? '';
    let model = state.failedModels.includes(preferred) && fallbackModel ? fallbackModel : preferred;
    deps.onActivity(state.modelCalls === 0 ? 'Thinking…' : 'Writing the answer…');
    const params = buildRequest({
      agent,
      model,
      history: input.history,
      userContent: userContent(input.userText, state.pageText),
      transcript: state.transcript,
      tools: deps.tools,
      webSearch: deps.webSearch,
      now: deps.clock.now(),
      notice: fallbackNotice(state),
      personal: input.personal,
    });
    state = { ...state, modelCalls: state.modelCalls + 1 };
    await deps.save(state);
    const separator = state.text.trim() ? '\n\n' : '';
    let wroteSeparator = false;
    const progress = { wroteText: false };
    const call = async (modelId: string) => {
      const startedAt = deps.clock.now();
      let firstText: number | undefined;
      try {
        const result = await streamModelCall(deps.client, { ...params, model: modelId }, {
        // Stop cancels at once; the agent's own time limit ends a call that hangs mid-stream.
        signal: AbortSignal.any([deps.signal, AbortSignal.timeout(agent.timeoutMs)]),
        onText: (delta) => {
          firstText ??= Date.now();
          progress.wroteText = true;
          if (!wroteSeparator && separator) {
            wroteSeparator = true;
            deps.onText(separator);
            state = { ...state, text: state.text + separator };
          }
          state = { ...state, text: state.text + delta };
          deps.onText(delta);
        },
      });
        const endedAt = deps.clock.now();
        deps.onModelCall?.({
          agent: agentId, model: modelId, usage: result.message.usage, stopReason: result.message.stop_reason, startedAt, endedAt,
          ...(firstText === undefined ? {} : { ttftMs: Math.max(0, firstText - startedAt.getTime()) }),
          outcome: 'ok', fallbackUsed: modelId !== preferred || state.fallbacks.length > 0,
        });
        return result;
      } catch (caught) {
        const error = !deps.signal.aborted && (caught instanceof Error && (caught.name === 'TimeoutError' || caught.name === 'APIUserAbortError'))
          ? new AppError({ kind: 'upstream', code: 'agent-timeout', message: `The answer took longer than ${String(agent.timeoutMs / 1000)} s and was stopped.`, retryable: true })
          : caught;
        const info = anthropicError(error);
        deps.onModelCall?.({ agent: agentId, model: modelId, stopReason: null, startedAt, endedAt: deps.clock.now(), outcome: `${info.kind}:${info.code}`, fallbackUsed: modelId !== preferred });
        throw error;
      }
    };
    let message: Anthropic.Message;
    try {
      ({ message } = await call(model));
    } catch (error) {
      // The model provider is down after the retries: try the configured fallback model once, but only if nothing
      // of this answer was shown yet (switching models mid-answer would repeat or contradict text).
      if (deps.signal.aborted || progress.wroteText || !fallbackModel || model === fallbackModel || !isOutage(error)) throw error;
      const fallback = { from: `model:${model}`, to: agentId, reason: anthropicError(error).message };
      state = { ...state, failedModels: [...state.failedModels, model], fallbacks: [...state.fallbacks, fallback] };
      deps.onFallback?.(fallback);
      await deps.save(state);
      model = fallbackModel;
      ({ message } = await call(model));
    }
    citations.push(...citationsOf(message.content));
    state = {
      ...state,
      usage: addUsage(state.usage, message.usage),
      transcript: [...state.transcript, { role: 'assistant', content: toTranscriptBlocks(message.content) }],
    };
    await deps.save(state);
    if (message.stop_reason === 'tool_use' || message.stop_reason === 'pause_turn') continue;
    if (message.stop_reason === 'max_tokens') state = { ...state, text: `${state.text}\n\n*(The answer was cut short.)*` };
    if (message.stop_reason === 'refusal') state = { ...state, text: state.text || 'I can’t help with that request.' };
    return { state, citations, touchedSecurities: state.route.length > 0 || state.handoff !== null };
  }
}
