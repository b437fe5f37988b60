/**
 * The side panel and bundle targets of issue 15, checked against this run's figures and shown beside the figures of
 * the previous run, read back from the docs/benchmarks.md this run replaces (a figure it does not hold shows as –).
 */
import type { BundleResult } from './bundle-size';
import type { PanelResult } from './panel-tti';
import type { Section } from './report';

export interface SpeedCheck {
  target: string;
  previous: string;
  measured: string;
  met: boolean | null;
}

export interface PreviousFigures {
  composerP50Ms?: number;
  conversationShownP50Ms?: number;
  sidePanelLoadKiB?: number;
  sidePanelJsKiB?: number;
  backgroundKiB?: number;
}

const COMPOSER_P50_TARGET_MS = 200;
const CONVERSATION_P50_TARGET_MS = 300;
const PANEL_JS_TARGET_KIB = 350;
const BACKGROUND_TARGET_KIB = 700;

const firstNumber = (text: string | undefined): number | undefined => {
  const match = /([\d.,]+)/.exec(text ?? '');
  return match?.[1] ? Number(match[1].replace(/,/g, '')) : undefined;
};

/** The figures of an earlier docs/benchmarks.md (its tables as this script writes them). */
export function previousFigures(markdown: string): PreviousFigures {
  const row = (start: string) => markdown.split('\n').find((line) => line.startsWith(start))?.split('|').map((cell) => cell.trim());
  const unconfigured = row('| No key saved');
  const configured = row('| Key saved, latest conversation');
  const figures: PreviousFigures = {};
  const set = (key: keyof PreviousFigures, value: number | undefined) => { if (value !== undefined && Number.isFinite(value)) figures[key] = value; };
  set('composerP50Ms', firstNumber(unconfigured?.[3]));
  set('conversationShownP50Ms', firstNumber(configured?.[4]));
  set('sidePanelLoadKiB', firstNumber(/Everything sidepanel\.html loads[^:]*: ([\d.]+) KiB raw/.exec(markdown)?.[1]));
  set('sidePanelJsKiB', firstNumber(/Initial JavaScript of the side panel[^:]*: ([\d.]+) KiB raw/.exec(markdown)?.[1]));
  set('backgroundKiB', firstNumber(row('| background |')?.[3]));
  return figures;
}

const kib = (bytes: number) => bytes / 1024;
const shown = (value: number | undefined, unit: string) => (value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(1)} ${unit}`);

/** The targets, this run's figure, the previous run's, and whether the target is met (null: not measured). */
export function speedChecks(panel: Section<PanelResult>, bundle: Section<BundleResult>, previous: PreviousFigures): SpeedCheck[] {
  const unconfigured = panel.ok ? panel.value.cases.find((c) => c.id === 'unconfigured') : undefined;
  const configured = panel.ok ? panel.value.cases.find((c) => c.id === 'configured-40') : undefined;
  const composer = unconfigured?.composerPage.p50;
  const conversation = configured?.readyPage.p50;
  const panelJs = bundle.ok ? kib(bundle.value.sidePanelJs.raw) : undefined;
  const background = bundle.ok ? kib(bundle.value.groups.find((g) => g.group === 'background')?.raw ?? Number.NaN) : undefined;
  const check = (target: string, before: number | undefined, now: number | undefined, unit: string, met: (value: number) => boolean): SpeedCheck => ({
    target,
    previous: shown(before, unit),
    measured: shown(now, unit),
    met: now === undefined || !Number.isFinite(now) ? null : met(now),
  });
  return [
    check(`Side panel: composer usable p50 < ${String(COMPOSER_P50_TARGET_MS)} ms (no key saved, page clock)`, previous.composerP50Ms, composer, 'ms', (v) => v < COMPOSER_P50_TARGET_MS),
    check(`Side panel: last conversation of 40 messages shown p50 < ${String(CONVERSATION_P50_TARGET_MS)} ms (page clock)`, previous.conversationShownP50Ms, conversation, 'ms', (v) => v < CONVERSATION_P50_TARGET_MS),
    check(`Side panel: initial JavaScript < ${String(PANEL_JS_TARGET_KIB)} KiB raw`, previous.sidePanelJsKiB, panelJs, 'KiB', (v) => v < PANEL_JS_TARGET_KIB),
    check(`Background bundle ≤ ${String(BACKGROUND_TARGET_KIB)} KiB raw`, previous.backgroundKiB, background, 'KiB', (v) => v <= BACKGROUND_TARGET_KIB),
  ];
}
