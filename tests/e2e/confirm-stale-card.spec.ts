import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text, toolUse } from '../simulators/anthropic';
import type { AlpacaSimulator } from '../simulators/alpaca';

const orderPosts = (alpaca: AlpacaSimulator) => alpaca.requests.filter((r) => r.method === 'POST' && r.path === '/v2/orders');

test.beforeEach(({ alpaca }) => {
  alpaca.state.setNow(new Date('2026-03-10T15:00:00Z')); // a Tuesday, market open
  alpaca.state.setCash('20000');
  alpaca.state.setPrice('AAPL', '200');
});

test('Confirm on a card that another panel changed meanwhile is refused with a message, and no order reaches the broker', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript((_request, { call }) =>
    call === 0 ? message(toolUse('propose_order', { side: 'buy', symbol: 'AAPL', amount: '100' })) : message(text('I prepared the order below. Review it and press Confirm order if it is right.')),
  );
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill('Buy $100 of Apple');
  await box.press('Enter');
  const card = panel.getByRole('region', { name: 'Order confirmation' });
  await expect(card.getByRole('button', { name: 'Confirm order' })).toBeEnabled();

  // A second panel on the same conversation edits the order to $9,000 (over the $5,000 per-order limit).
  const other = await extension.openPage('sidepanel.html');
  const otherCard = other.getByRole('region', { name: 'Order confirmation' });
  await otherCard.getByRole('button', { name: 'Edit order' }).click();
  await otherCard.getByLabel('Dollar amount').fill('9000');
  // The edit's broker reads answer sooner than the Confirm's: the edit is saved while the first panel's Confirm of the
  // $100 card is being checked.
  alpaca.faults.setLatency('*', 500);
  const before = alpaca.requests.length;
  await otherCard.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(() => alpaca.requests.length).toBeGreaterThan(before);
  alpaca.faults.setLatency('*', 1_500);
  await card.getByRole('button', { name: 'Confirm order' }).click();

  const refusal = card.getByRole('alert');
  await expect(refusal).toContainText('The order changed after you looked at it', { timeout: 20_000 });
  await expect(refusal).toContainText('Nothing was sent');
  // The card now shows what is saved: $9,000, blocked.
  await expect(card).toContainText('9,000');
  await expect(card.getByRole('button', { name: 'Confirm order' })).toBeDisabled();
  alpaca.faults.setLatency('*', 0);
  await panel.waitForTimeout(1_000);
  expect(orderPosts(alpaca)).toHaveLength(0);
  expect(alpaca.state.orders().filter((order) => order.client_order_id?.startsWith('clera-') === true)).toHaveLength(0);
});
