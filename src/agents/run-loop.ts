import type Anthropic from '@anthropic-ai/sdk';
import type { AnthropicClient } from '../clients/anthropic';
import type { ToolContext } from '../tools/define-tool';
import { AppError } from '../protocol/errors';
import { anthropicError } from '../clients/anthropic';
import type { Clock } from '../platform/clock';
import { agents, specialists, tools, type AgentId } from './registry';
import { supervisor } from './supervisor';
import { renderPrompt, type PromptVariant } from './prompt';
import { buildRequest, userContent } from './model-request';
import { addUsage, citationsOf, toTranscriptBlocks } from './model-call';
import { callAgentModel, isModelOutage, type ModelCallInfo } from './model-step';
import { fallbackNotice, outageFallbacks, pendingToolCalls, runPendingTools } from './tool-step';
import type { ToolRecord } from './tool-runner';
import type { Fallback, ModelFallback, RunState } from './run-state';

export type { ModelCallInfo } from './model-step';

export interface RunLoopDeps {
  client: AnthropicClient;
  models: { supervisor: string; specialist: string; fallback?: string };
  webSearch: boolean;
  toolContext: ToolContext;
  clock: Clock;
  signal: AbortSignal;
  /** Persists the state after every tool result and around every model call; the run can resume from any of them. */
  save: (state: RunState) => Promise<void>;
  /** Each streamed piece of the answer, with the whole text so far (the loop owns the text). */
  onText: (delta: string, text: string) => void;
  onActivity: (label: string) => void;
  /** Fires once per model call with the agent that made it (for metrics and the benchmark). */
  onModelCall?: (info: ModelCallInfo) => void;
  /** Fires after each tool call with its saved record (for metrics). */
  onToolResult?: (record: ToolRecord) => void;
  /** Fires when a degraded path is taken: a specialist's service is down, or the model is (the fallback model answers). */
  onFallback?: (fallback: Fallback | ModelFallback) => void;
  /** Prompt variants to run on (evaluations); a variant applies to the agent it names. */
  promptVariants?: readonly PromptVariant[];
  maxModelCalls?: number;
}

export interface TurnInput {
  history: Anthropic.MessageParam[];
  userText: string;
  /** The user's profile and remembered facts for the system prompt, after the cached instructions (empty: none). */
  personal?: string | undefined;
}

export interface RunOutcome {
  state: RunState;
  /** The answer as shown to the user, across all model calls of the turn. */
  text: string;
  /** The agent whose model call wrote the end of the answer. */
  answeredBy: AgentId;
  citations: { url: string; title: string }[];
  /** Whether any market or portfolio data was used: such answers carry the not-investment-advice disclosure. */
  touchedSecurities: boolean;
}

/**
 * Who answers next. The first call is the supervisor's: it answers directly (one model call), or calls the tools of
 * the specialist(s) it routes to. The next call is made by that specialist, in its own voice and with its own model
 * (two model calls for a single-specialist question); when tools of several specialists were used (the "should I
 * buy" hybrid), the supervisor writes the one combined recommendation. A specialist whose service was down passes
 * its work on (agent fallback). Which model answers never changes the route.
 */
export function nextAgent(state: RunState): AgentId {
  if (state.modelCalls === 0) return supervisor.id;
  const fallback = state.fallbacks.at(-1);
  if (fallback) return fallback.to;
  if (state.handoff) return state.handoff;
  const used = [...new Set(state.route)];
  return used.length === 1 && used[0] ? used[0] : supervisor.id;
}

/** Runs (or resumes) one turn until the answering agent ends it. Every tool result and model call is saved. */
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
    const agent = agents[nextAgent(state)];
    const preferred = agent.model === 'supervisor' ? deps.models.supervisor : deps.models.specialist;
    const fallbackModel = deps.models.fallback ?? '';
    let model = state.failedModels.includes(preferred) && fallbackModel ? fallbackModel : preferred;
    deps.onActivity(state.modelCalls === 0 ? 'Thinking…' : 'Writing the answer…');
    const prompt = renderPrompt(agent, { team: specialists }, deps.promptVariants?.find((variant) => variant.agent === agent.id));
    const params = buildRequest({
      prompt,
      model,
      history: input.history,
      userContent: userContent(input.userText, state.pageText),
      transcript: state.transcript,
      tools,
      webSearch: deps.webSearch,
      now: deps.clock.now(),
      notice: fallbackNotice(state),
      personal: input.personal,
    });
    state = { ...state, modelCalls: state.modelCalls + 1, answeredBy: agent.id };
    await deps.save(state);
    const separator = state.text.trim() ? '\n\n' : '';
    const progress = { wroteText: false };
    const append = (piece: string) => {
      state = { ...state, text: state.text + piece };
      deps.onText(piece, state.text);
    };
    const onText = (delta: string) => {
      if (!progress.wroteText && separator) append(separator);
      progress.wroteText = true;
      append(delta);
    };
    const call = (modelId: string) =>
      callAgentModel(deps, { agent, params, model: modelId, preferred, promptVersion: prompt.version, agentFallback: state.fallbacks.length > 0 }, onText);
    let message: Anthropic.Message;
    try {
      message = await call(model);
    } catch (error) {
      // The model provider is down after the retries: try the configured fallback model once, but only if nothing
      // of this answer was shown yet (switching models mid-answer would repeat or contradict text). The same agent
      // makes the call: a model fallback never changes the route.
      if (deps.signal.aborted || progress.wroteText || !fallbackModel || model === fallbackModel || !isModelOutage(error)) throw error;
      const fallback: ModelFallback = { model, to: fallbackModel, agent: agent.id, reason: anthropicError(error).message };
      state = { ...state, failedModels: [...state.failedModels, model], modelFallbacks: [...state.modelFallbacks, fallback] };
      deps.onFallback?.(fallback);
      await deps.save(state);
      model = fallbackModel;
      message = await call(model);
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
    return { state, text: state.text, answeredBy: agent.id, citations, touchedSecurities: state.route.length > 0 || state.handoff !== null };
  }
}
