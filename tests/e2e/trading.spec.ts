import type { Page } from '@playwright/test';
import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text, toolUse } from '../simulators/anthropic';
import type { AnthropicSimulator } from '../simulators/anthropic';
import type { AlpacaSimulator } from '../simulators/alpaca';

const orderPosts = (alpaca: AlpacaSimulator) => alpaca.requests.filter((r) => r.method === 'POST' && r.path === '/v2/orders');
/** Orders at the broker that Clera placed (the simulated account also has a few older purchases). */
const cleraOrders = (alpaca: AlpacaSimulator) => alpaca.state.orders().filter((order) => order.client_order_id?.startsWith('clera-') === true);

function scriptOrder(anthropic: AnthropicSimulator, draft: Record<string, unknown>) {
  anthropic.setScript((_request, { call }) =>
    call === 0 ? message(toolUse('propose_order', draft)) : message(text('I prepared the order below. Review it and press Confirm order if it is right.')),
  );
}

async function askForOrder(panel: Page, words: string) {
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill(words);
  await box.press('Enter');
  const card = panel.getByRole('region', { name: 'Order confirmation' });
  await expect(card).toBeVisible();
  return card;
}

test.beforeEach(({ alpaca }) => {
  alpaca.state.setNow(new Date('2026-03-10T15:00:00Z')); // a Tuesday, market open
  alpaca.state.setCash('10000');
  alpaca.state.setPrice('AAPL', '200');
});

test('Confirm places exactly one order, even on a double click, and the fill is reported', async ({ extension, anthropic, alpaca }) => {
  scriptOrder(anthropic, { side: 'buy', symbol: 'AAPL', amount: '500' });
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const card = await askForOrder(panel, 'Buy $500 of Apple');
  await expect(card).toContainText('AAPL');
  await expect(card).toContainText('PAPER');
  await expect(card.getByRole('list', { name: 'Pre-trade checks' })).toContainText('Buying power');
  expect(orderPosts(alpaca)).toHaveLength(0);

  await card.getByRole('button', { name: 'Confirm order' }).dblclick();
  await expect(card).toContainText(/Filled/);
  await expect(panel.getByRole('log', { name: 'Conversation' })).toContainText('Your order is filled');
  expect(orderPosts(alpaca)).toHaveLength(1);
  expect(cleraOrders(alpaca)).toHaveLength(1);
});

test('Reject places no order', async ({ extension, anthropic, alpaca }) => {
  scriptOrder(anthropic, { side: 'buy', symbol: 'AAPL', amount: '250' });
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const card = await askForOrder(panel, 'Buy $250 of Apple');
  await card.getByRole('button', { name: 'Reject order' }).click();
  await expect(card).toContainText('Rejected by you');
  await expect(card.getByRole('button', { name: 'Confirm order' })).toHaveCount(0);
  expect(orderPosts(alpaca)).toHaveLength(0);
});

test('a worker stopped between proposal and confirmation still lets the user confirm, once', async ({ extension, anthropic, alpaca }) => {
  scriptOrder(anthropic, { side: 'buy', symbol: 'AAPL', amount: '300' });
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  await askForOrder(panel, 'Buy $300 of Apple');

  await extension.stopWorker();

  const reopened = await extension.openPage('sidepanel.html');
  const card = reopened.getByRole('region', { name: 'Order confirmation' });
  await expect(card.getByRole('button', { name: 'Confirm order' })).toBeEnabled();
  await card.getByRole('button', { name: 'Confirm order' }).click();
  await expect(card).toContainText(/Filled|Submitted/);
  // The old panel's card can no longer confirm a second time.
  const oldConfirm = panel.getByRole('region', { name: 'Order confirmation' }).getByRole('button', { name: 'Confirm order' });
  if ((await oldConfirm.count()) > 0 && (await oldConfirm.isEnabled())) await oldConfirm.click();
  await expect.poll(() => cleraOrders(alpaca).length).toBe(1);
  await reopened.waitForTimeout(500);
  expect(orderPosts(alpaca)).toHaveLength(1);
});

