import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { modelRequests, startScenario, type Scenario } from './support';
import { startBackground } from '../support/background-harness';
import { allRuns } from '../support/stored-records';

let scenario: Scenario;
beforeEach(async () => { scenario = await startScenario(); });
afterEach(async () => { await scenario.close(); });

const until = async (condition: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('a run is saved after every tool result', () => {
  it('Retry after a worker stopped once propose_order ran, before the next model call, creates no second proposal', async () => {
    scenario.alpaca.state.setCash('10000');
    scenario.alpaca.state.setPrice('AAPL', '200');
    // The order-status look-up beside the proposal hangs: the worker "stops" while it is in flight, after the proposal.
    scenario.alpaca.faults.setLatency('GET /v2/orders/{order_id}', 60_000);
    scenario.anthropic.setScript((_request, { call }) =>
      call === 0
        ? message(
            toolUse('propose_order', { side: 'buy', symbol: 'AAPL', amount: '100' }),
            toolUse('get_order_status', { order_id: '7d2c7c56-3a57-4a0a-9a4e-5f2f7e0f0a11' }),
          )
        : message(text('I prepared the order; please review and confirm it below.')),
    );
    const first = scenario.bg;
    const { conversationId, messageId } = await first.client.request({ type: 'chat-send', text: 'Buy $100 of AAPL and check order 7d2c7c56' });
    const proposals = async () => (await first.client.request({ type: 'conversation-open', conversationId })).proposals;
    await until(async () => (await proposals()).length > 0, 5_000);
    expect(await proposals()).toHaveLength(1);
    // Give the saved run a moment to catch up with the finished tool (it is saved per tool result, or not at all).
    await until(async () => (await allRuns(first.database)).some((run) => JSON.stringify(run.state).includes('"propose_order"')), 1_000);

    // A new app on the same database stands for the restarted worker.
    const second = startBackground({ database: first.database });
    await second.app.ready;
    const interrupted = (await second.client.request({ type: 'conversation-open', conversationId })).messages.find((m) => m.id === messageId);
    expect(interrupted?.status).toBe('interrupted');
    scenario.alpaca.faults.clear();

    const retried = await second.client.request({ type: 'chat-retry', conversationId, messageId });
    await second.idle();
    const after = await second.client.request({ type: 'conversation-open', conversationId });
    expect(after.messages.find((m) => m.id === retried.messageId)?.text).toBe('I prepared the order; please review and confirm it below.');
    expect(after.proposals).toHaveLength(1);
    expect(modelRequests(scenario.anthropic)).toHaveLength(2);
    first.client.close();
  });
});
