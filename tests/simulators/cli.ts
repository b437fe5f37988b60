/**
 * `npm run sim`: starts the Anthropic and Alpaca simulators for trying the extension by hand. Point the options
 * page's Advanced base URLs at the printed addresses and use the printed keys. Ctrl+C stops them.
 */
import { startAnthropicSimulator } from './anthropic';
import { demoScript } from './demo-script';
import { startAlpacaSimulator } from './alpaca';

const anthropic = await startAnthropicSimulator({ apiKey: 'sk-ant-sim', script: demoScript });
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
