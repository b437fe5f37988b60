/**
 * Memory and context benchmark: the real background app in this process against the simulators (whose prompt cache
 * and token counts follow the API's rules). Two figures:
 * 1. the cached share of input tokens from a conversation's second turn, with a ten-value profile and twenty memories
 *    in the system prompt (the personal section sits after the cached instructions), next to the same without them;
 * 2. the input tokens of one turn at turns 1, 10 and 40 of a long conversation with a small token budget: flat once
 *    older turns are summarised, and how many summary calls that took.
 */
import 'fake-indexeddb/auto';
import { startAnthropicSimulator, message, text, type MessagesRequest } from '../tests/simulators/anthropic';
import { startAlpacaSimulator } from '../tests/simulators/alpaca';
import { startBackground } from '../tests/support/background-harness';
import { allRuns } from '../tests/support/stored-records';
import { openVault } from '../src/platform/vault';
import { createKeyRepository } from '../src/store/key-repository';
import { createMemoryRepository } from '../src/store/memory-repository';
import type { Profile } from '../src/protocol/memory';

export interface MemoryBenchResult {
  cache: { withMemory: TurnTokens[]; without: TurnTokens[]; profileValues: number; memories: number };
  long: { budget: number; turns: { turn: number; tokens: TurnTokens }[]; summaryCalls: number; totalTurns: number };
}
export interface TurnTokens {
  input: number;
  cacheRead: number;
  cacheWrite: number;
  /** cacheRead ÷ (input + cacheRead + cacheWrite). */
  cachedShare: number;
  total: number;
}

const profile: Profile = {
  goals: ['Retire at 60', 'Pay for two college educations', 'Keep a six-month emergency fund'],
  riskTolerance: 'moderate',
  horizon: 'over-10',
  experience: 'some',
  answerDetail: 'brief',
  monthlyAmount: '750',
  avoid: ['tobacco', 'weapons'],
  baseCurrency: 'USD',
};
const profileValues = (profile.goals?.length ?? 0) + (profile.avoid?.length ?? 0) + 6;

const isSummaryCall = (request: MessagesRequest) => JSON.stringify(request.system).includes('You summarise');

async function usageOfLastRun(bg: ReturnType<typeof startBackground>): Promise<TurnTokens> {
  const runs = await allRuns(bg.database);
  const usage = runs.at(-1)?.state.usage ?? { input: 0, cacheRead: 0, cacheWrite: 0 };
  const total = usage.input + usage.cacheRead + usage.cacheWrite;
  return { input: usage.input, cacheRead: usage.cacheRead, cacheWrite: usage.cacheWrite, total, cachedShare: total === 0 ? 0 : usage.cacheRead / total };
}

async function twoTurns(withMemory: boolean): Promise<TurnTokens[]> {
  const anthropic = await startAnthropicSimulator();
  const alpaca = await startAlpacaSimulator({ history: false });
  const bg = startBackground();
  try {
    await bg.configure({ anthropicUrl: anthropic.url, alpacaTradingUrl: alpaca.tradingUrl, alpacaDataUrl: alpaca.dataUrl });
    if (withMemory) {
      await bg.client.request({ type: 'profile-save', profile });
      const memories = createMemoryRepository(bg.database, await openVault(createKeyRepository(bg.database)));
      for (let i = 0; i < 20; i++) {
        const at = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
        await memories.put({
          id: `mem_bench_${String(i).padStart(2, '0')}`, text: `Remembered fact number ${String(i + 1)}: prefers low-cost index funds for goal ${String(i + 1)}`,
          kind: 'explicit', scope: 'profile', status: 'saved', source: { conversationId: 'conv_old', messageId: 'msg_old' }, createdAt: at, lastUsedAt: at, untrusted: false, replaces: null,
        });
      }
    }
    anthropic.setScript(() => message(text('Index funds spread your money across the whole market at a low cost. '.repeat(6))));
    const out: TurnTokens[] = [];
    const first = await bg.client.request({ type: 'chat-send', text: 'What is an index fund?' });
    await bg.idle();
    out.push(await usageOfLastRun(bg));
    await bg.client.request({ type: 'chat-send', conversationId: first.conversationId, text: 'And how does it compare with a bond fund?' });
    await bg.idle();
    out.push(await usageOfLastRun(bg));
    return out;
  } finally {
    await Promise.all([anthropic.close(), alpaca.close()]);
  }
}

