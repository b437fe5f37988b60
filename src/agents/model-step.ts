import type Anthropic from '@anthropic-ai/sdk';
import { AppError } from '../protocol/errors';
import { anthropicError, type AnthropicClient } from '../clients/anthropic';
import type { Clock } from '../platform/clock';
import type { AgentDefinition } from './agent';
import type { AgentId } from './registry';
import { streamModelCall } from './model-call';

export interface ModelCallInfo {
  agent: AgentId;
  model: string;
  /** The prompt the call ran on (the agent's prompt version, with a variant id when one applied). */
  promptVersion: string;
  /** Absent when the call failed. */
  usage?: Anthropic.Usage;
  stopReason: string | null;
  startedAt: Date;
  endedAt: Date;
  /** Time to the first streamed text, when there was any (from the monotonic clock). */
  ttftMs?: number;
  outcome: string;
  fallbackUsed: boolean;
}

export interface ModelStepDeps {
  client: AnthropicClient;
  clock: Clock;
  signal: AbortSignal;
  onModelCall?: (info: ModelCallInfo) => void;
}

/** One streamed call of one agent on one model, with the agent's time limit; reports its outcome for metrics. */
export async function callAgentModel(
  deps: ModelStepDeps,
  call: {
    agent: AgentDefinition<AgentId>;
    params: Anthropic.MessageCreateParamsStreaming;
    model: string;
    /** The agent's own model (a different `model` means the fallback model took the call). */
    preferred: string;
    promptVersion: string;
    /** Whether an agent fallback shaped this answer (a specialist's service was down). */
    agentFallback: boolean;
  },
  onText: (delta: string) => void,
): Promise<Anthropic.Message> {
  const startedAt = deps.clock.now();
  const started = deps.clock.monotonic();
  let firstText: number | undefined;
  const info = { agent: call.agent.id, model: call.model, promptVersion: call.promptVersion };
  try {
    const result = await streamModelCall(deps.client, { ...call.params, model: call.model }, {
      // Stop cancels at once; the agent's own time limit ends a call that hangs mid-stream.
      signal: AbortSignal.any([deps.signal, deps.clock.timeout(call.agent.timeoutMs)]),
      onText: (delta) => {
        firstText ??= deps.clock.monotonic();
        onText(delta);
      },
    });
    deps.onModelCall?.({
      ...info, usage: result.message.usage, stopReason: result.message.stop_reason, startedAt, endedAt: deps.clock.now(),
      ...(firstText === undefined ? {} : { ttftMs: Math.max(0, firstText - started) }),
      outcome: 'ok', fallbackUsed: call.model !== call.preferred || call.agentFallback,
    });
    return result.message;
  } catch (caught) {
    const error = !deps.signal.aborted && caught instanceof Error && (caught.name === 'TimeoutError' || caught.name === 'APIUserAbortError')
      ? new AppError({ kind: 'upstream', code: 'agent-timeout', message: `The answer took longer than ${String(call.agent.timeoutMs / 1000)} s and was stopped.`, retryable: true })
      : caught;
    const failure = anthropicError(error);
    deps.onModelCall?.({ ...info, stopReason: null, startedAt, endedAt: deps.clock.now(), outcome: `${failure.kind}:${failure.code}`, fallbackUsed: call.model !== call.preferred });
    throw error;
  }
}

/** An outage of the model provider (after the retries): the configured fallback model may take the call. */
export function isModelOutage(error: unknown): boolean {
  const info = anthropicError(error);
  return info.kind === 'upstream' && ['anthropic-overloaded', 'anthropic-error', 'anthropic-unreachable', 'anthropic-rate-limit', 'breaker-open'].includes(info.code);
}
