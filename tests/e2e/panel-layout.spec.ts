import { test, expect, configureThroughOptions } from './support/fixtures';
import type { Locator, Page } from '@playwright/test';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} has no box`);
  return box;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function headerControls(panel: Page): Record<string, Locator> {
  return {
    'Incognito chat': panel.getByRole('switch', { name: 'Incognito chat' }),
    'New chat': panel.getByRole('button', { name: 'New chat', exact: true }),
    Conversations: panel.getByRole('button', { name: 'Conversations' }),
    'Conversation menu': panel.getByRole('button', { name: 'Conversation menu' }),
    Metrics: panel.getByRole('link', { name: 'Metrics' }),
    'Keyboard shortcuts': panel.getByRole('button', { name: 'Keyboard shortcuts' }),
    Settings: panel.getByRole('button', { name: 'Settings' }),
  };
}

// Chrome lets the user narrow the side panel to about 320 px; 420 px is a common width. At both, the header keeps the
// name, the trading mode and every control inside the panel, none on top of another, and the conversations sheet opens
// below the header (its toggle stays reachable to close it).
for (const width of [320, 420]) {
  test(`the panel header fits ${String(width)} px: every control inside the panel, the name and mode uncovered`, async ({ extension, anthropic, alpaca }) => {
    await configureThroughOptions(extension, { anthropic, alpaca });
    const panel = await extension.openPage('sidepanel.html');
    await panel.setViewportSize({ width, height: 700 });
    await expect(panel.getByRole('textbox', { name: 'Message' })).toBeVisible();

    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the page scrolls sideways').toBe(0);

    const name = await boxOf(panel.getByRole('heading', { name: 'Clera', level: 1 }));
    const mode = await boxOf(panel.getByRole('status', { name: 'Trading mode' }));
    expect(overlaps(name, mode), 'the trading mode covers the name').toBe(false);
    const boxes: [string, Box][] = [['Clera', name], ['Trading mode', mode]];
    for (const [label, control] of Object.entries(headerControls(panel))) {
      await expect(control, label).toBeVisible();
      const box = await boxOf(control);
      expect(box.x, `${label} starts left of the panel`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${label} ends right of the panel`).toBeLessThanOrEqual(width);
      for (const [other, otherBox] of boxes) expect(overlaps(box, otherBox), `${label} overlaps ${other}`).toBe(false);
      boxes.push([label, box]);
    }

    const toggle = panel.getByRole('button', { name: 'Conversations' });
    await toggle.click();
    const sheet = panel.getByRole('dialog', { name: 'Past conversations' });
    await expect(sheet).toBeVisible();
    // It slides in by a few pixels: measure where it comes to rest.
    await sheet.evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
    const header = await boxOf(panel.locator('header'));
    expect((await boxOf(sheet)).y, 'the sheet covers the header').toBeGreaterThanOrEqual(header.y + header.height - 1);
    await toggle.click();
    await expect(sheet).toHaveCount(0);
  });
}