async function longConversation(totalTurns: number, budget: number, log: (line: string) => void) {
  const anthropic = await startAnthropicSimulator();
  const alpaca = await startAlpacaSimulator({ history: false });
  const bg = startBackground();
  try {
    const view = await (async () => {
      await bg.configure({ anthropicUrl: anthropic.url, alpacaTradingUrl: alpaca.tradingUrl, alpacaDataUrl: alpaca.dataUrl });
      return bg.client.request({ type: 'settings-get' });
    })();
    await bg.client.request({ type: 'settings-save', settings: { ...view.settings, memory: { ...view.settings.memory, conversationTokenBudget: budget } }, secrets: {} });
    let summaryCalls = 0;
    anthropic.setScript((request) => {
      if (isSummaryCall(request)) {
        summaryCalls += 1;
        return message(text('The user is planning a diversified portfolio; they discussed index funds, bonds and cash buffers.'));
      }
      return message(text(`Turn answer: a balanced mix keeps risk in check. Your allocation of 60% stocks and 40% bonds is reasonable. ${'More detail on diversification and costs. '.repeat(20)}`));
    });
    const turns: { turn: number; tokens: TurnTokens }[] = [];
    let conversationId: string | undefined;
    for (let turn = 1; turn <= totalTurns; turn++) {
      const sent = await bg.client.request({ type: 'chat-send', conversationId, text: `Question ${String(turn)}: should I add $${String(100 * turn)} to my bond fund this month? ${'Some context about my situation. '.repeat(8)}` });
      conversationId = sent.conversationId;
      await bg.idle();
      if ([1, 10, 20, 30, 40].includes(turn)) {
        turns.push({ turn, tokens: await usageOfLastRun(bg) });
        log(`  turn ${String(turn)}: ${String(turns.at(-1)?.tokens.total)} input tokens`);
      }
    }
    return { budget, turns, summaryCalls, totalTurns };
  } finally {
    await Promise.all([anthropic.close(), alpaca.close()]);
  }
}

export async function runMemoryBench(options: { log: (line: string) => void }): Promise<MemoryBenchResult> {
  const withMemory = await twoTurns(true);
  const without = await twoTurns(false);
  options.log(`  cached share at turn 2: ${(100 * (withMemory[1]?.cachedShare ?? 0)).toFixed(1)}% with memory, ${(100 * (without[1]?.cachedShare ?? 0)).toFixed(1)}% without`);
  const long = await longConversation(40, 3000, options.log);
  return { cache: { withMemory, without, profileValues, memories: 20 }, long };
}

const pct = (share: number) => `${(100 * share).toFixed(1)}%`;

export function renderMemoryBench(result: MemoryBenchResult): string {
  const row = (label: string, t: TurnTokens | undefined) => (t ? `| ${label} | ${String(t.input)} | ${String(t.cacheRead)} | ${String(t.cacheWrite)} | ${String(t.total)} | ${pct(t.cachedShare)} |` : `| ${label} | – | – | – | – | – |`);
  return [
    '',
    '## Memory and long conversations',
    '',
    `Measured by \`bench/memory-context.ts\` (real background app, simulators' prompt cache). Personal section: a profile with ${String(result.cache.profileValues)} values and ${String(result.cache.memories)} memories, placed after the cached instructions.`,
    '',
    '| Turn (same conversation) | Input | Cache read | Cache write | Total input | Cached share |',
    '|---|---|---|---|---|---|',
    row('1, with profile and memories', result.cache.withMemory[0]),
    row('2, with profile and memories', result.cache.withMemory[1]),
    row('1, without', result.cache.without[0]),
    row('2, without', result.cache.without[1]),
    '',
    `Long conversation, budget ${String(result.long.budget)} tokens, ${String(result.long.totalTurns)} turns: ${String(result.long.summaryCalls)} summary calls in all.`,
    '',
    '| Turn | Total input tokens | Cached share |',
    '|---|---|---|',
    ...result.long.turns.map(({ turn, tokens }) => `| ${String(turn)} | ${String(tokens.total)} | ${pct(tokens.cachedShare)} |`),
    '',
  ].join('\n');
}

// Run on its own: `npx tsx bench/memory-context.ts` prints the section (npm run bench appends it to docs/benchmarks.md).
if (process.argv[1]?.endsWith('memory-context.ts')) {
  const result = await runMemoryBench({ log: (line) => { console.log(line); } });
  console.log(renderMemoryBench(result));
}
