import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text, toolUse, type MessagesRequest } from '../simulators/anthropic';

/** Every system block of the last model request the simulator received, joined. */
function lastSystem(requests: { path: string; body: unknown }[]): string {
  const body = requests.filter((r) => r.path === '/v1/messages').at(-1)?.body as MessagesRequest | undefined;
  const system = body?.system;
  if (typeof system === 'string') return system;
  return (system ?? []).map((block) => block.text).join('\n');
}

test('a profile saved in options appears in the next model request’s system prompt', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript(() => message(text('A broad index fund suits a long horizon.')));
  const options = await configureThroughOptions(extension, { anthropic, alpaca });
  const profile = options.getByRole('region', { name: 'Profile' });
  await profile.getByRole('combobox', { name: 'Risk tolerance' }).selectOption('conservative');
  await profile.getByRole('combobox', { name: 'Investment horizon' }).selectOption('over-10');
  await profile.getByRole('combobox', { name: 'Experience' }).selectOption('new');
  await profile.getByRole('combobox', { name: 'Answer detail' }).selectOption('brief');
  await profile.getByRole('textbox', { name: 'Investment goals' }).fill('Retire at 60\nPay for college');
  await profile.getByRole('button', { name: 'Update profile' }).click();
  await expect(profile.getByText('Profile updated.')).toBeVisible();

  const panel = await extension.openPage('sidepanel.html');
  await panel.getByRole('textbox', { name: 'Message' }).fill('What should I invest in?');
  await panel.getByRole('button', { name: 'Send' }).click();
  const log = panel.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText('broad index fund');
  const system = lastSystem(anthropic.requests);
  expect(system).toContain('- Risk tolerance: conservative');
  expect(system).toContain('- Investment horizon: over 10 years');
  expect(system).toContain('- Investment goals: Retire at 60; Pay for college');
  // The answer discloses what shaped it.
  await log.getByRole('button', { name: 'Memories used' }).click();
  await expect(log).toContainText('Risk tolerance: conservative');
});

test('a memory suggestion accepted in the panel is listed in options with its source', async ({ extension, anthropic, alpaca }) => {
  anthropic.setScript((_request, { call }) =>
    call === 0 ? message(toolUse('remember_fact', { fact: 'Prefers ETFs over single stocks', kind: 'inferred' })) : message(text('ETFs spread your risk across many companies.')),
  );
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  await panel.getByRole('textbox', { name: 'Message' }).fill('I only buy ETFs. Are they a good idea?');
  await panel.getByRole('button', { name: 'Send' }).click();
  const suggestion = panel.getByRole('region', { name: 'Memory suggestion' });
  await expect(suggestion).toContainText('Prefers ETFs over single stocks');
  await suggestion.getByRole('button', { name: 'Remember' }).click();
  await expect(suggestion).toHaveCount(0);
  await expect(panel.getByRole('log', { name: 'Conversation' })).toContainText('Remembered: “Prefers ETFs over single stocks”');

  const options = await extension.openPage('options.html');
  const memories = options.getByRole('region', { name: 'Memories' });
  await expect(memories).toContainText('Prefers ETFs over single stocks');
  await expect(memories).toContainText('I only buy ETFs. Are they a good idea?'.slice(0, 20));
  await memories.getByRole('button', { name: 'Delete all memories' }).click();
  await memories.getByRole('button', { name: 'Yes, delete all' }).click();
  await expect(memories).toContainText('No memories yet.');
});
