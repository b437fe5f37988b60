import Dexie from 'dexie';
import { z } from 'zod';
import { parseJson } from '../../src/protocol/json';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A database as version 6 of the app wrote it (before sealing at rest): the full v6 schema and rows in their plain
 * v6 shapes, with content a test can look for afterwards (message text, a symbol, an amount, an account id).
 */
export const V6_SECRET_TEXT = 'Should I sell my NVDA position of 12345.67 in account PA3X9K2L?';
export const V6_SUMMARY_TEXT = 'Earlier the user asked about trimming TSLA worth 4321.09.';

export const v6Stores = {
  keys: 'id',
  settings: 'id',
  conversations: 'id, updatedAt',
  messages: 'id, [conversationId+seq], conversationId',
  runs: 'id, conversationId, status, updatedAt',
  proposals: 'id, conversationId, runId, status, updatedAt',
  audit: 'seq',
  auditHead: 'id',
  spans: 'id, kind, startedAt, runId, [kind+startedAt]',
  breakers: 'id',
  rollups: 'id, [grain+start]',
  feedback: 'id, runId, createdAt',
  evalImports: 'id, importedAt',
  alertRules: 'id',
  alertEvents: 'id, ruleId, firedAt',
  profile: 'id',
  memories: 'id, status, conversationId, lastUsedAt',
  summaries: 'conversationId',
};

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/run-state');
const runState = () => parseJson(z.record(z.string(), z.unknown()), readFileSync(join(fixtures, 'v2-handoff.json'), 'utf8'));

export function v6Proposal(id: string, status: string) {
  return {
    id,
    version: 1,
    conversationId: 'conv_old',
    runId: 'run_old_1',
    status,
    mode: 'paper',
    draft: { side: 'buy', symbol: 'NVDA', amount: '777.77', type: 'market', time_in_force: 'day' },
    description: 'Buy $777.77 of NVDA at market',
    rules: [],
    blocked: false,
    estimate: { price: '190.00', shares: '4.093526', cost: '777.77', buyingPowerAfter: '900.00', weightBeforePct: 0, weightAfterPct: 10, executes: 'now' },
    quote: { price: '190', at: '2026-03-02T14:59:00.000Z' },
    priceMove: null,
    fromPageText: false,
    clientOrderId: `clera-${id}`,
    order: null,
    error: null,
    expiresAt: '2026-03-02T15:10:00.000Z',
    createdAt: '2026-03-02T14:59:00.000Z',
    updatedAt: '2026-03-02T14:59:00.000Z',
    edits: 0,
  };
}

/** Writes a v6 database with one conversation of `messageCount` messages, two runs, two proposals and a summary. */
export async function writeV6Database(name: string, messageCount = 6): Promise<void> {
  const old = new Dexie(name);
  old.version(6).stores(v6Stores);
  await old.open();
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 14, minute)).toISOString();
  await old.table('conversations').put({ id: 'conv_old', title: V6_SECRET_TEXT.slice(0, 60), createdAt: at(0), updatedAt: at(30) });
  await old.table('messages').bulkPut(
    Array.from({ length: messageCount }, (_, index) => ({
      id: `msg_old_${String(index + 1).padStart(3, '0')}`,
      conversationId: 'conv_old',
      seq: index + 1,
      role: index % 2 === 0 ? 'user' : 'assistant',
      text: `${V6_SECRET_TEXT} (#${String(index + 1)})`,
      status: 'complete',
      createdAt: at(index),
      updatedAt: at(index),
      ...(index % 2 === 1 ? { meta: { agent: 'portfolio_manager', runId: 'run_old_1' } } : {}),
    })),
  );
  const state = runState();
  await old.table('runs').bulkPut([
    { id: 'run_old_1', conversationId: 'conv_old', status: 'completed', version: 2, state, createdAt: at(1), updatedAt: at(2) },
    { id: 'run_old_2', conversationId: 'conv_old', status: 'completed', version: 2, state: { ...state, text: V6_SECRET_TEXT }, createdAt: at(3), updatedAt: at(4) },
  ]);
  await old.table('proposals').bulkPut(
    [v6Proposal('prop_old_1', 'filled'), v6Proposal('prop_old_2', 'rejected')].map((value) => ({
      id: value.id, conversationId: value.conversationId, runId: value.runId, status: value.status, version: value.version, value, createdAt: value.createdAt, updatedAt: value.updatedAt,
    })),
  );
  await old.table('summaries').put({ conversationId: 'conv_old', value: { conversationId: 'conv_old', throughSeq: 2, summary: V6_SUMMARY_TEXT, facts: ['Holds 12345.67 of NVDA'], createdAt: at(5) } });
  old.close();
}
