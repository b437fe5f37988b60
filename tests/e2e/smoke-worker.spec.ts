import { expect, test } from '@playwright/test';
import { launchExtension } from './support/browser';

test('the service worker can be stopped and wakes again for a page', async () => {
  const browser = await launchExtension();
  try {
    const page = await browser.openPage('sidepanel.html');
    await browser.stopWorker();
    const woke = await page.evaluate(async () => {
      const port = chrome.runtime.connect({ name: 'clera' });
      return await new Promise<boolean>((resolve) => {
        port.onMessage.addListener(() => { resolve(true); });
        port.postMessage({ id: 'r1', type: 'settings-get' });
        setTimeout(() => { resolve(false); }, 10_000);
      });
    });
    expect(woke).toBe(true);
  } finally {
    await browser.close();
  }
});
