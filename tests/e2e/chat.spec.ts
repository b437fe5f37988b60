import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text } from '../simulators/anthropic';

const TABLE_ANSWER = [
  'Here is a quick comparison:',
  '',
  '| Fund | Type | Expense ratio |',
  '| --- | --- | --- |',
  '| VOO | S&P 500 ETF | 0.03% |',
  '| BND | Bond ETF | 0.03% |',
  '',
  'Both are broad and cheap.',
].join('\n');

test('streams an answer into the conversation and renders its table', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript(() => ({ ...message(text(TABLE_ANSWER)), latency: { perChunkMs: 15 } }));
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  await expect(panel.getByRole('status', { name: 'Trading mode' })).toHaveText('PAPER');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill('Compare VOO and BND');
  await box.press('Enter');
  const log = panel.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText('Compare VOO and BND');
  await expect(log.getByRole('table')).toBeVisible();
  await expect(log.getByRole('cell', { name: 'S&P 500 ETF' })).toBeVisible();
  await expect(log).toContainText('Both are broad and cheap.');
  // The request the extension sent went through the real SDK with the browser header and a cached system prompt.
  const sent = anthropic.requests.find((r) => r.path === '/v1/messages');
  expect(sent?.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
  expect(JSON.stringify(sent?.body)).toContain('"cache_control"');
});

test('settings and chat history survive a service-worker stop and restart', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript(() => message(text('Diversification means not putting all your eggs in one basket.')));
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill('What is diversification?');
  await panel.getByRole('button', { name: 'Send' }).click();
  const log = panel.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText('eggs in one basket');

  await extension.stopWorker();

  // A fresh panel after the restart shows the same conversation, and the saved key still works for a new question.
  const reopened = await extension.openPage('sidepanel.html');
  const reopenedLog = reopened.getByRole('log', { name: 'Conversation' });
  await expect(reopenedLog).toContainText('What is diversification?');
  await expect(reopenedLog).toContainText('eggs in one basket');
  anthropic.setScript(() => message(text('Rebalancing brings your mix back to its targets.')));
  await reopened.getByRole('textbox', { name: 'Message' }).fill('And rebalancing?');
  await reopened.getByRole('button', { name: 'Send' }).click();
  await expect(reopenedLog).toContainText('back to its targets');
  const options = await extension.openPage('options.html');
  await expect(options.getByText(/Saved \(…/).first()).toBeVisible();
});

test('reopens an earlier conversation from the list', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript((request) => message(text(JSON.stringify(request.messages).includes('ETF') ? 'An ETF is a basket of securities.' : 'A bond is a loan.')));
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const log = panel.getByRole('log', { name: 'Conversation' });
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill('What is an ETF?');
  await box.press('Enter');
  await expect(log).toContainText('basket of securities');

  await panel.getByRole('button', { name: 'New chat', exact: true }).click();
  await expect(log).not.toContainText('basket of securities');
  await box.fill('What is a bond?');
  await box.press('Enter');
  await expect(log).toContainText('A bond is a loan.');

  await panel.getByRole('button', { name: 'Conversations' }).click();
  const list = panel.getByRole('dialog', { name: 'Past conversations' });
  await list.getByRole('button', { name: /^What is an ETF\?/ }).click();
  await expect(log).toContainText('basket of securities');
  await expect(log).not.toContainText('A bond is a loan.');
});