test('an audit entry edited directly in IndexedDB is reported as tampered', async ({ extension, anthropic, alpaca }) => {
  scriptOrder(anthropic, { side: 'buy', symbol: 'AAPL', amount: '100' });
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const card = await askForOrder(panel, 'Buy $100 of Apple');
  await card.getByRole('button', { name: 'Reject order' }).click();
  await expect(card).toContainText('Rejected by you');

  const audit = await extension.openPage('audit.html');
  const log = audit.getByRole('region', { name: 'Audit log' });
  await expect(log).toContainText(/Rejected/i);
  await audit.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(audit.getByRole('status', { name: 'Audit log status' })).toContainText('intact');

  // Flip one byte of the second entry's ciphertext, as someone editing the database by hand would.
  await audit.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('clera');
      request.onsuccess = () => { resolve(request.result); };
      request.onerror = () => { reject(new Error('open failed')); };
    });
    await new Promise<void>((resolve, reject) => {
      const store = db.transaction('audit', 'readwrite').objectStore('audit');
      const get = store.get(2);
      get.onsuccess = () => {
        const row = get.result as { sealed: { ct: string } };
        const ct = row.sealed.ct;
        row.sealed.ct = (ct.startsWith('A') ? 'B' : 'A') + ct.slice(1);
        const put = store.put(row);
        put.onsuccess = () => { resolve(); };
        put.onerror = () => { reject(new Error('put failed')); };
      };
    });
    db.close();
  });
  await audit.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(audit.getByRole('status', { name: 'Audit log status' })).toContainText('tampered');
  await expect(audit.getByRole('status', { name: 'Audit log status' })).toContainText('#2');
});

test('an order whose answer is lost while Alpaca cannot be asked shows "Outcome unknown", then the follow-up alarm corrects the card and the chat', async ({ extension, anthropic, alpaca }) => {
  // The follow-up is the real chrome.alarms alarm (one minute), so this test waits for it.
  test.setTimeout(180_000);
  scriptOrder(anthropic, { side: 'buy', symbol: 'AAPL', amount: '150' });
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const card = await askForOrder(panel, 'Buy $150 of Apple');

  // Alpaca creates the order but the answer is lost, and every look-up by client_order_id fails.
  alpaca.faults.dropNext('POST /v2/orders', { afterProcessing: true });
  alpaca.faults.setStatusSequence('GET /v2/orders:by_client_order_id', Array.from({ length: 100 }, () => 500));
  await card.getByRole('button', { name: 'Confirm order' }).click();

  const log = panel.getByRole('log', { name: 'Conversation' });
  await expect(card.getByRole('status')).toHaveText('Outcome unknown, checking with the broker…', { timeout: 60_000 });
  await expect(log).toContainText('Outcome unknown, checking with the broker…');
  // Nothing offers to order again while the outcome is unknown.
  await expect(card.getByRole('button', { name: 'Confirm order' })).toHaveCount(0);
  // Chromium may re-send a POST whose connection dropped on a reused socket; the client_order_id makes that a
  // duplicate the broker refuses, so there is one order whatever the network layer did.
  const sent = orderPosts(alpaca).length;
  expect(new Set(orderPosts(alpaca).map((post) => (post.body as { client_order_id: string }).client_order_id)).size).toBe(1);
  expect(cleraOrders(alpaca)).toHaveLength(1);

  // Alpaca answers again; the follow-up finds the order and corrects the card and the chat.
  alpaca.faults.clear();
  await expect(card).toContainText(/Filled/, { timeout: 120_000 });
  await expect(log).toContainText('Correction: Alpaca did receive your order after all');
  expect(orderPosts(alpaca)).toHaveLength(sent); // the follow-up asked; it sent nothing
  expect(cleraOrders(alpaca)).toHaveLength(1);
});

test('the card folds the passing checks into one line that opens from the keyboard', async ({ extension, anthropic, alpaca }) => {
  scriptOrder(anthropic, { side: 'buy', symbol: 'AAPL', amount: '500' });
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const card = await askForOrder(panel, 'Buy $500 of Apple');
  const fold = card.getByRole('button', { name: /checks? passed$/ });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(card.getByText('Buying power', { exact: false }).first()).toBeVisible();
  await fold.focus();
  await panel.keyboard.press('Enter');
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  const passed = card.getByRole('listitem', { includeHidden: true }).filter({ hasText: 'Passed: Buying power' }).last();
  await expect(passed).toBeVisible();
  await panel.keyboard.press('Enter');
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(passed).toBeHidden();
});
