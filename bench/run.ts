/**
 * `npm run bench`: the agent loop against the simulators, the side panel's time to interactive in Chromium, and the
 * built bundle's sizes; writes docs/benchmarks.md. It reports figures and never fails because a target is missed.
 */
import 'fake-indexeddb/auto';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runAgentLoopBench } from './agent-loop';
import { measureBundle } from './bundle-size';
import { machineInfo } from './machine';
import { ensureBuild, measurePanelTti } from './panel-tti';
import { consoleSummary, renderMarkdown, type BenchReport, type Section } from './report';
import { previousFigures } from './speed-targets';
import { measureSpanCost, renderSpanCost } from './span-cost';
import { measureSealCost, renderSealCost } from './seal-cost';
import { renderMemoryBench, runMemoryBench } from './memory-context';
import { measureMetricsFigures, renderMetricsFigures } from './metrics-figures';

const ROOT = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const quick = flag('quick');
const iterations = Number.parseInt(value('iterations') ?? '', 10) || (quick ? 10 : 30);
const warmups = quick ? 2 : 3;
const panelIterations = quick ? 5 : 10;
const only = value('only')?.split(',').filter(Boolean);
const out = path.resolve(ROOT, value('out') ?? 'docs/benchmarks.md');
const log = (line: string) => { console.log(line); };

async function section<T>(name: string, skip: boolean, work: () => Promise<T>): Promise<Section<T>> {
  if (skip) {
    log(`${name}: skipped`);
    return { ok: false, skipped: true };
  }
  log(`${name}…`);
  const started = performance.now();
  try {
    const result = await work();
    log(`${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { ok: true, value: result };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${name}: FAILED\n${message}`);
    return { ok: false, error: message };
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = machineInfo();
  const agent = await section('Agent loop', flag('skip-agent'), () => runAgentLoopBench({ iterations, warmups, ...(only ? { only } : {}), log }));
  const panel = await section('Side panel time to interactive', flag('skip-panel'), () =>
    measurePanelTti({ iterations: panelIterations, withConversation: !flag('no-conversation'), rebuild: flag('rebuild'), log }),
  );
  const bundle = await section('Bundle sizes', flag('skip-bundle'), async () => {
    // The panel section already built when needed; on its own, build only when stale.
    const build = panel.ok ? panel.value.build : await ensureBuild({ force: flag('rebuild') && flag('skip-panel'), log });
    return measureBundle(build.dir);
  });
  const report: BenchReport = {
    machine,
    options: { quick, iterations, warmups, panelIterations, argv },
    durationMs: performance.now() - started,
    loadAverageAtEnd: os.loadavg()[0] ?? Number.NaN,
    agent,
    panel,
    bundle,
    previous: previousFigures(await readFile(out, 'utf8').catch(() => '')),
  };
  const spanCost = await measureSpanCost();
  log(`Metric capture: ${spanCost.p50Us.toFixed(1)} µs per event (p50), ${spanCost.p95Us.toFixed(1)} µs (p95)`);
  const sealCost = await measureSealCost();
  for (const row of sealCost) log(`Sealing: ${row.what} adds ${row.addedP50Ms.toFixed(3)} ms (p50)`);
  const memory = await section('Memory and long conversations', flag('skip-memory'), () => runMemoryBench({ log }));
  const metricsFigures = flag('skip-metrics') ? null : await measureMetricsFigures();
  if (metricsFigures) log(`Metrics view figures over ${String(metricsFigures.spans)} spans: ${Object.entries(metricsFigures.ranges).map(([range, f]) => `${range} ${f.p50Ms.toFixed(0)} ms`).join(', ')}`);
  await writeFile(out, renderMarkdown(report) + renderSpanCost(spanCost) + renderSealCost(sealCost) + (memory.ok ? renderMemoryBench(memory.value) : '') + (metricsFigures ? renderMetricsFigures(metricsFigures) : ''));
  log('');
  for (const line of consoleSummary(report)) log(line);
  log(`\nWrote ${path.relative(ROOT, out)}`);
  const failed = [agent, panel, bundle].some((s) => !s.ok && !('skipped' in s));
  process.exitCode = failed ? 1 : 0;
}

await main();
