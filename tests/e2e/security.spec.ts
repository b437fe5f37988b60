import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './support/fixtures';

test('a web page cannot reach the background', async ({ extension }) => {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>hostile</title><p>page</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const page = await extension.context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const outcome = await page.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, message: unknown) => Promise<unknown> } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no-runtime';
      try {
        return JSON.stringify(await runtime.sendMessage(id, { id: 'x', type: 'settings-get' }));
      } catch (error) {
        return `threw: ${String(error)}`;
      }
    }, extension.extensionId);
    // No externally_connectable: the page gets no messaging API for this extension at all.
    expect(outcome).toBe('no-runtime');
  } finally {
    server.close();
  }
});

test('the background refuses a port that is not from one of its own pages', async ({ extension }) => {
  const worker = await extension.worker();
  // A port with the wrong name stands in for any foreign sender: the worker disconnects it without an answer.
  const page = await extension.openPage('sidepanel.html');
  const result = await page.evaluate(async () => {
    const port = chrome.runtime.connect({ name: 'not-clera' });
    return await new Promise<string>((resolve) => {
      port.onMessage.addListener(() => { resolve('answered'); });
      port.onDisconnect.addListener(() => { resolve('disconnected'); });
      port.postMessage({ id: 'r1', type: 'settings-get' });
      setTimeout(() => { resolve('timeout'); }, 5000);
    });
  });
  expect(result).toBe('disconnected');
  expect(worker.url()).toContain(extension.extensionId);
});
