import { readFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';

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
