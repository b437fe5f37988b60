import type { Page } from '@playwright/test';
import { test, expect, configureThroughOptions, ANTHROPIC_KEY, ALPACA_KEY_ID, ALPACA_SECRET } from './support/fixtures';
import { message, text, toolUse } from '../simulators/anthropic';
import { plaintextFindings } from '../support/plaintext-search';

/**
 * Everything the extension keeps, read from one of its own pages: every IndexedDB database and store (all rows), and
 * chrome.storage.local and .session. Binary values are written out as base64 and as Latin-1 text, so plaintext inside
 * an ArrayBuffer is found as well; CryptoKeys (never extractable here) show as a marker.
 */
async function dumpStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
    const plain = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer) return plain(new Uint8Array(value));
      if (ArrayBuffer.isView(value)) {
        const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        return { base64: toBase64(bytes), latin1: Array.from(bytes, (byte) => String.fromCharCode(byte)).join('') };
      }
      if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) return `[CryptoKey ${value.algorithm.name} extractable=${String(value.extractable)}]`;
      if (Array.isArray(value)) return value.map(plain);
      if (value instanceof Map) return [...value].map(plain);
      if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, plain(member)]));
      return value;
    };
    const request = <T,>(make: () => IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        const req = make();
        req.onsuccess = () => { resolve(req.result); };
        req.onerror = () => { reject(req.error ?? new Error('request failed')); };
      });
    const out: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(() => indexedDB.open(info.name ?? ''));
      for (const store of Array.from(db.objectStoreNames)) {
        const tx = db.transaction(store, 'readonly');
        const [keys, values] = await Promise.all([request(() => tx.objectStore(store).getAllKeys()), request(() => tx.objectStore(store).getAll())]);
        out[`indexeddb:${info.name}/${store}`] = { keys: plain(keys), values: plain(values) };
      }
      db.close();
    }
    out['storage.local'] = plain(await chrome.storage.local.get(null));
    out['storage.session'] = plain(await chrome.storage.session.get(null));
    return JSON.stringify(out);
  });
}

test('after a chat, a confirmed order and a memory, no stored value holds message text, a symbol, an amount, an account id or a key', async ({ extension, anthropic, alpaca }) => {
  test.setTimeout(120_000);
  alpaca.state.setNow(new Date('2026-03-10T15:00:00Z')); // a Tuesday, market open
  alpaca.state.setCash('25000');
  alpaca.state.setPrice('GOOGL', '190.63');
  const question = 'Zebracorn question: how is my portfolio doing this quarter?';
  const answer = 'Quokka-lantern answer: your holdings moved within their usual range.';
  const fact = 'Saving for a lighthouse on Bruny Island';
  const goals = 'Retire to a Tasmanian orchard by 2041';
  const amount = '737.19';

  const options = await configureThroughOptions(extension, { anthropic, alpaca });
  const profile = options.getByRole('region', { name: 'Profile' });
  await profile.getByRole('textbox', { name: 'Investment goals' }).fill(goals);
  await profile.getByRole('button', { name: 'Update profile' }).click();
  await expect(profile.getByText('Profile updated.')).toBeVisible();

  const panel = await extension.openPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Message' });
  const log = panel.getByRole('log', { name: 'Conversation' });

  // A chat that reads the account (its number, cash and positions go into the run transcript) and suggests a memory.
  anthropic.setScript((_request, { call }) => (call === 0 ? message(toolUse('get_portfolio_summary', {})) : message(text(answer))));
  await box.fill(question);
  await box.press('Enter');
  await expect(log).toContainText('Quokka-lantern answer');
  anthropic.setScript((_request, { call }) => (call === 0 ? message(toolUse('remember_fact', { fact, kind: 'inferred' })) : message(text('Noted.'))));
  await box.fill('I am saving for a lighthouse on Bruny Island.');
  await box.press('Enter');
  const suggestion = panel.getByRole('region', { name: 'Memory suggestion' });
  await expect(suggestion).toContainText(fact);
  await suggestion.getByRole('button', { name: 'Remember' }).click();
  await expect(log).toContainText(`Remembered: “${fact}”`);
  await log.getByRole('button', { name: 'Bad answer' }).first().click();

  // An order, confirmed through its card.
  anthropic.setScript((_request, { call }) =>
    call === 0 ? message(toolUse('propose_order', { side: 'buy', symbol: 'GOOGL', amount })) : message(text('Review the order below and confirm it if it is right.')),
  );
  await box.fill(`Buy $${amount} of Alphabet`);
  await box.press('Enter');
  const card = panel.getByRole('region', { name: 'Order confirmation' });
  await expect(card).toContainText('GOOGL');
  await card.getByRole('button', { name: 'Confirm order' }).click();
  await expect(log).toContainText(/filled/i);
  await expect.poll(() => alpaca.state.orders().filter((order) => order.client_order_id?.startsWith('clera-') === true).length).toBe(1);

  const dump = await dumpStorage(options);
  await test.info().attach('storage-dump.json', { body: dump, contentType: 'application/json' });
  // The dump is the real thing: the stores are there and the rows are in them (sealed).
  expect(dump).toContain('indexeddb:clera/messages');
  expect(dump).toContain('indexeddb:clera/proposals');
  expect(dump).toContain('indexeddb:clera/memories');
  expect(dump).toContain('indexeddb:clera/audit');

  expect(alpaca.requests.some((request) => request.method === 'GET' && request.path === '/v2/account')).toBe(true);
  // The account as the broker gives it to Clera (its id and number reach the run transcript through the tools).
  const accountResponse = await fetch(`${alpaca.tradingUrl}/v2/account`, { headers: { 'APCA-API-KEY-ID': ALPACA_KEY_ID, 'APCA-API-SECRET-KEY': ALPACA_SECRET } });
  const account = (await accountResponse.json()) as { id: string; account_number: string };
  expect(account.account_number).toMatch(/^PA3\d{9}$/);

  const secrets: Record<string, string> = {
    'message text': question.slice(0, 30),
    'answer text': answer.slice(0, 30),
    'memory text': fact,
    'profile goals': goals,
    symbol: 'GOOGL',
    'company name': 'Alphabet',
    amount,
    'account number': account.account_number,
    'account id': account.id,
    'Anthropic key': ANTHROPIC_KEY,
    'Alpaca key id': ALPACA_KEY_ID,
    'Alpaca secret': ALPACA_SECRET,
  };
  expect(plaintextFindings(dump, secrets)).toEqual([]);
});
