/**
 * `npm run sim`: starts the Anthropic and Alpaca simulators for trying the extension by hand. Point the options
 * page's Advanced base URLs at the printed addresses and use the printed keys. Ctrl+C stops them.
 */
import { startAnthropicSimulator, message, text, toolUse, type Script } from './anthropic';
import { startAlpacaSimulator } from './alpaca';

// A tiny rule-based stand-in for the model, enough to click through the product without an Anthropic account.
const script: Script = (request) => {
  const last = request.messages.at(-1);
  const lastBlocks = last && typeof last.content !== 'string' ? last.content : [];
  if (lastBlocks.some((block) => block.type === 'tool_result')) {
    return message(text('Here is what I found (simulated model): the tools answered; see the figures above in a real session.'));
  }
  const asked = JSON.stringify(last?.content ?? '').toLowerCase();
  if (asked.includes('portfolio')) return message(toolUse('get_portfolio_summary', {}));
  const ticker = /\b([A-Z]{1,5})\b/.exec(JSON.stringify(last?.content ?? ''))?.[1];
  if (ticker && asked.includes('price')) return message(toolUse('get_quote', { symbol: ticker }));
  return message(text('This is the local Anthropic simulator. Ask about "my portfolio" or "the price of AAPL" to see tools run.'));
};

const anthropic = await startAnthropicSimulator({ apiKey: 'sk-ant-sim', script });
const alpaca = await startAlpacaSimulator();
console.log(`Anthropic simulator: ${anthropic.url}   (API key: sk-ant-sim)`);
console.log(`Alpaca trading:      ${alpaca.tradingUrl}   (key ID: ${alpaca.keyId}, secret: ${alpaca.secret})`);
console.log(`Alpaca market data:  ${alpaca.dataUrl}`);
console.log('Press Ctrl+C to stop.');
const stop = () => {
  void Promise.all([anthropic.close(), alpaca.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
