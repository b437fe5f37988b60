import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['src/**/*.test.ts', 'eval/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts', 'entrypoints/**/*.test.ts', 'entrypoints/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 20_000,
  },
});
