import { test, expect, configureThroughOptions, ANTHROPIC_KEY, ALPACA_KEY_ID, ALPACA_SECRET } from './support/fixtures';

test('saves settings through the options page and tests every connection', async ({ extension, anthropic, alpaca }) => {
  const page = await configureThroughOptions(extension, { anthropic, alpaca });
  await page.getByRole('button', { name: 'Test connection' }).click();
  const results = page.getByRole('list', { name: 'Connection results' });
  await expect(results.getByRole('listitem')).toHaveCount(3);
  await expect(results).toContainText('Anthropic');
  await expect(results.getByRole('listitem').filter({ hasText: 'Anthropic' })).toContainText('OK');
  await expect(results.getByRole('listitem').filter({ hasText: 'Alpaca trading (paper)' })).toContainText('OK');
  await expect(results.getByRole('listitem').filter({ hasText: 'Alpaca market data' })).toContainText('OK');
  // The requests reached the simulators with the saved keys, each only at its own service.
  expect(anthropic.requests.some((r) => r.headers.authorization === `Bearer ${ANTHROPIC_KEY}` || r.headers['x-api-key'] === ANTHROPIC_KEY)).toBe(true);
  expect(alpaca.requests.some((r) => r.headers['apca-api-key-id'] === ALPACA_KEY_ID)).toBe(true);
  expect(JSON.stringify(anthropic.requests)).not.toContain(ALPACA_SECRET);
  expect(JSON.stringify(alpaca.requests)).not.toContain(ANTHROPIC_KEY);
});

test('reports a wrong Alpaca secret as a rejected key, and Anthropic still OK', async ({ extension, anthropic, alpaca }) => {
  const page = await configureThroughOptions(extension, { anthropic, alpaca }, { alpacaSecret: 'not-the-right-secret-000' });
  await page.getByRole('button', { name: 'Test connection' }).click();
  const results = page.getByRole('list', { name: 'Connection results' });
  await expect(results.getByRole('listitem').filter({ hasText: 'Alpaca trading' })).toContainText('Alpaca rejected the key');
  await expect(results.getByRole('listitem').filter({ hasText: 'Anthropic' })).toContainText('OK');
});

test('keeps no API key in plaintext anywhere in extension storage', async ({ extension, anthropic, alpaca }) => {
  await configureThroughOptions(extension, { anthropic, alpaca });
  const page = await extension.openPage('sidepanel.html');
  const dump = await page.evaluate(async () => {
    const out: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name ?? '');
        request.onsuccess = () => { resolve(request.result); };
        request.onerror = () => { reject(new Error(String(request.error))); };
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => { resolve(request.result as unknown[]); };
        });
        out.push({ db: info.name, store, rows });
      }
      db.close();
    }
    out.push(await chrome.storage.local.get(null), await chrome.storage.sync.get(null), await chrome.storage.session.get(null));
    out.push(Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])));
    // Binary values (wrapped keys, IVs) are dumped as bytes so a plaintext key inside them would still be found.
    return JSON.stringify(out, (_key, value: unknown) =>
      value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? Array.from(new Uint8Array(value instanceof ArrayBuffer ? value : value.buffer)).map((b) => String.fromCharCode(b)).join('') : value,
    );
  });
  expect(dump).toContain('vault-dek');
  expect(dump).toContain('"ct"');
  for (const secret of [ANTHROPIC_KEY, ALPACA_KEY_ID, ALPACA_SECRET]) expect(dump).not.toContain(secret);
});

test('asks for an explicit second confirmation before switching to live trading', async ({ extension }) => {
  const page = await extension.openPage('options.html');
  await expect(page.getByRole('radio', { name: 'Paper' })).toBeChecked();
  await page.getByRole('radio', { name: 'Live' }).check();
  const dialog = page.getByRole('dialog', { name: 'Switch to live trading?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('radio', { name: 'Paper' })).toBeChecked();

  await page.getByRole('radio', { name: 'Live' }).check();
  await dialog.getByRole('checkbox', { name: 'I understand that orders in live mode use real money' }).check();
  await dialog.getByRole('button', { name: 'Switch to live trading' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  const panel = await extension.openPage('sidepanel.html');
  await expect(panel.getByRole('status', { name: 'Trading mode' })).toHaveText('LIVE');
});
