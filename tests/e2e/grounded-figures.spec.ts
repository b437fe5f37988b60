import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text, toolUse } from '../simulators/anthropic';

test('marks an invented figure in an answer as Unverified and leaves the quoted one alone', async ({ extension, anthropic, alpaca }) => {
  alpaca.state.setPrice('AAPL', '200');
  // The model reads a quote, then writes one figure from it ($200.00) and one it made up ($999.99).
  anthropic.setScript((_request, { call }) =>
    call === 0 ? message(toolUse('get_quote', { symbol: 'AAPL' })) : message(text('Apple last traded at **$200.00**; some expect $999.99 soon.')),
  );
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill('Where is Apple trading?');
  await box.press('Enter');
  const log = panel.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText('some expect $999.99 soon.');

  const invented = log.locator('mark', { hasText: '$999.99' });
  await expect(invented).toBeVisible();
  await expect(invented).toHaveAttribute('title', /Unverified figure: not found in this answer's data/);
  await expect(invented).toHaveAccessibleDescription(/Unverified/);
  await expect(log.locator('[title*="Unverified"]')).toHaveCount(1);
  await expect(log.locator('strong', { hasText: '$200.00' })).toBeVisible();
  await expect(log.locator('strong', { hasText: '$200.00' }).locator('[title*="Unverified"]')).toHaveCount(0);
  await expect(log).toContainText('1 figure in this answer could not be found in the data it was given');

  // The explanation is reachable from the keyboard: the mark takes focus.
  await invented.focus();
  await expect(invented).toBeFocused();
});
