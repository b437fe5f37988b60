import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { clockFrom } from '../platform/clock';
import { openVault } from '../platform/vault';
import { openDatabase, type CleraDatabase } from '../store/db';
import { createKeyRepository } from '../store/key-repository';
import { createConversationRepository } from '../store/conversation-repository';
import { createRunRepository } from '../store/run-repository';
import { freshRunState } from '../agents/run-state';
import { conversationMarkdown } from '../protocol/conversation-export';
import type { Chart } from '../protocol/chart';
import { createConversationArchive } from './conversation-archive';

const databases: CleraDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function setup() {
  const db = openDatabase(`archive-${crypto.randomUUID()}`);
  databases.push(db);
  let n = 0;
  const clock = clockFrom(() => new Date(Date.UTC(2026, 2, 10, 15, 0, n)));
  const ids = { next: (prefix?: string) => `${prefix ?? 'id'}_${String(++n)}` };
  const vault = await openVault(createKeyRepository(db));
  const conversations = createConversationRepository(db, vault, clock, ids);
  const runs = createRunRepository(db, vault, clock, ids);
  return { db, conversations, runs, archive: createConversationArchive({ conversations, runs, clock }) };
}

const chart: Chart = {
  id: 'perf-NVDA',
  kind: 'line',
  title: 'NVDA vs S&P 500',
  source: { provider: 'Alpaca market data (IEX feed)', range: { start: '2026-03-02', end: '2026-03-03' }, asOf: '2026-03-10T15:00:00.000Z' },
  x: ['2026-03-02', '2026-03-03'],
  unit: 'index',
  series: [{ label: 'NVDA', values: [100, 104.2] }, { label: 'S&P 500', values: [100, 100.8] }],
};

describe('conversation archive', () => {
  it('exports the decrypted text with the figures and the tools behind each answer', async () => {
    const { conversations, runs, archive } = await setup();
    const conversation = await conversations.create('NVDA this month');
    const question = await conversations.append({ conversationId: conversation.id, role: 'user', text: 'How did NVDA do against the S&P 500?', status: 'complete' });
    const state = freshRunState(question.id, 'a', null);
    state.toolResults = { tu1: { name: 'get_performance_vs_benchmark', agent: 'financial_analyst', ok: true, content: '{}', startedAt: '2026-03-10T15:00:01.000Z', endedAt: '2026-03-10T15:00:02.000Z', charts: [chart] } };
    const run = await runs.create(conversation.id, state);
    await conversations.append({ conversationId: conversation.id, role: 'assistant', text: 'NVDA rose 4.2% while the S&P 500 rose 0.8%.', status: 'complete', meta: { agent: 'financial_analyst', runId: run.id, charts: [chart] } });

    const doc = await archive.export(conversation.id);
    expect(doc.conversation.title).toBe('NVDA this month');
    expect(doc.messages.map((m) => [m.role, m.text])).toEqual([
      ['user', 'How did NVDA do against the S&P 500?'],
      ['assistant', 'NVDA rose 4.2% while the S&P 500 rose 0.8%.'],
    ]);
    expect(doc.messages[1]?.tools).toEqual([{ name: 'get_performance_vs_benchmark', agent: 'financial_analyst', ok: true, at: '2026-03-10T15:00:02.000Z' }]);
    expect(doc.messages[1]?.charts[0]?.title).toBe('NVDA vs S&P 500');
    expect(conversationMarkdown(doc)).toContain('`get_performance_vs_benchmark` (financial analyst, ok');
  });

  it('refuses a conversation that does not exist', async () => {
    const { archive } = await setup();
    await expect(archive.export('nope')).rejects.toThrow('no longer exists');
  });

  it('finds conversations by a word of any message or the title, case-insensitive, with a snippet', async () => {
    const { conversations, archive } = await setup();
    const a = await conversations.create('Bonds');
    await conversations.append({ conversationId: a.id, role: 'user', text: 'What about BND?', status: 'complete' });
    await conversations.append({ conversationId: a.id, role: 'assistant', text: 'BND holds investment-grade bonds; its duration is about six years.', status: 'complete' });
    const b = await conversations.create('Tech');
    await conversations.append({ conversationId: b.id, role: 'assistant', text: 'Your tech exposure is 41%.', status: 'complete' });

    const hits = await archive.search('DURATION');
    expect(hits.map((hit) => hit.conversationId)).toEqual([a.id]);
    expect(hits[0]?.snippet).toContain('its duration is about six years');
    expect((await archive.search('tech')).map((hit) => [hit.conversationId, hit.matches])).toEqual([[b.id, 2]]);
    expect(await archive.search('zebra')).toEqual([]);
    expect(await archive.search('   ')).toEqual([]);
  });

  it('searches 1,000 sealed messages (timing reported, not asserted)', async () => {
    const { conversations, archive } = await setup();
    for (let c = 0; c < 50; c += 1) {
      const conversation = await conversations.create(`Conversation ${String(c)}`);
      for (let m = 0; m < 20; m += 1) {
        const word = c === 37 && m === 11 ? 'quokka' : 'portfolio';
        await conversations.append({ conversationId: conversation.id, role: m % 2 === 0 ? 'user' : 'assistant', text: `Message ${String(m)} about the ${word}, with enough words to look like an answer of a few lines. `.repeat(4), status: 'complete' });
      }
    }
    const started = performance.now();
    const hits = await archive.search('quokka');
    const ms = performance.now() - started;
    expect(hits).toHaveLength(1);
    expect(hits[0]?.title).toBe('Conversation 37');
    console.info(`[bench] search over 1,000 sealed messages in 50 conversations: ${ms.toFixed(0)} ms (fake-indexeddb in Node)`);
  }, 120_000);
});
