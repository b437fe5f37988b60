import { defineConfig } from 'wxt';
import { financeOrigins } from './src/page/finance-sites';

// The manifest lists only what the product uses. Host permissions cover every API origin the background calls:
// Anthropic, Alpaca paper/live trading, Alpaca market data, and loopback (local gateways and the test simulators).
const demo = process.env.CLERA_DEMO === '1';
const loopback = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    // Only `npm run build:e2e` (CLERA_E2E_HOOKS=1) keeps the end-to-end test hooks; every other build drops them.
    // `npm start` builds with CLERA_DEMO=1: loopback hosts only, a demo banner, a fetch that refuses remote addresses.
    define: { __CLERA_E2E_HOOKS__: JSON.stringify(process.env.CLERA_E2E_HOOKS === '1'), __CLERA_DEMO__: JSON.stringify(demo) },
  }),
  manifest: {
    name: demo ? 'Clera (demo)' : 'Clera',
    description: 'A local-first AI financial assistant running on your own Anthropic and Alpaca keys.',
    // Each permission's reason is in the README ("Permissions").
    permissions: ['storage', 'sidePanel', 'contextMenus', 'alarms', 'unlimitedStorage', 'activeTab', 'scripting', 'notifications'],
    host_permissions: demo
      ? loopback
      : ['https://api.anthropic.com/*', 'https://paper-api.alpaca.markets/*', 'https://api.alpaca.markets/*', 'https://data.alpaca.markets/*', ...loopback],
    // Page detection on the finance sites, only after the user opts in (onboarding or the panel).
    optional_host_permissions: [...financeOrigins],
    action: { default_title: 'Open Clera' },
    commands: {
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+C' }, description: 'Open the Clera side panel' },
    },
    omnibox: { keyword: 'clera' },
    content_security_policy: {
      // connect-src lists the same origins as host_permissions (the worker and pages call nothing else); img-src keeps
      // remote images out of every page (answers show an image's alt text instead). Loopback websockets serve `npm run dev`.
      extension_pages: [
        "script-src 'self'",
        "object-src 'self'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "img-src 'self' data:",
        "connect-src 'self' https://api.anthropic.com https://paper-api.alpaca.markets https://api.alpaca.markets https://data.alpaca.markets http://127.0.0.1:* http://localhost:* ws://127.0.0.1:* ws://localhost:*",
      ].join('; '),
    },
  },
});
