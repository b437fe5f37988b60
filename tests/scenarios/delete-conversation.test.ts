import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from './support';
import { proposeThroughChat } from './trading-support';
import { spanSchema, type Span } from '../../src/monitoring/span';
import { rewriteProposal, storedRecords } from '../support/stored-records';

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.alpaca.state.setCash('10000');
  scenario.alpaca.state.setPrice('AAPL', '200');
});
afterEach(async () => { await scenario.close(); });

const db = () => scenario.bg.database;
const rowsOf = async (conversationId: string) => ({
  messages: await db().messages.where('conversationId').equals(conversationId).count(),
  runs: await db().runs.where('conversationId').equals(conversationId).count(),
  proposals: await db().proposals.where('conversationId').equals(conversationId).count(),
  conversation: (await db().conversations.get(conversationId)) !== undefined,
});
/** The spans of a run as stored (the recorder writes in the background: wait until they are there). */
async function spansOf(runIds: readonly string[]): Promise<Span[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const rows = await db().spans.where('runId').anyOf([...runIds]).toArray();
    if (rows.some((row) => row.kind === 'agent-run')) return rows.map((row) => spanSchema.parse(row.value));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the run’s spans were never written');
}
const decide = (proposalId: string, revision: number, decision: 'confirm' | 'reject') =>
  scenario.bg.client.request({ type: 'proposal-decide', proposalId, revision, decision, liveConfirmed: false });

describe('deleting a conversation', () => {
  it('is refused with a clear message while an order in it waits for the user’s decision, and nothing is deleted', async () => {
    const { proposal, conversationId } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '500' });
    expect(proposal.status).toBe('pending');
    const before = await rowsOf(conversationId);

    const refused = await scenario.bg.client.request({ type: 'conversation-delete', conversationId }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'conversation-has-pending-order' });
    expect((refused as Error).message).toMatch(/order.*waiting for your decision.*Confirm or Reject/i);
    expect(await rowsOf(conversationId)).toEqual(before);
    expect((await scenario.bg.client.request({ type: 'conversation-open', conversationId })).proposals.map((p) => p.status)).toEqual(['pending']);
  });

  it('takes its messages, runs, decided proposals and summary in one go, and leaves its spans’ figures without their text', async () => {
    const { proposal, conversationId } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '500' });
    await decide(proposal.id, proposal.revision, 'confirm');
    await scenario.bg.idle();
    expect((await db().proposals.get(proposal.id))?.status).toBe('filled');
    await (await storedRecords(db())).summaries.save({ conversationId, throughSeq: 1, summary: 'Bought AAPL.', facts: [], createdAt: new Date().toISOString() });
    const runIds = (await db().runs.where('conversationId').equals(conversationId).toArray()).map((row) => row.id);
    const spans = await spansOf(runIds);
    expect(spans.some((span) => span.conversationId === conversationId)).toBe(true);
    expect(spans.some((span) => Object.values(span.detail ?? {}).some((value) => typeof value === 'string'))).toBe(true);

    expect(await scenario.bg.client.request({ type: 'conversation-delete', conversationId })).toEqual({ deleted: true });

    expect(await rowsOf(conversationId)).toEqual({ messages: 0, runs: 0, proposals: 0, conversation: false });
    expect(await db().summaries.get(conversationId)).toBeUndefined();
    const kept = (await db().spans.bulkGet(spans.map((span) => span.id))).map((row) => spanSchema.parse(row?.value));
    // The figures stay (the metrics view keeps counting them); what tied them to the conversation, and any text, goes.
    expect(kept.map((span) => [span.id, span.kind, span.latencyMs, span.tokens, span.costUsd, span.outcome])).toEqual(
      spans.map((span) => [span.id, span.kind, span.latencyMs, span.tokens, span.costUsd, span.outcome]),
    );
    for (const span of kept) {
      expect(span.conversationId).toBeUndefined();
      expect(Object.values(span.detail ?? {}).filter((value) => typeof value === 'string')).toEqual([]);
    }
    expect(JSON.stringify(await db().spans.toArray())).not.toContain(conversationId);
    // The trade's audit entries are the user's record of it: they stay, and still verify.
    expect((await scenario.bg.client.request({ type: 'audit-verify' })).status).toBe('intact');
  });

  it('goes through once the waiting order is rejected', async () => {
    const { proposal, conversationId } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '500' });
    await expect(scenario.bg.client.request({ type: 'conversation-delete', conversationId })).rejects.toMatchObject({ code: 'conversation-has-pending-order' });
    await decide(proposal.id, proposal.revision, 'reject');
    expect(await scenario.bg.client.request({ type: 'conversation-delete', conversationId })).toEqual({ deleted: true });
    expect(await rowsOf(conversationId)).toEqual({ messages: 0, runs: 0, proposals: 0, conversation: false });
  });

  it('is refused while its order is still open at the broker (the follow-up needs the proposal)', async () => {
    const { proposal, conversationId } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '500' });
    await rewriteProposal(db(), proposal.id, (current) => ({ ...current, status: 'submitted' }));
    const refused = await scenario.bg.client.request({ type: 'conversation-delete', conversationId }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'conversation-has-open-order' });
    expect((refused as Error).message).toMatch(/open at the broker/);
    expect((await rowsOf(conversationId)).proposals).toBe(1);
  });
});
