import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from './support';
import { proposeThroughChat } from './trading-support';

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.alpaca.state.setCash('10000');
  scenario.alpaca.state.setPrice('AAPL', '200');
  scenario.alpaca.state.setPosition('AAPL', '10', '150');
});
afterEach(async () => { await scenario.close(); });

/** The user's own open order, placed at the broker outside Clera (a sell limit far above the price stays open). */
async function placeOpenSell(qty: string) {
  const sim = scenario.alpaca;
  const response = await fetch(`${sim.tradingUrl}/v2/orders`, {
    method: 'POST',
    headers: { 'APCA-API-KEY-ID': sim.keyId, 'APCA-API-SECRET-KEY': sim.secret, 'Content-Type': 'application/json' },
    body: JSON.stringify({ symbol: 'AAPL', side: 'sell', qty, type: 'limit', limit_price: '900', time_in_force: 'gtc' }),
  });
  expect(response.ok).toBe(true);
}

describe('a sale counts the shares available, not the shares held', () => {
  it('blocks selling shares already promised to an open sell order, and says so on the card', async () => {
    await placeOpenSell('6');
    const { proposal } = await proposeThroughChat(scenario, { side: 'sell', symbol: 'AAPL', quantity: '5' });
    const rule = proposal.rules.find((r) => r.id === 'sell-quantity');
    expect(rule?.outcome).toBe('block');
    expect(rule?.reason).toBe("Sells 5 shares; only 4 of the 10 shares you hold are available (6 are in open sell orders). Clera doesn't sell short.");
    expect(proposal.blocked).toBe(true);
  });

  it('allows a sale within the available shares', async () => {
    await placeOpenSell('6');
    const { proposal } = await proposeThroughChat(scenario, { side: 'sell', symbol: 'AAPL', quantity: '4' });
    expect(proposal.rules.find((r) => r.id === 'sell-quantity')?.outcome).toBe('pass');
  });
});
