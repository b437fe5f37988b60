/**
 * The scripted stand-in for the model used by `npm run sim` and `npm start`: a few rules, enough to click through the
 * product (tools, an order card) without an Anthropic account. Every answer says it is scripted.
 */
import { message, text, toolUse, type Script } from './anthropic';

const LABEL = '_Scripted demo answer (local simulator, not Claude)._';

/** The tool names the request offers (the supervisor may first hand over to a specialist). */
function offered(request: Parameters<Script>[0]): Set<string> {
  return new Set((request.tools ?? []).map((tool) => (tool as { name?: string }).name ?? ''));
}

/** A short Markdown table of the scalar figures of a tool result (what the tools really returned). */
function figures(content: unknown): string {
  const raw = typeof content === 'string' ? content : Array.isArray(content) ? content.map((block) => (block as { text?: string }).text ?? '').join('') : '';
  let value: unknown;
  try {
    // eslint-disable-next-line no-restricted-syntax -- simulator code: a tool result is shown, never trusted
    value = JSON.parse(raw);
  } catch {
    return raw.slice(0, 400);
  }
  if (typeof value !== 'object' || value === null) return String(value);
  const rows = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => typeof field === 'string' || typeof field === 'number')
    .slice(0, 8)
    .map(([key, field]) => `| ${key} | ${String(field)} |`);
  return rows.length > 0 ? ['| Figure | Value |', '| --- | --- |', ...rows].join('\n') : 'The tool answered with a list; ask a narrower question.';
}

export const demoScript: Script = (request) => {
  const last = request.messages.at(-1);
  const blocks = last && typeof last.content !== 'string' ? last.content : [];
  const result = blocks.find((block) => block.type === 'tool_result') as { content?: unknown } | undefined;
  if (result) return message(text(`${LABEL}\n\nHere is what the simulated market answered:\n\n${figures(result.content)}`));
  const asked = JSON.stringify(last?.content ?? '');
  const lower = asked.toLowerCase();
  const tools = offered(request);
  const ticker = /\b([A-Z]{2,5})\b/.exec(asked.replace(/\\n/g, ' '))?.[1];
  const buy = /\bbuy \$?(\d+(?:\.\d+)?) (?:dollars )?(?:of|in) ([A-Za-z]{1,5})\b/i.exec(asked);
  if (buy && tools.has('propose_order')) return message(toolUse('propose_order', { side: 'buy', symbol: (buy[2] ?? '').toUpperCase(), amount: buy[1] }));
  if (lower.includes('portfolio') && tools.has('get_portfolio_summary')) return message(toolUse('get_portfolio_summary', {}));
  if (ticker && tools.has('get_quote') && /price|quote|analy[sz]e/.test(lower)) return message(toolUse('get_quote', { symbol: ticker }));
  return message(
    text(`${LABEL}\n\nTry “How is my portfolio doing?”, “What is the price of AAPL?” or “Buy $500 of AAPL” to see the tools and an order card.`),
  );
};
