import type { Page } from '@playwright/test';
import { test, expect, configureThroughOptions } from './support/fixtures';
import { message, text, toolUse } from '../simulators/anthropic';

interface StoredSpan {
  kind: string;
  agent?: string;
  outcome: string;
  runId?: string;
  tokens?: { input: number; output: number };
  costUsd?: string;
}

/** Every span in the extension's IndexedDB, read from one of its pages (same origin). */
async function storedSpans(page: Page): Promise<StoredSpan[]> {
  return page.evaluate(
    () =>
      new Promise<StoredSpan[]>((resolve, reject) => {
        const open = indexedDB.open('clera');
        open.onerror = () => { reject(new Error('cannot open the database')); };
        open.onsuccess = () => {
          const request = open.result.transaction('spans').objectStore('spans').getAll();
          request.onsuccess = () => {
            resolve((request.result as { value: StoredSpan }[]).map((row) => row.value));
            open.result.close();
          };
          request.onerror = () => { reject(new Error('cannot read spans')); };
        };
      }),
  );
}

test('the metrics view shows per-agent figures that match the recorded spans', async ({ extension, anthropic, alpaca }) => {
  alpaca.state.setCash('2500');
  alpaca.state.setPosition('AAPL', '10', '150');
  // Turn 1: the supervisor answers directly. Turn 2: a tool call, then the answer.
  anthropic.setScript((request, { call }) => {
    const asked = JSON.stringify(request.messages);
    if (asked.includes('portfolio') && call % 2 === 1) return message(toolUse('get_portfolio_summary', {}));
    return message(text(asked.includes('portfolio') && !asked.includes('tool_result') ? 'Checking.' : 'Here is the answer.'));
  });
  await configureThroughOptions(extension, { anthropic, alpaca });
  const panel = await extension.openPage('sidepanel.html');
  const log = panel.getByRole('log', { name: 'Conversation' });
  for (const question of ['What is an ETF?', 'How is my portfolio doing?']) {
    await panel.getByRole('textbox', { name: 'Message' }).fill(question);
    await panel.getByRole('button', { name: 'Send' }).click();
    await expect(panel.getByRole('button', { name: 'Good answer' })).toHaveCount(question === 'What is an ETF?' ? 1 : 2, { timeout: 30_000 });
  }
  await expect(log).toContainText('Here is the answer.');
  // Feedback on the first answer: one labelled turn, below the minimum.
  await panel.getByRole('button', { name: 'Good answer' }).first().click();
  await expect(panel.getByRole('button', { name: 'Good answer' }).first()).toHaveAttribute('aria-pressed', 'true');

  const metrics = await extension.openPage('metrics.html');
  await metrics.setViewportSize({ width: 1200, height: 1400 });
  // Both turns' spans are stored when their runs end; wait for the two run spans.
  await expect.poll(async () => (await storedSpans(metrics)).filter((span) => span.kind === 'agent-run').length, { timeout: 20_000 }).toBe(2);
  const spans = await storedSpans(metrics);
  await metrics.reload();
  await expect(metrics.getByRole('heading', { name: 'Agent metrics' })).toBeVisible();
  await expect(metrics.getByRole('combobox', { name: 'Time range' })).toHaveValue('day');

  const table = metrics.getByRole('table', { name: 'Agents' });
  await expect(table).toBeVisible();
  const agents = [...new Set(spans.filter((span) => span.kind === 'model-call').map((span) => span.agent ?? ''))];
  expect(agents.length).toBeGreaterThan(0);
  for (const agent of agents) {
    const calls = spans.filter((span) => span.kind === 'model-call' && span.agent === agent);
    const ok = calls.filter((span) => span.outcome === 'ok').length;
    const input = calls.reduce((sum, span) => sum + (span.tokens?.input ?? 0), 0);
    const output = calls.reduce((sum, span) => sum + (span.tokens?.output ?? 0), 0);
    const micros = calls.reduce((sum, span) => sum + Math.round(Number(span.costUsd ?? '0') * 1_000_000), 0);
    const row = table.locator(`tr[data-name="${agent}"]`);
    await expect(row.locator('[data-column="calls"]')).toHaveText(calls.length.toLocaleString('en-US'));
    await expect(row.locator('[data-column="success-rate"]')).toHaveText(`${((ok / calls.length) * 100).toFixed(1)} %`);
    await expect(row.locator('[data-column="tokens"]')).toHaveText(`${input.toLocaleString('en-US')} / ${output.toLocaleString('en-US')}`);
    await expect(row.locator('[data-column="cost"]')).toHaveAttribute('data-usd', (micros / 1_000_000).toFixed(6));
  }
  const tools = metrics.getByRole('table', { name: 'Tools' });
  const toolCalls = spans.filter((span) => span.kind === 'tool-call');
  expect(toolCalls.length).toBeGreaterThan(0);
  await expect(tools.locator('tr[data-name="get_portfolio_summary"] [data-column="calls"]')).toHaveText(String(toolCalls.filter((span) => (span as { tool?: string }).tool === 'get_portfolio_summary').length));

  const routing = metrics.getByRole('region', { name: 'Routing' });
  await expect(routing).toContainText('not enough labelled turns');
  await expect(routing).toContainText('1 labelled turns');
  await expect(metrics.getByRole('group', { name: 'Turns' })).toContainText('2');

  // A trace opens its waterfall, linked to the conversation.
  const traces = metrics.getByRole('region', { name: 'Traces' });
  await traces.getByRole('button').first().click();
  await expect(traces.getByRole('table', { name: 'Waterfall' })).toBeVisible();
  await expect(traces.getByRole('link', { name: 'Open the conversation' })).toHaveAttribute('href', /sidepanel\.html\?conversation=/);
  await expect(metrics.getByRole('region', { name: 'Alerts' })).toBeVisible();
  await expect(metrics.getByRole('button', { name: 'Export metrics' })).toBeEnabled();
});
