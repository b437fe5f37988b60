import { readFile } from 'node:fs/promises';
import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text } from '../simulators/anthropic';
import { parseJson } from '../../src/protocol/json';
import { conversationExportSchema } from '../../src/protocol/conversation-export';

test('search finds a past conversation by a word of its answer, and its menu exports it as Markdown and JSON', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript(() => message(text('Dollar-cost averaging spreads purchases over time; think of a patient quokka buying every month.')));
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill('What is dollar-cost averaging?');
  await box.press('Enter');
  const log = panel.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText('patient quokka');

  // The conversation's menu downloads it, decrypted, with the question and the answer.
  await panel.getByRole('button', { name: 'Conversation menu' }).click();
  const [markdown] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export as Markdown' }).click()]);
  expect(markdown.suggestedFilename()).toMatch(/^clera-.*\.md$/);
  const md = await readFile(await markdown.path(), 'utf8');
  expect(md).toContain('## You · ');
  expect(md).toContain('What is dollar-cost averaging?');
  expect(md).toContain('patient quokka');
  await panel.getByRole('button', { name: 'Conversation menu' }).click();
  const [json] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export as JSON' }).click()]);
  const parsed = parseJson(conversationExportSchema, await readFile(await json.path(), 'utf8'));
  expect(parsed.messages.map((m) => m.role)).toEqual(['user', 'assistant']);

  await panel.getByRole('button', { name: 'New chat' }).click();
  await expect(log).not.toContainText('quokka');
  await panel.getByRole('button', { name: 'Conversations' }).click();
  await panel.getByRole('searchbox', { name: 'Search conversations' }).fill('QUOKKA');
  const results = panel.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results).toContainText('patient quokka');
  await panel.getByRole('searchbox', { name: 'Search conversations' }).fill('zebra');
  await expect(panel.getByRole('status').filter({ hasText: 'No conversation contains “zebra”.' })).toBeVisible();
  await panel.getByRole('searchbox', { name: 'Search conversations' }).fill('quokka');
  await results.getByRole('button').click();
  await expect(log).toContainText('patient quokka');
});
