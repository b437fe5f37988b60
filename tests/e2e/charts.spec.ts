import { z } from 'zod';
import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text, toolUse, type MessagesRequest } from '../simulators/anthropic';
import { parseJson } from '../../src/protocol/json';

const reportSchema = z.object({
  startDate: z.string(),
  endDate: z.string(),
  dataPoints: z.number(),
  totalReturnPct: z.number(),
  benchmark: z.object({ totalReturnPct: z.number() }),
});
type Report = z.infer<typeof reportSchema>;

/** The get_performance result the model received: the first tool_result of the request's last message. */
function toolResultOf(request: MessagesRequest): Report | null {
  const last = request.messages.at(-1);
  if (!last || typeof last.content === 'string') return null;
  const block = last.content.find((entry) => entry.type === 'tool_result');
  if (block?.type !== 'tool_result' || typeof block.content !== 'string') return null;
  return parseJson(reportSchema, block.content);
}

const pct = (value: number) => `${value.toFixed(2)}%`;

test('draws NVDA against the S&P 500 below the answer from the tool result, with a table equivalent holding the same values', async ({ extension, anthropic, alpaca }) => {
  let report: Report | null = null;
  anthropic.setScript((request, { call }) => {
    if (call === 0) return message(toolUse('get_performance', { symbol: 'NVDA', start_date: '2026-09-01' }));
    report = toolResultOf(request);
    // The answer's own words carry no series: the chart must come from the tool result.
    return message(text('Here is how NVDA did against the S&P 500 since September.'));
  });
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Message' });
  await box.fill('How did NVDA do against the S&P 500 since September?');
  await box.press('Enter');

  const log = panel.getByRole('log', { name: 'Conversation' });
  const figure = log.getByRole('figure', { name: 'Chart: NVDA vs S&P 500' });
  await expect(figure).toBeVisible();
  expect(report).not.toBeNull();
  const result = report as unknown as Report;
  await expect(figure).toContainText(`Source: Alpaca market data`);
  await expect(figure).toContainText(`Data from ${result.startDate} to ${result.endDate}.`);
  await expect(figure.locator('canvas').first()).toBeVisible();
  await expect(log.getByRole('figure', { name: 'Chart: NVDA drawdown' })).toBeVisible();

  // The table equivalent: one row per close, from 0 % on the first day to the reported total returns on the last.
  await figure.getByText('Table: NVDA vs S&P 500').click();
  const table = figure.getByRole('table', { name: 'Table: NVDA vs S&P 500' });
  await expect(table.getByRole('columnheader')).toHaveText(['Date', 'NVDA', 'S&P 500 (SPY)']);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(result.dataPoints);
  await expect(rows.first().locator('th, td')).toHaveText([result.startDate, '0.00%', '0.00%']);
  await expect(rows.last().locator('th, td')).toHaveText([result.endDate, pct(result.totalReturnPct), pct(result.benchmark.totalReturnPct)]);

  // Values from the keyboard: focus the chart, End reads the last point.
  const chart = figure.getByRole('group', { name: /NVDA vs S&P 500: use the arrow keys/ });
  await chart.focus();
  await chart.press('End');
  await expect(figure.locator('.chart-readout')).toHaveText(`${result.endDate}: NVDA ${pct(result.totalReturnPct)}, S&P 500 (SPY) ${pct(result.benchmark.totalReturnPct)}`);
  await chart.press('Home');
  await expect(figure.locator('.chart-readout')).toHaveText(`${result.startDate}: NVDA 0.00%, S&P 500 (SPY) 0.00%`);
});
