import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from './support';
import { auditTypes, orderPosts, proposeThroughChat } from './trading-support';

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.alpaca.state.setCash('20000');
  scenario.alpaca.state.setPrice('AAPL', '200');
});
afterEach(async () => { await scenario.close(); });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the simulated broker has received more than `count` requests. */
async function brokerReached(count: number) {
  while (scenario.alpaca.requests.length <= count) await pause(5);
}

const proposalNow = async (conversationId: string, id: string) =>
  (await scenario.bg.client.request({ type: 'conversation-open', conversationId })).proposals.find((p) => p.id === id);

describe('Confirm places exactly what the card showed', () => {
  it('an edit to $9,000 that lands while a Confirm of the $100 card is being checked places nothing', async () => {
    const { proposal, conversationId } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '100' });
    expect(proposal.blocked).toBe(false);
    const shown = proposal.revision;

    // The edit's broker reads answer quickly, the Confirm's slowly: the edit is saved between the Confirm's rule
    // check (of the $100 it read) and its status change.
    scenario.alpaca.faults.setLatency('*', 150);
    const before = scenario.alpaca.requests.length;
    const editing = scenario.bg.client.request({ type: 'proposal-edit', proposalId: proposal.id, changes: { amount: '9000' } });
    await brokerReached(before);
    scenario.alpaca.faults.setLatency('*', 900);
    const confirming = scenario.bg.client.request({ type: 'proposal-decide', proposalId: proposal.id, decision: 'confirm', revision: shown, liveConfirmed: false });

    const { proposal: edited } = await editing;
    expect(edited.blocked).toBe(true); // over the $5,000 per-order limit
    const refused = await confirming.then(() => undefined, (error: unknown) => error);
    scenario.alpaca.faults.setLatency('*', 0);
    await scenario.bg.idle();

    expect(orderPosts(scenario).map((post) => post.body)).toEqual([]);
    expect(scenario.alpaca.state.orders().filter((o) => o.client_order_id === proposal.clientOrderId)).toHaveLength(0);
    expect(refused).toMatchObject({ code: 'proposal-changed' });
    expect((refused as Error).message).toMatch(/changed/i);
    const after = await proposalNow(conversationId, proposal.id);
    expect(after).toMatchObject({ status: 'pending', blocked: true, draft: { amount: '9000.00' } });
    expect(await auditTypes(scenario, proposal.id)).not.toContain('confirmed');
  });

  it('a Confirm carrying an older revision than the saved draft is refused, and the card gets the current one', async () => {
    const { proposal, conversationId } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '100' });
    const { proposal: edited } = await scenario.bg.client.request({ type: 'proposal-edit', proposalId: proposal.id, changes: { amount: '250' } });
    expect(edited.revision).toBeGreaterThan(proposal.revision);
    scenario.bg.events.length = 0;

    const refused = await scenario.bg.client
      .request({ type: 'proposal-decide', proposalId: proposal.id, decision: 'confirm', revision: proposal.revision, liveConfirmed: false })
      .then(() => undefined, (error: unknown) => error);
    await scenario.bg.idle();
    expect(refused).toMatchObject({ code: 'proposal-changed' });
    expect(orderPosts(scenario)).toHaveLength(0);
    // The panel is sent the proposal as it is now, so the card shows the $250 draft.
    const upserts = scenario.bg.events.flatMap((event) => (event.type === 'proposal-upsert' && event.proposal.id === proposal.id ? [event.proposal] : []));
    expect(upserts.at(-1)).toMatchObject({ revision: edited.revision, draft: { amount: '250.00' }, status: 'pending' });
    expect((await proposalNow(conversationId, proposal.id))?.status).toBe('pending');

    // Confirming what the card now shows places the $250 order, and the record says exactly what was confirmed.
    await scenario.bg.client.request({ type: 'proposal-decide', proposalId: proposal.id, decision: 'confirm', revision: edited.revision, liveConfirmed: false });
    await scenario.bg.idle();
    expect(orderPosts(scenario).map((post) => (post.body as { notional: string }).notional)).toEqual(['250.00']);
    const { entries } = await scenario.bg.client.request({ type: 'audit-list', limit: 50 });
    const confirmed = entries.find((entry) => entry.proposalId === proposal.id && entry.type === 'confirmed');
    expect(confirmed?.data).toMatchObject({ revision: edited.revision, draft: edited.draft, description: edited.description });
  });

  it('after a price move the card asks again, and only a Confirm of the re-priced card places the order', async () => {
    const { proposal } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '100' });
    scenario.alpaca.state.setPrice('AAPL', '210'); // 5 % up, past the 1 % setting
    const confirm = (revision: number) => scenario.bg.client.request({ type: 'proposal-decide', proposalId: proposal.id, decision: 'confirm', revision, liveConfirmed: false });

    const { proposal: repriced } = await confirm(proposal.revision);
    expect(repriced).toMatchObject({ status: 'pending', priceMove: { from: '200', to: '210' } });
    expect(repriced.revision).toBeGreaterThan(proposal.revision);
    expect(orderPosts(scenario)).toHaveLength(0);

    // A second click still carrying the card from before the move is refused; the re-priced card confirms.
    await expect(confirm(proposal.revision)).rejects.toMatchObject({ code: 'proposal-changed' });
    expect(orderPosts(scenario)).toHaveLength(0);
    await confirm(repriced.revision);
    await scenario.bg.idle();
    expect(orderPosts(scenario)).toHaveLength(1);
  });
});
