import { defineConfig } from 'wxt';

// The manifest lists only what the product uses. Host permissions cover every API origin the background calls:
// Anthropic, Alpaca paper/live trading, Alpaca market data, and loopback (local gateways and the test simulators).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Clera',
    description: 'A local-first AI financial assistant running on your own Anthropic and Alpaca keys.',
    permissions: ['storage', 'sidePanel', 'contextMenus', 'alarms', 'unlimitedStorage'],
    host_permissions: [
      'https://api.anthropic.com/*',
      'https://paper-api.alpaca.markets/*',
      'https://api.alpaca.markets/*',
      'https://data.alpaca.markets/*',
      'http://127.0.0.1/*',
      'http://localhost/*',
    ],
    action: { default_title: 'Open Clera' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'self'; frame-ancestors 'none'",
    },
  },
});
