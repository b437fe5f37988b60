import { afterEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from './support';
import { auditTypes, orderPosts, proposeThroughChat } from './trading-support';
import { startBackground } from '../support/background-harness';
import { storedRecords } from '../support/stored-records';
import type { BackgroundPlatform } from '../../src/background-app';
import type { Proposal } from '../../src/protocol/proposal';

/**
 * Issue 9, item 6: after Confirm, an outcome Clera cannot establish (the POST's answer lost and the look-ups failing,
 * a storage error after the broker accepted the order, a worker that stopped mid-submission) is shown as unknown, a
 * follow-up is scheduled, and the follow-up corrects the card and the chat from what the broker says. While the
 * outcome is unknown nothing offers to order again, and a second Confirm sends nothing.
 */

const UNKNOWN = 'Outcome unknown, checking with the broker…';

/** Short waits: retries back off from 20 ms and an opened circuit lets a probe through after 150 ms. */
const fast: Partial<BackgroundPlatform> = {
  resilience: {
    config: {
      'alpaca-trading': { backoffInitialMs: 20, backoffMaxMs: 40, halfOpenAfterMs: 150, timeoutMs: 1_000 },
    },
  },
};

let scenario: Scenario | undefined;
afterEach(async () => { await scenario?.close(); scenario = undefined; });

async function start(platform: Partial<BackgroundPlatform> = {}): Promise<Scenario> {
  const started = await startScenario({ platform: { ...fast, ...platform } });
  started.alpaca.state.setCash('10000');
  started.alpaca.state.setPrice('AAPL', '200');
  return started;
}

const LOOKUP = 'GET /v2/orders:by_client_order_id';
const failLookups = (s: Scenario) => { s.alpaca.faults.setStatusSequence(LOOKUP, Array.from({ length: 60 }, () => 500)); };
const waitForCircuit = () => new Promise((resolve) => setTimeout(resolve, 200));

const confirm = (s: Scenario, proposal: Proposal, bg = s.bg) =>
  bg.client.request({ type: 'proposal-decide', proposalId: proposal.id, revision: proposal.revision, decision: 'confirm', liveConfirmed: false });

async function session(s: Scenario, conversationId: string, bg = s.bg) {
  return bg.client.request({ type: 'conversation-open', conversationId });
}

/** Creates the order at the broker as if an earlier request had reached it, with the proposal's client_order_id. */
async function brokerReceives(s: Scenario, proposal: Proposal) {
  const created = await fetch(`${s.alpaca.tradingUrl}/v2/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'APCA-API-KEY-ID': s.alpaca.keyId, 'APCA-API-SECRET-KEY': s.alpaca.secret },
    body: JSON.stringify({ symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', notional: proposal.draft.amount, client_order_id: proposal.clientOrderId }),
  });
  expect(created.status).toBe(200);
}

describe('an order whose outcome is unknown', () => {
  it('lost POST response and failing look-ups: shown as unknown, followed up, then corrected to filled; never offered again', async () => {
    scenario = await start();
    const { proposal, conversationId } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '150' });
    scenario.alpaca.faults.dropNext('POST /v2/orders', { afterProcessing: true }); // the broker creates it; the answer is lost
    failLookups(scenario);
    const followUpsBefore = scenario.bg.followUps.length;

    const decided = await confirm(scenario, proposal).catch((error: unknown) => error);
    await scenario.bg.idle();
    expect(decided).toMatchObject({ proposal: { status: 'unknown' } });
    const during = await session(scenario, conversationId);
    expect(during.proposals[0]?.status).toBe('unknown');
    expect(during.messages.at(-1)?.text).toContain(UNKNOWN);
    expect(during.messages.at(-1)?.text).not.toMatch(/ask (clera )?again|new order|not placed/i); // no invitation to order again
    expect(scenario.bg.followUps.length).toBeGreaterThan(followUpsBefore);
    expect(scenario.bg.events.some((e) => e.type === 'proposal-upsert' && e.proposal.id === proposal.id && e.proposal.status === 'unknown')).toBe(true);

    // A second Confirm (another panel, a stale card) sends nothing while the outcome is unknown.
    const again = await confirm(scenario, proposal);
    expect(again.proposal.status).toBe('unknown');
    expect(orderPosts(scenario)).toHaveLength(1);

    // The broker answers again: the follow-up finds the order and corrects the card and the chat.
    scenario.alpaca.faults.clear();
    await waitForCircuit();
    await scenario.bg.app.followUp();
    await scenario.bg.idle();
    const after = await session(scenario, conversationId);
    expect(after.proposals[0]?.status).toBe('filled');
    expect(after.messages.some((m) => m.text.startsWith('Correction: Alpaca did receive your order'))).toBe(true);
    expect(orderPosts(scenario)).toHaveLength(1);
    expect(scenario.alpaca.state.orders()).toHaveLength(1);
    const types = await auditTypes(scenario, proposal.id);
    expect(types.slice(0, 4)).toEqual(['proposed', 'rules', 'confirmed', 'outcome-unknown']);
    expect(types).toContain('filled');
    expect((await scenario.bg.client.request({ type: 'audit-verify' })).status).toBe('intact');
  });

  it('a storage error after the broker accepted the order: unknown, then the follow-up finds it', async () => {
    scenario = await start();
    const { proposal, conversationId } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '220' });
    // The write that records "submitted" fails once (a full disk, a closing database): the broker has the order.
    const table = scenario.bg.database.proposals;
    const put = table.put.bind(table);
    let failures = 0;
    table.put = ((row: { status?: string }, key?: unknown) => {
      if (row.status === 'submitted' && failures === 0) {
        failures += 1;
        return Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError'));
      }
      return key === undefined ? put(row as never) : put(row as never, key as never);
    }) as unknown as typeof table.put;

    const decided = await confirm(scenario, proposal).catch((error: unknown) => error);
    await scenario.bg.idle();
    expect(failures).toBe(1);
    expect(decided).toMatchObject({ proposal: { status: 'unknown' } });
    const during = await session(scenario, conversationId);
    expect(during.proposals[0]?.status).toBe('unknown');
    expect(during.messages.at(-1)?.text).toContain(UNKNOWN);
    expect(scenario.bg.followUps.length).toBeGreaterThan(0);

    await scenario.bg.app.followUp();
    await scenario.bg.idle();
    const after = await session(scenario, conversationId);
    expect(after.proposals[0]?.status).toBe('filled');
    expect(after.messages.some((m) => m.text.startsWith('Correction: Alpaca did receive your order'))).toBe(true);
    expect(orderPosts(scenario)).toHaveLength(1);
  });

  it('a restart with the broker unreachable keeps asking; the order found later corrects the card', async () => {
    scenario = await start();
    const { proposal, conversationId } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '130' });
    // The worker stopped after the intent was saved; whether the POST left is not known.
    await (await storedRecords(scenario.bg.database)).proposals.transition(proposal.id, { from: ['pending'], to: 'submitting' }, (p) => ({ ...p, confirmedAt: new Date().toISOString() }));
    failLookups(scenario);
    const restarted = startBackground({ database: scenario.bg.database, platform: fast });
    await restarted.app.ready;
    await restarted.idle();
    const during = await session(scenario, conversationId, restarted);
    expect(during.proposals[0]?.status).toBe('unknown');
    expect(during.messages.at(-1)?.text).toContain(UNKNOWN);
    expect(restarted.followUps.length).toBeGreaterThan(0);

    // The broker is reachable again, and the order did reach it.
    scenario.alpaca.faults.clear();
    await waitForCircuit();
    await brokerReceives(scenario, proposal);
    await restarted.app.followUp();
    await restarted.idle();
    const after = await session(scenario, conversationId, restarted);
    expect(after.proposals[0]?.status).toBe('filled');
    expect(after.messages.some((m) => m.text.startsWith('Correction: Alpaca did receive your order'))).toBe(true);
    expect(orderPosts(scenario)).toHaveLength(1); // the one made above: nothing was sent again
  });

  const WINDOW_MS = 1_500;
  it('a restart within the look-up window stays unknown when the broker has no order yet, and says not placed after it', async () => {
    scenario = await start();
    const { proposal, conversationId } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '140' });
    await (await storedRecords(scenario.bg.database)).proposals.transition(proposal.id, { from: ['pending'], to: 'submitting' }, (p) => ({ ...p, confirmedAt: new Date().toISOString() }));
    const restarted = startBackground({ database: scenario.bg.database, platform: { ...fast, orderUnknownWindowMs: WINDOW_MS } });
    await restarted.app.ready;
    await restarted.idle();
    expect((await session(scenario, conversationId, restarted)).proposals[0]?.status).toBe('unknown');
    const scheduled = restarted.followUps.length;
    expect(scheduled).toBeGreaterThan(0);
    // Still inside the window: the broker's silence is not yet an answer.
    await restarted.app.followUp();
    await restarted.idle();
    expect((await session(scenario, conversationId, restarted)).proposals[0]?.status).toBe('unknown');
    expect(restarted.followUps.length).toBeGreaterThan(scheduled);

    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 50));
    await restarted.app.followUp();
    await restarted.idle();
    const after = await session(scenario, conversationId, restarted);
    expect(after.proposals[0]?.status).toBe('failed');
    expect(after.proposals[0]?.error?.code).toBe('order-not-placed');
    expect(after.messages.at(-1)?.text).toMatch(/not placed/i);
    expect(scenario.alpaca.state.orders()).toHaveLength(0);
    expect(orderPosts(scenario)).toHaveLength(0);
  });

  it('while an order is unknown, a new order for the same symbol is blocked and one for another symbol is flagged; once settled, neither', async () => {
    scenario = await start();
    scenario.alpaca.state.setPrice('MSFT', '400');
    const { proposal } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '150' });
    scenario.alpaca.faults.dropNext('POST /v2/orders', { afterProcessing: true });
    failLookups(scenario);
    await confirm(scenario, proposal).catch(() => undefined);
    await scenario.bg.idle();

    // "It seems not to have worked, buy it again": the same order cannot be confirmed while the first may be placed.
    // The broker answers again (the failing look-ups had opened the circuit), but no follow-up has run yet: still unknown.
    scenario.alpaca.faults.setStatusSequence(LOOKUP, []);
    await waitForCircuit();
    const { proposal: other } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'MSFT', amount: '100' });
    expect(other.rules.find((r) => r.id === 'unsettled-orders')).toMatchObject({ outcome: 'warn' });
    expect(other.blocked).toBe(false);
    const { proposal: again } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '150' });
    expect(again.blocked).toBe(true);
    expect(again.rules.find((r) => r.id === 'unsettled-orders')).toMatchObject({
      outcome: 'block',
      reason: expect.stringMatching(/Buy \$150\.00 of AAPL.*not .*twice/) as unknown,
    });
    const refused = await confirm(scenario, again).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'blocked' });
    expect(orderPosts(scenario)).toHaveLength(1);

    // The follow-up learns the broker has it: the first order is settled, and the checks pass again.
    await scenario.bg.app.followUp();
    await scenario.bg.idle();
    const { proposal: later } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '150' });
    expect(later.rules.find((r) => r.id === 'unsettled-orders')).toMatchObject({ outcome: 'pass' });
  });
});

