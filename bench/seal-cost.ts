/**
 * The time sealing at rest adds to a save: one streamed-message save (`conversations.update`, as the chat does every
 * 250 ms and at the end of an answer) and one run-state save (`runs.save`, after every step), each against the plain
 * write the previous version made, on fake-indexeddb with Node's WebCrypto. `tsx bench/seal-cost.ts` prints it.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomIds, systemClock } from '../src/platform/clock';
import { openVault } from '../src/platform/vault';
import { openDatabase } from '../src/store/db';
import { createKeyRepository } from '../src/store/key-repository';
import { createConversationRepository } from '../src/store/conversation-repository';
import { createRunRepository } from '../src/store/run-repository';
import { runStateSchema } from '../src/agents/run-state';
import { percentile } from './stats';
import { parseJson } from '../src/protocol/json';

export interface SealCostRow {
  what: string;
  bytes: number;
  plainP50Ms: number;
  sealedP50Ms: number;
  sealedP95Ms: number;
  addedP50Ms: number;
  sealOnlyP50Ms: number;
}

async function time(rounds: number, work: (round: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await work(round);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

const p = (samples: number[], at: number) => percentile(samples, at);

export async function measureSealCost(rounds = 300): Promise<SealCostRow[]> {
  const db = openDatabase(`bench-seal-${crypto.randomUUID()}`);
  const vault = await openVault(createKeyRepository(db));
  const conversations = createConversationRepository(db, vault, systemClock, randomIds);
  const runs = createRunRepository(db, vault, systemClock, randomIds);
  const conversation = await conversations.create('Bench');
  const answer = await conversations.append({ conversationId: conversation.id, role: 'assistant', text: '', status: 'streaming' });
  // An answer of about 1,500 characters (a long streamed reply) with figures in it.
  const text = (round: number) => `Your portfolio holds VOO, AAPL, BND, MSFT and NVDA worth $${String(25_000 + round)}.00. `.repeat(18);

  // The previous version's message save: a plain update, then the row read back.
  const plainId = 'msg_plain';
  await db.messages.put({ id: plainId, conversationId: conversation.id, seq: 99, role: 'assistant', text: '', status: 'streaming', createdAt: '', updatedAt: '' });
  const plainMessage = await time(rounds, async (round) => {
    await db.messages.update(plainId, { text: text(round), updatedAt: systemClock.now().toISOString() });
    return db.messages.get(plainId);
  });
  const sealedMessage = await time(rounds, (round) => conversations.update(answer.id, { text: text(round) }));
  const sealMessageOnly = await time(rounds, (round) => vault.seal(JSON.stringify({ role: 'assistant', text: text(round) }), `messages/${answer.id}`));

  // A run state of a portfolio question: the fixture with ten tool results of about 1 KB each.
  const base = parseJson(runStateSchema, readFileSync(path.resolve(import.meta.dirname, '../tests/fixtures/run-state/v2-handoff.json'), 'utf8'));
  const results = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`toolu_${String(i)}`, { name: 'get_portfolio_summary', agent: 'portfolio_manager', ok: true, content: JSON.stringify({ positions: 'x'.repeat(1000) }), startedAt: '2026-03-10T15:00:01.000Z', endedAt: '2026-03-10T15:00:01.001Z' }]));
  const state = runStateSchema.parse({ ...base, toolResults: { ...base.toolResults, ...results } });
  const run = await runs.create(conversation.id, state);
  const plainRunId = 'run_plain';
  await db.runs.put({ id: plainRunId, conversationId: conversation.id, status: 'running', version: state.version, state, createdAt: '', updatedAt: '' });
  const plainRun = await time(rounds, (round) => db.runs.update(plainRunId, { state: runStateSchema.parse({ ...state, modelCalls: round }), version: state.version, updatedAt: systemClock.now().toISOString() }));
  const sealedRun = await time(rounds, (round) => runs.save(run.id, { ...state, modelCalls: round }));
  const sealRunOnly = await time(rounds, (round) => vault.seal(JSON.stringify({ state: { ...state, modelCalls: round } }), `runs/${run.id}`));
  db.close();

  const row = (what: string, bytes: number, plain: number[], sealed: number[], sealOnly: number[]): SealCostRow => ({
    what,
    bytes,
    plainP50Ms: p(plain, 50),
    sealedP50Ms: p(sealed, 50),
    sealedP95Ms: p(sealed, 95),
    addedP50Ms: p(sealed, 50) - p(plain, 50),
    sealOnlyP50Ms: p(sealOnly, 50),
  });
  return [
    row('message save (streamed answer)', text(0).length, plainMessage, sealedMessage, sealMessageOnly),
    row('run-state save (after a step)', JSON.stringify(state).length, plainRun, sealedRun, sealRunOnly),
  ];
}

export function renderSealCost(rows: readonly SealCostRow[]): string {
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  return [
    '',
    '## Sealing at rest',
    '',
    'Message text, run state, proposals and summaries are sealed with AES-GCM before they are written. Measured here:',
    'one save through the repository against the plain write the previous version made (300 rounds each, fake-indexeddb',
    'and Node’s WebCrypto, not Chromium’s). "Seal only" is the encryption alone. Target: under 2 ms added per record.',
    '',
    '| save | size | plain p50 | sealed p50 | sealed p95 | added p50 | seal only p50 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.what} | ${String(r.bytes)} B | ${ms(r.plainP50Ms)} | ${ms(r.sealedP50Ms)} | ${ms(r.sealedP95Ms)} | ${ms(r.addedP50Ms)} | ${ms(r.sealOnlyP50Ms)} |`),
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(renderSealCost(await measureSealCost()));
}
