import type { ToolContext } from '../tools/define-tool';
import type { Clock } from '../platform/clock';
import { agentList, fallbackFor, ownerOf, tools } from './registry';
import { runToolCall, type ToolCall, type ToolRecord } from './tool-runner';
import type { Fallback, RunState, TranscriptMessage } from './run-state';

export interface ToolStepDeps {
  toolContext: ToolContext;
  clock: Clock;
  save: (state: RunState) => Promise<void>;
  onActivity: (label: string) => void;
  onToolResult?: (record: ToolRecord) => void;
}

/** The tool calls of the last assistant message (the ones the run must answer before the next model call). */
export function pendingToolCalls(transcript: TranscriptMessage[]): ToolCall[] {
  const last = transcript.at(-1);
  if (last?.role !== 'assistant') return [];
  return last.content.flatMap((block) =>
    block.type === 'tool_use' && typeof block.id === 'string' && typeof block.name === 'string' ? [{ id: block.id, name: block.name, input: block.input }] : [],
  );
}

const handsOff = (name: string) => tools.find((tool) => tool.name === name)?.handsOff === true;

/** The position of a tool's owner in the registry: specialists act in that order; one agent's calls run together. */
function orderOf(call: ToolCall): number {
  const index = agentList.findIndex((agent) => agent.id === ownerOf(call.name));
  return index === -1 ? agentList.length : index;
}

/** What one finished tool call changes in the run: its result, the route, a hand-off. */
function withResult(state: RunState, call: ToolCall, record: ToolRecord): RunState {
  const agent = ownerOf(call.name);
  const handoff = handsOff(call.name);
  return {
    ...state,
    toolResults: { ...state.toolResults, [call.id]: record },
    route: agent && record.ok && !handoff && !state.route.includes(agent) ? [...state.route, agent] : state.route,
    handoff: handoff && record.ok && agent ? agent : state.handoff,
  };
}

/**
 * Runs the pending tool calls (those without a saved result), grouped by owner in registry order, and saves the run
 * after each result, so a worker stopped mid-step never runs a finished tool again on Retry. Then appends the tool
 * results message (saved too).
 */
export async function runPendingTools(state: RunState, deps: ToolStepDeps, calls: ToolCall[]): Promise<RunState> {
  let current = state;
  let saved = Promise.resolve();
  const groups = new Map<number, ToolCall[]>();
  for (const call of calls) groups.set(orderOf(call), [...(groups.get(orderOf(call)) ?? []), call]);
  for (const order of [...groups.keys()].sort((a, b) => a - b)) {
    const group = (groups.get(order) ?? []).filter((call) => !(call.id in current.toolResults));
    await Promise.all(
      group.map(async (call) => {
        const tool = tools.find((candidate) => candidate.name === call.name);
        if (tool) {
          const parsed = tool.input.safeParse(call.input);
          deps.onActivity(parsed.success ? tool.activity(parsed.data) : 'Checking the request…');
        }
        const record = await runToolCall(call, tools, deps.toolContext, deps.clock, (name) => ownerOf(name) ?? 'unknown');
        deps.onToolResult?.(record);
        current = withResult(current, call, record);
        const snapshot = current;
        // Saves run one after another, each with every result finished so far.
        saved = saved.then(() => deps.save(snapshot));
        await saved;
      }),
    );
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

/** Specialists all of whose tool calls in this step failed because their service is down: they get a fallback. */
export function outageFallbacks(state: RunState, calls: ToolCall[]): Fallback[] {
  const byAgent = new Map<string, { failed: number; total: number; reason: string }>();
  for (const call of calls) {
    const record = state.toolResults[call.id];
    if (!record || handsOff(call.name)) continue;
    const entry = byAgent.get(record.agent) ?? { failed: 0, total: 0, reason: '' };
    entry.total += 1;
    if (!record.ok && record.errorKind === 'upstream') {
      entry.failed += 1;
      entry.reason ||= errorMessageOf(record.content);
    }
    byAgent.set(record.agent, entry);
  }
  const out: Fallback[] = [];
  for (const [agent, entry] of byAgent) {
    const plan = fallbackFor(agent);
    const from = agentList.find((candidate) => candidate.id === agent)?.id;
    if (from && plan && entry.total > 0 && entry.failed === entry.total && !state.fallbacks.some((f) => f.from === agent)) {
      out.push({ from, to: plan.to, reason: entry.reason || 'the service is unavailable' });
    }
  }
  return out;
}

function errorMessageOf(content: string): string {
  const match = /"message":"((?:[^"\\]|\\.)*)"/.exec(content);
  return match?.[1] ?? '';
}

/** The notice for the answering agent when a specialist's service was down (only agent fallbacks, never the model's). */
export function fallbackNotice(state: RunState): string | undefined {
  const fallback = state.fallbacks.at(-1);
  if (!fallback) return undefined;
  const plan = fallbackFor(fallback.from);
  return `Service notice: ${plan?.instruction ?? 'A service is unavailable; say what is missing.'} (Reason: ${fallback.reason})`;
}
