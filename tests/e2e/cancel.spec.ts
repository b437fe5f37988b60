import type { Page } from '@playwright/test';
import { z } from 'zod';
import { test, expect, configureThroughOptions, ALPACA_KEY_ID, ALPACA_SECRET } from './support/fixtures';
import { message, text, toolUse } from '../simulators/anthropic';
import type { AnthropicSimulator } from '../simulators/anthropic';
import type { AlpacaSimulator } from '../simulators/alpaca';

const deletes = (alpaca: AlpacaSimulator) => alpaca.requests.filter((r) => r.method === 'DELETE' && r.path.startsWith('/v2/orders/'));
const brokerStatus = (alpaca: AlpacaSimulator, orderId: string) => alpaca.state.orders().find((order) => order.id === orderId)?.status;

/** The user's own resting GTC limit order, placed outside Clera. */
async function usersOpenOrder(alpaca: AlpacaSimulator): Promise<string> {
  const response = await fetch(`${alpaca.tradingUrl}/v2/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'APCA-API-KEY-ID': ALPACA_KEY_ID, 'APCA-API-SECRET-KEY': ALPACA_SECRET },
    body: JSON.stringify({ symbol: 'AAPL', side: 'buy', type: 'limit', time_in_force: 'gtc', qty: '2', limit_price: '150' }),
  });
  expect(response.status).toBe(200);
  return z.object({ id: z.string() }).parse(await response.json()).id;
}

function scriptCancel(anthropic: AnthropicSimulator, orderId: string) {
  anthropic.setScript((_request, { call }) =>
    call === 0 ? message(toolUse('cancel_order', { order_id: orderId })) : message(text('Review the cancel below and press Confirm cancel if you want it.')),
  );
}

async function askForCancel(panel: Page) {
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill('Cancel my Apple limit order');
  await box.press('Enter');
  const card = panel.getByRole('region', { name: 'Cancel confirmation' });
  await expect(card).toBeVisible();
  return card;
}

test.beforeEach(({ alpaca }) => {
  alpaca.state.setNow(new Date('2026-03-10T15:00:00Z')); // a Tuesday, market open
  alpaca.state.setCash('10000');
  alpaca.state.setPrice('AAPL', '200');
});

test('Keep order leaves the order open at the broker', async ({ extension, anthropic, alpaca }) => {
  const orderId = await usersOpenOrder(alpaca);
  scriptCancel(anthropic, orderId);
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const card = await askForCancel(panel);
  for (const line of ['AAPL', 'Buy', '2 shares', 'Limit at $150.00', 'Good till cancelled', 'Submitted']) await expect(card).toContainText(line);
  expect(deletes(alpaca)).toHaveLength(0);

  await card.getByRole('button', { name: 'Keep order' }).click();
  await expect(card).toContainText('Kept: the order stays open');
  await expect(card.getByRole('button', { name: 'Confirm cancel' })).toHaveCount(0);
  expect(brokerStatus(alpaca, orderId)).not.toBe('canceled');
  expect(deletes(alpaca)).toHaveLength(0);
});

test('Confirm cancel cancels the order once, even on a double click, and the audit log has each step', async ({ extension, anthropic, alpaca }) => {
  const orderId = await usersOpenOrder(alpaca);
  scriptCancel(anthropic, orderId);
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const card = await askForCancel(panel);
  expect(brokerStatus(alpaca, orderId)).not.toBe('canceled');

  await card.getByRole('button', { name: 'Confirm cancel' }).dblclick();
  await expect(card).toContainText('Order cancelled');
  await expect(panel.getByRole('log', { name: 'Conversation' })).toContainText('Your order is cancelled');
  expect(brokerStatus(alpaca, orderId)).toBe('canceled');
  await panel.waitForTimeout(300);
  expect(deletes(alpaca)).toHaveLength(1);

  const audit = await extension.openPage('audit.html');
  const log = audit.getByRole('region', { name: 'Audit log' });
  for (const line of ['Proposed cancelling: buy 2 shares of AAPL', 'Cancel confirmed by you', 'Alpaca accepted the cancel request', 'Cancelled by you']) await expect(log).toContainText(line);
});
