import { readFile } from 'node:fs/promises';
import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text, toolUse } from '../simulators/anthropic';

// Entries come from real orders; until the trading flow writes them, this covers the page on an empty log.
// An empty log verifies as "empty: no entries recorded yet" (neither intact nor tampered).
test('the audit log page shows an empty log, verifies it as empty and exports it', async ({ extension }) => {
  const page = await extension.openPage('audit.html');
  await expect(page).toHaveTitle('Clera audit log');

  const log = page.getByRole('region', { name: 'Audit log' });
  await expect(log).toContainText('No trade decisions recorded yet.');
  const status = page.getByRole('status', { name: 'Audit log status' });
  await expect(status).toHaveText('Not verified yet.');

  await page.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(status).toHaveText('empty: no entries recorded yet');
  await expect(status).not.toContainText('tampered');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export audit log' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^clera-audit-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await file.path(), 'utf8');
  expect(text).toContain('"format": "clera-audit-log"');
  expect(text).toContain('"status": "empty"');
  expect(text).toContain('"entries": []');
});

test('the current head can be pinned; Verify finds it, and after the log is emptied reads "wiped" and no longer finds it', async ({ extension, anthropic, alpaca }) => {
  alpaca.state.setNow(new Date('2026-03-10T15:00:00Z'));
  alpaca.state.setCash('10000');
  alpaca.state.setPrice('AAPL', '200');
  anthropic.setScript((_request, { call }) =>
    call === 0 ? message(toolUse('propose_order', { side: 'buy', symbol: 'AAPL', amount: '100' })) : message(text('Review the order below.')),
  );
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill('Buy $100 of Apple');
  await box.press('Enter');
  const card = panel.getByRole('region', { name: 'Order confirmation' });
  await card.getByRole('button', { name: 'Reject order' }).click();
  await expect(card).toContainText('Rejected by you');

  const audit = await extension.openPage('audit.html');
  const head = audit.getByRole('textbox', { name: 'Current head' });
  await expect(head).toHaveValue(/^#3 [0-9a-f]{64}$/);
  await audit.getByRole('button', { name: 'Pin current head' }).click();
  const pinned = audit.getByRole('status', { name: 'Pinned head status' });
  await expect(pinned).toContainText('Pinned head #3');
  const status = audit.getByRole('status', { name: 'Audit log status' });
  await audit.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(status).toContainText('intact');
  await expect(pinned).toHaveText(/^pinned head #3 [0-9a-f]{12}…: found$/);

  // Empty both audit tables, as someone clearing the database by hand would.
  await audit.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('clera');
      request.onsuccess = () => { resolve(request.result); };
      request.onerror = () => { reject(new Error('open failed')); };
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['audit', 'auditHead'], 'readwrite');
      tx.objectStore('audit').clear();
      tx.objectStore('auditHead').clear();
      tx.oncomplete = () => { resolve(); };
      tx.onerror = () => { reject(new Error('clear failed')); };
    });
    db.close();
  });
  await audit.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(status).toHaveText('tampered (wiped): the log is empty but 3 entries were written');
  await expect(pinned).toHaveText(/^pinned head #3 [0-9a-f]{12}…: not found$/);
});
