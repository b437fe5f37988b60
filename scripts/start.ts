/**
 * `npm start`: try Clera without any account. Builds the extension in demo mode, starts the simulators with a sample
 * paper portfolio, and opens Chromium with the extension loaded and pointed at them. Close the browser (or Ctrl+C)
 * to stop everything.
 */
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../tests/e2e/support/browser';
import { launchDemo } from './demo/launch';

if (!existsSync(CHROMIUM_PATH)) {
  console.error(`No Chromium at ${CHROMIUM_PATH}: install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
const headless = process.env.CLERA_HEADLESS === '1';
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
  console.error('No display found (DISPLAY is not set). Run it on a desktop session, or set CLERA_HEADLESS=1 to check the launcher alone.');
  process.exit(1);
}

const demo = await launchDemo({ headless, log: (line) => { console.log(line); } });
console.log('');
console.log('Clera demo mode is running.');
console.log('  Answers come from a scripted local model and prices from a simulated market; nothing reaches a real broker.');
console.log(`  Anthropic simulator: ${demo.anthropic.url}`);
console.log(`  Alpaca simulator:    ${demo.alpaca.tradingUrl} (trading), ${demo.alpaca.dataUrl} (market data)`);
console.log('  Try: "How is my portfolio doing?", "What is the price of AAPL?", "Buy $500 of AAPL".');
console.log('Close the browser or press Ctrl+C to stop.');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void demo.close().then(() => process.exit(0));
};
demo.context.on('close', stop);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
