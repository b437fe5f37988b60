import { describe, expect, it } from 'vitest';
import { previousFigures, speedChecks } from '../../bench/speed-targets';
import type { BundleResult } from '../../bench/bundle-size';

const earlier = [
  '| No key saved (first run: the "Add your Anthropic API key" card) | 1598.5 / 2070.2 | 319.6 / 458.8 | 362.5 / 506.4 | 394.3 / 515.2 | 414.7 / 537.7 | 298.6 (p50) |',
  '| Key saved, latest conversation of 40 messages (20 turns with tables) | 331.8 / 594.1 | 286.4 / 419.0 | 589.0 / 755.6 | 471.9 / 754.4 | 701.1 / 828.7 | 258.0 (p50) |',
  '| background | 1 | 783.4 KiB | 209.2 KiB |',
  'Everything sidepanel.html loads (HTML, scripts, styles): 559.5 KiB raw, 170.9 KiB gzip.',
].join('\n');

describe('speed targets', () => {
  it('reads the previous run\'s panel and bundle figures back from its tables', () => {
    expect(previousFigures(earlier)).toEqual({ composerP50Ms: 319.6, conversationShownP50Ms: 589.0, sidePanelLoadKiB: 559.5, backgroundKiB: 783.4 });
    expect(previousFigures('')).toEqual({});
  });

  it('checks the bundle targets and leaves the panel ones unmeasured when the panel section did not run', () => {
    const bundle = { sidePanelJs: { raw: 340 * 1024, gzip: 0 }, groups: [{ group: 'background', files: 1, raw: 701 * 1024, gzip: 0 }] } as unknown as BundleResult;
    const checks = speedChecks({ ok: false, skipped: true }, { ok: true, value: bundle }, { backgroundKiB: 783.4 });
    expect(checks.map((check) => [check.previous, check.measured, check.met])).toEqual([
      ['–', '–', null],
      ['–', '–', null],
      ['–', '340.0 KiB', true],
      ['783.4 KiB', '701.0 KiB', false],
    ]);
  });
});
