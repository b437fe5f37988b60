import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from './support';
import { orderPosts, proposeThroughChat } from './trading-support';
import { defaultSettings, type TradingLimits } from '../../src/protocol/settings';
import type { Proposal } from '../../src/protocol/proposal';
import { easternDate } from '../../src/finance/calendar-date';
import { rewriteProposal } from '../support/stored-records';

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.alpaca.state.setCash('20000');
  scenario.alpaca.state.setPrice('AAPL', '200');
  scenario.alpaca.state.setPrice('MSFT', '400');
});
afterEach(async () => { await scenario.close(); });

async function limitTrading(limits: Partial<TradingLimits>) {
  await scenario.bg.configure({
    anthropicUrl: scenario.anthropic.url,
    alpacaTradingUrl: scenario.alpaca.tradingUrl,
    alpacaDataUrl: scenario.alpaca.dataUrl,
    settings: { trading: { ...defaultSettings().trading, ...limits } },
  });
}

const confirm = (proposal: Proposal) =>
  scenario.bg.client.request({ type: 'proposal-decide', proposalId: proposal.id, decision: 'confirm', revision: proposal.revision, liveConfirmed: false });

/** Rewrites a saved proposal, as time passing and the broker's follow-ups would have left it. */
async function rewrite(id: string, change: (proposal: Proposal) => Proposal) {
  await rewriteProposal(scenario.bg.database, id, change);
}

const rule = (proposal: Proposal, id: string) => proposal.rules.find((r) => r.id === id);

describe('daily limits count and change status in one step', () => {
  it('two proposals confirmed at once against a one-order daily cap: exactly one is submitted', async () => {
    await limitTrading({ maxDailyOrders: 1 });
    const { proposal: first } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '100' });
    const { proposal: second } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'MSFT', amount: '100' });
    expect([first.blocked, second.blocked]).toEqual([false, false]);

    const outcomes = await Promise.allSettled([confirm(first), confirm(second)]);
    await scenario.bg.idle();

    expect(orderPosts(scenario)).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refusal?.reason).toMatchObject({ code: 'blocked' });
    expect((refusal?.reason as Error).message).toMatch(/daily limit is 1 order/);
  });
});

describe('which orders count today', () => {
  it('an order submitted on an earlier New York day and updated today does not count today', async () => {
    await limitTrading({ maxDailyOrders: 1 });
    const { proposal: earlier } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', amount: '100' });
    await confirm(earlier);
    await scenario.bg.idle();
    const before = new Date(Date.now() - 26 * 3_600_000).toISOString(); // never today in New York
    expect(easternDate(before)).not.toBe(easternDate(new Date().toISOString()));
    // Submitted then; a follow-up from the broker re-stamped it today.
    await rewrite(earlier.id, (p) => ({
      ...p,
      createdAt: before,
      confirmedAt: before,
      order: p.order ? { ...p.order, submittedAt: before } : null,
      updatedAt: new Date().toISOString(),
    }));

    const { proposal } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'MSFT', amount: '100' });
    expect(rule(proposal, 'daily-count')).toMatchObject({ outcome: 'pass', reason: 'This is order 1 of the 1 allowed today.' });
    expect(proposal.blocked).toBe(false);
  });

  it('an order partially filled and then cancelled today counts, at the notional it filled', async () => {
    await limitTrading({ maxDailyNotional: '2500' });
    const { proposal: earlier } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'AAPL', quantity: '20' });
    const now = new Date().toISOString();
    // 10 of the 20 shares filled at $200, then the rest was cancelled.
    await rewrite(earlier.id, (p) => ({
      ...p,
      status: 'cancelled',
      confirmedAt: now,
      order: { id: 'order-1', status: 'canceled', filledQty: '10', filledAvgPrice: '200', submittedAt: now },
      updatedAt: now,
    }));

    const { proposal } = await proposeThroughChat(scenario, { side: 'buy', symbol: 'MSFT', amount: '400' });
    expect(rule(proposal, 'daily-count')?.reason).toBe('This is order 2 of the 10 allowed today.');
    expect(rule(proposal, 'daily-notional')).toMatchObject({ outcome: 'pass', reason: expect.stringContaining('$2,000.00 earlier today plus $400.00') as unknown });

    const { proposal: tooMuch } = await scenario.bg.client.request({ type: 'proposal-edit', proposalId: proposal.id, changes: { amount: '600' } });
    expect(rule(tooMuch, 'daily-notional')?.outcome).toBe('block');
    expect(tooMuch.blocked).toBe(true);
  });
});
