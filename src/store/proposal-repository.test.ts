import { afterEach, describe, expect, it } from 'vitest';
import { clockFrom } from '../platform/clock';
import { proposalStatuses, type Proposal, type ProposalStatus } from '../protocol/proposal';
import { IllegalTransitionError, canTransition } from '../protocol/proposal-lifecycle';
import { openVault } from '../platform/vault';
import { openDatabase, type CleraDatabase } from './db';
import { createKeyRepository } from './key-repository';
import { createProposalRepository } from './proposal-repository';

const databases: CleraDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

let dbCount = 0;
async function setup() {
  const db = openDatabase(`proposals-${String(++dbCount)}`);
  databases.push(db);
  const later = new Date('2026-03-02T15:00:00.000Z');
  const vault = await openVault(createKeyRepository(db));
  return { db, repository: createProposalRepository(db, vault, clockFrom(() => later)), later };
}

function proposal(id: string, status: ProposalStatus): Proposal {
  return {
    id,
    version: 1,
    revision: 1,
    conversationId: 'conv_1',
    runId: 'run_1',
    status,
    mode: 'paper',
    draft: { side: 'buy', symbol: 'AAPL', amount: '100', type: 'market', time_in_force: 'day' },
    description: 'Buy $100.00 of AAPL at market',
    rules: [],
    blocked: false,
    estimate: { price: '190.00', shares: '0.526316', cost: '100.00', buyingPowerAfter: '900.00', weightBeforePct: 0, weightAfterPct: 10, executes: 'now' },
    quote: { price: '190', at: '2026-03-02T14:59:00.000Z' },
    priceMove: null,
    fromPageText: false,
    clientOrderId: `clera-${id}`,
    order: null,
    error: null,
    confirmedAt: null,
    expiresAt: '2026-03-02T15:10:00.000Z',
    createdAt: '2026-03-02T14:59:00.000Z',
    updatedAt: '2026-03-02T14:59:00.000Z',
    edits: 0,
  };
}

const everyPair = proposalStatuses.flatMap((from) => proposalStatuses.map((to) => ({ from, to })));

describe('proposal repository: compare-and-set by the state machine', () => {
  it.each(everyPair.filter(({ from, to }) => canTransition(from, to)))('saves $from → $to with the change and a new stamp', async ({ from, to }) => {
    const { repository, later } = await setup();
    await repository.create(proposal('p1', from));
    const saved = await repository.transition('p1', { from: [from], to }, (current) => ({ ...current, edits: current.edits + 1 }));
    expect(saved).toMatchObject({ status: to, edits: 1, updatedAt: later.toISOString() });
    expect(await repository.get('p1')).toEqual(saved);
  });

  it.each(everyPair.filter(({ from, to }) => !canTransition(from, to)))('refuses $from → $to and saves nothing', async ({ from, to }) => {
    const { repository } = await setup();
    await repository.create(proposal('p1', from));
    await expect(repository.transition('p1', { from: [from], to })).rejects.toBeInstanceOf(IllegalTransitionError);
    expect(await repository.get('p1')).toEqual(proposal('p1', from));
  });

  it('answers undefined, and saves nothing, when the status already moved on (the race a second click loses)', async () => {
    const { repository } = await setup();
    await repository.create(proposal('p1', 'rejected'));
    expect(await repository.transition('p1', { from: ['pending'], to: 'submitting' })).toBeUndefined();
    expect((await repository.get('p1'))?.status).toBe('rejected');
  });

  it('refuses a declared move the table forbids even when the saved status would not match', async () => {
    const { repository } = await setup();
    await repository.create(proposal('p1', 'pending'));
    await expect(repository.transition('p1', { from: ['pending', 'filled'], to: 'submitting' })).rejects.toBeInstanceOf(IllegalTransitionError);
    expect((await repository.get('p1'))?.status).toBe('pending');
  });

  it('lets exactly one of two simultaneous confirmations win', async () => {
    const { repository } = await setup();
    await repository.create(proposal('p1', 'pending'));
    const results = await Promise.all([1, 2].map(() => repository.transition('p1', { from: ['pending'], to: 'submitting' })));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('adds one to the revision on every save', async () => {
    const { repository } = await setup();
    await repository.create(proposal('p1', 'pending'));
    expect((await repository.transition('p1', { from: ['pending'], to: 'pending' }))?.revision).toBe(2);
    expect((await repository.transition('p1', { from: ['pending'], to: 'submitting' }))?.revision).toBe(3);
    expect((await repository.get('p1'))?.revision).toBe(3);
  });

  it('a check that throws refuses the move, and nothing is saved', async () => {
    const { repository } = await setup();
    await repository.create(proposal('p1', 'pending'));
    const refusal = new Error('changed since shown');
    const move = repository.transition('p1', { from: ['pending'], to: 'submitting', check: () => { throw refusal; } }, (p) => ({ ...p, edits: 9 }));
    await expect(move).rejects.toBe(refusal);
    expect(await repository.get('p1')).toEqual(proposal('p1', 'pending'));
  });

  it('a count made in the check cannot interleave with another move: two confirmations against a one-order cap, one wins', async () => {
    const { repository } = await setup();
    await repository.create(proposal('p1', 'pending'));
    await repository.create(proposal('p2', 'pending'));
    const confirm = (id: string) =>
      repository.transition(id, {
        from: ['pending'],
        to: 'submitting',
        check: async (_current, read) => {
          if ((await read.withStatus(['submitting'])).length >= 1) throw new Error('daily cap reached');
        },
      });
    const outcomes = await Promise.allSettled([confirm('p1'), confirm('p2')]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await repository.withStatus(['submitting'])).toHaveLength(1);
  });

  it('applies both of two simultaneous edits of a pending proposal (the later one starts over from the saved row)', async () => {
    const { repository } = await setup();
    await repository.create(proposal('p1', 'pending'));
    const edit = () => repository.transition('p1', { from: ['pending'], to: 'pending' }, (current) => ({ ...current, edits: current.edits + 1 }));
    await Promise.all([edit(), edit(), edit()]);
    expect((await repository.get('p1'))?.edits).toBe(3);
  });
});

describe('proposal repository: sealed at rest', () => {
  it('keeps only ids, status, version and times in the clear', async () => {
    const { db, repository } = await setup();
    await repository.create(proposal('p1', 'pending'));
    const row = await db.proposals.get('p1');
    expect(Object.keys(row ?? {}).sort()).toEqual(['conversationId', 'createdAt', 'id', 'runId', 'sealed', 'status', 'updatedAt', 'version']);
    expect(JSON.stringify(row)).not.toMatch(/AAPL|190|Buy \$100/);
  });

  it('does not open a sealed proposal copied onto another proposal’s row', async () => {
    const { db, repository } = await setup();
    await repository.create(proposal('p1', 'pending'));
    await repository.create(proposal('p2', 'pending'));
    const first = await db.proposals.get('p1');
    await db.proposals.update('p2', { sealed: first?.sealed });
    expect(await repository.get('p2')).toBeUndefined();
    expect(await repository.get('p1')).toEqual(proposal('p1', 'pending'));
  });
});
