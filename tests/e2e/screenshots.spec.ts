import { test, configureThroughOptions } from './support/fixtures';
import { message, text, toolUse } from '../simulators/anthropic';
import { launchExtension } from './support/browser';

// Not a check: renders the panels for a person to look at. Runs only when SCREENSHOTS names a folder.
const folder = process.env.SCREENSHOTS;
test.skip(!folder, 'Screenshots are taken only when SCREENSHOTS is set to an output folder.');

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots in the ${scheme} theme`, async ({ anthropic, alpaca }) => {
    const extension = await launchExtension({ colorScheme: scheme });
    try {
      alpaca.state.setCash('2500');
      alpaca.state.setPosition('AAPL', '10', '150');
      alpaca.state.setPosition('VOO', '4', '480');
      anthropic.setScript((_request, { call }) =>
        call === 0
          ? message(toolUse('get_portfolio_summary', {}))
          : message(text('Here is your portfolio:\n\n| Holding | Weight | Value | P&L |\n| --- | --- | --- | --- |\n| AAPL | 31.2% | $2,010.00 | +$510.00 |\n| VOO | 33.4% | $2,150.00 | +$230.00 |\n| Cash | 35.4% | $2,500.00 | — |\n\n- **Risk score:** 6.1 / 10 (medium)\n- **Diversification:** 4.5 / 10 (moderate)\n\nNext step: consider adding a bond ETF.')),
      );
      const options = await configureThroughOptions(extension, { anthropic, alpaca });
      await options.setViewportSize({ width: 900, height: 1300 });
      await options.screenshot({ path: `${folder}/options-${scheme}.png`, fullPage: true });
      const panel = await extension.openPage('sidepanel.html');
      await panel.getByRole('textbox', { name: 'Message' }).fill('Show me my portfolio');
      await panel.getByRole('button', { name: 'Send' }).click();
      await panel.getByRole('log', { name: 'Conversation' }).getByRole('table').waitFor();
      await panel.screenshot({ path: `${folder}/sidepanel-${scheme}.png` });
      // Charts below answers: performance against the S&P 500 (lines, uPlot), then the portfolio's allocation (bars).
      await panel.setViewportSize({ width: 420, height: 1400 });
      await panel.getByRole('button', { name: 'New chat', exact: true }).click();
      anthropic.setScript((_request, { call }) =>
        call === 0 ? message(toolUse('get_performance', { symbol: 'NVDA', start_date: '2026-06-01' })) : message(text('NVDA against the S&P 500 since June, charted below.')),
      );
      await panel.getByRole('textbox', { name: 'Message' }).fill('How did NVDA do against the S&P 500 since June?');
      await panel.getByRole('button', { name: 'Send' }).click();
      const performance = panel.getByRole('figure', { name: 'Chart: NVDA vs S&P 500' });
      await performance.locator('canvas').first().waitFor();
      await performance.getByRole('group', { name: /use the arrow keys/ }).focus();
      await performance.getByRole('group', { name: /use the arrow keys/ }).press('End');
      await panel.screenshot({ path: `${folder}/charts-performance-${scheme}.png`, fullPage: true });
      await panel.getByRole('button', { name: 'New chat', exact: true }).click();
      anthropic.setScript((_request, { call }) =>
        call === 0 ? message(toolUse('get_portfolio_summary', {})) : message(text('Your allocation is charted below.')),
      );
      await panel.getByRole('textbox', { name: 'Message' }).fill('What is my allocation?');
      await panel.getByRole('button', { name: 'Send' }).click();
      await panel.getByRole('figure', { name: 'Chart: Allocation by position' }).waitFor();
      await panel.screenshot({ path: `${folder}/charts-allocation-${scheme}.png`, fullPage: true });
      anthropic.setScript((_request, { call }) =>
        call === 0 ? message(toolUse('propose_order', { side: 'buy', symbol: 'AAPL', amount: '500' })) : message(text('I prepared the order below; review it and confirm.')),
      );
      await panel.getByRole('button', { name: 'New chat', exact: true }).click();
      await panel.getByRole('textbox', { name: 'Message' }).fill('Buy $500 of Apple');
      await panel.getByRole('button', { name: 'Send' }).click();
      await panel.getByRole('region', { name: 'Order confirmation' }).waitFor();
      await panel.setViewportSize({ width: 420, height: 1100 });
      await panel.screenshot({ path: `${folder}/order-card-${scheme}.png`, fullPage: true });
      await panel.getByRole('button', { name: 'Good answer' }).first().click();
      const metrics = await extension.openPage('metrics.html');
      await metrics.setViewportSize({ width: 1200, height: 900 });
      await metrics.getByRole('table', { name: 'Agents' }).waitFor();
      await metrics.getByRole('region', { name: 'Traces' }).getByRole('button').first().click();
      await metrics.getByRole('table', { name: 'Waterfall' }).waitFor();
      await metrics.locator('.uplot').first().waitFor();
      await metrics.screenshot({ path: `${folder}/metrics-${scheme}.png`, fullPage: true });
    } finally {
      await extension.close();
    }
  });
}
