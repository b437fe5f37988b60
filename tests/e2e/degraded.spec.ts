import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text, toolUse } from '../simulators/anthropic';

test('when market data keeps failing, the panel shows a banner naming it and what still works', async ({ extension, anthropic, alpaca }) => {
  alpaca.faults.setStatusSequence('GET /v2/stocks/{symbol}/snapshot', Array.from({ length: 12 }, () => 503));
  anthropic.setScript((request) => {
    const last = request.messages.at(-1);
    const answered = last && typeof last.content !== 'string' && last.content.some((block) => block.type === 'tool_result');
    return answered ? message(text('Live prices are unavailable right now.')) : message(toolUse('get_quote', { symbol: 'AAPL' }));
  });
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Message' });
  const log = panel.getByRole('log', { name: 'Conversation' });
  const banner = panel.getByRole('status', { name: 'Service status' });
  await expect(panel.getByRole('status', { name: 'Trading mode' })).toHaveText('PAPER');
  await expect(banner).toHaveCount(0);
  for (const question of ['AAPL price?', 'AAPL price now?']) {
    await box.fill(question);
    await box.press('Enter');
    await expect(log.getByText('Live prices are unavailable right now.')).toHaveCount(question === 'AAPL price?' ? 1 : 2);
  }
  await expect(banner).toContainText('Alpaca market data is unavailable');
  await expect(banner).toContainText('Your portfolio and orders still work');
});
