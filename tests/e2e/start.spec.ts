import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseJson } from '../../src/protocol/json';
import { launchDemo, type Demo } from '../../scripts/demo/launch';

// The same launcher as `npm start`, headless: it builds the demo extension itself (into its own folder).
test('npm start\'s launcher opens a labelled demo that answers a question end to end against the simulators', async () => {
  test.setTimeout(240_000);
  let demo: Demo | undefined;
  try {
    demo = await launchDemo({ headless: true, outDir: '.output/demo-e2e' });
    const { panel } = demo;
    await expect(panel.getByRole('region', { name: 'Demo mode' })).toContainText('scripted local model');
    await expect(panel.getByRole('status', { name: 'Trading mode' })).toHaveText('PAPER');
    await panel.getByRole('textbox', { name: 'Message' }).fill('How is my portfolio doing?');
    await panel.getByRole('button', { name: 'Send' }).click();
    const log = panel.getByRole('log', { name: 'Conversation' });
    await expect(log).toContainText('Scripted demo answer', { timeout: 30_000 });
    await expect(log).toContainText('Here is what the simulated market answered');
    expect(demo.alpaca.requests.some((r) => r.path === '/v2/account')).toBe(true);
    // The demo build's manifest names no remote host: Chrome itself would refuse a real broker.
    const manifest = parseJson(z.object({ host_permissions: z.array(z.string()) }), readFileSync(path.resolve(import.meta.dirname, '../../.output/demo-e2e/chrome-mv3/manifest.json'), 'utf8'));
    expect(manifest.host_permissions.every((host) => host.startsWith('http://127.0.0.1') || host.startsWith('http://localhost'))).toBe(true);
  } finally {
    await demo?.close();
  }
});
