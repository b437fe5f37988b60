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
import { measureUnlockTime, renderUnlockTime } from './unlock-time';
import { renderMemoryBench, runMemoryBench } from './memory-context';
import { measureMetricsFigures, renderMetricsFigures } from './metrics-figures';
import { measureStreaming, renderStreaming } from './stream-latency';
import { measureServiceWorker, renderServiceWorker } from './service-worker';
import { addBenchPages, measureAuditAppend, measureMetricsChromium, renderExtensionPages, type AuditAppendResult, type MetricsChromiumResult } from './extension-pages';
import { launchWithExtension } from './browser';
import type { Summary } from './stats';

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
  const unlock = await measureUnlockTime();
  log(`Unlock with a passphrase: p50 ${unlock.p50Ms.toFixed(0)} ms (PBKDF2-SHA256, ${String(unlock.iterations)} iterations)`);
  const memory = await section('Memory and long conversations', flag('skip-memory'), () => runMemoryBench({ log }));
  const metricsFigures = flag('skip-metrics') ? null : await measureMetricsFigures();
  if (metricsFigures) log(`Metrics view figures over ${String(metricsFigures.spans)} spans: ${Object.entries(metricsFigures.ranges).map(([range, f]) => `${range} ${f.p50Ms.toFixed(0)} ms`).join(', ')}`);
  // Chromium: streaming in the panel, the loop and heap inside the worker, audit append and the metrics view.
  const streaming = await section('Streaming in the side panel', flag('skip-stream') || flag('skip-browser'), () =>
    measureStreaming({ iterations: quick ? 10 : 20, longRuns: 3, log }),
  );
  const worker = await section('Agent loop inside the service worker', flag('skip-worker') || flag('skip-browser'), () =>
    measureServiceWorker({ iterations: quick ? 5 : 15, warmups: 2, heapTurns: 200, log }),
  );
  const pages = await section('Audit append and metrics view in Chromium', flag('skip-pages') || flag('skip-browser'), async () => {
    const build = await ensureBuild({ force: false, log });
    await addBenchPages(build.dir);
    const browser = await launchWithExtension(build.dir);
    try {
      const audit: AuditAppendResult = await measureAuditAppend(browser, 2000, 3);
      log(`  audit append, one after another: ${audit.chromium.map((r) => r.perSecond.toFixed(0)).join(', ')} entries/s (Chromium), ${audit.node.perSecond.toFixed(0)} (Node)`);
      log(`  audit append, all at once: ${audit.chromiumTogether.map((r) => r.perSecond.toFixed(0)).join(', ')} entries/s (Chromium), ${audit.nodeTogether.perSecond.toFixed(0)} (Node)`);
      const metricsView: MetricsChromiumResult = await measureMetricsChromium(browser, 100_000, 5);
      log(`  metrics view: figures ${Object.entries(metricsView.report).map(([r, v]) => `${r} ${v.p50.toFixed(0)} ms`).join(', ')}; first render p50 ${metricsView.firstRender.p50.toFixed(0)} ms`);
      return { audit, metricsView };
    } finally {
      await browser.close();
    }
  });
  const nodeOverhead = new Map<string, Summary>(agent.ok ? agent.value.results.map((r) => [r.type.id, r.overhead] as const) : []);
  await writeFile(
    out,
    renderMarkdown(report) +
      renderSpanCost(spanCost) +
      renderSealCost(sealCost) +
      renderUnlockTime(unlock) +
      (memory.ok ? renderMemoryBench(memory.value) : '') +
      (metricsFigures ? renderMetricsFigures(metricsFigures) : '') +
      (streaming.ok ? renderStreaming(streaming.value) : '') +
      (worker.ok ? renderServiceWorker(worker.value, nodeOverhead) : '') +
      (pages.ok ? renderExtensionPages(pages.value.audit, pages.value.metricsView) : ''),
  );
  log('');
  for (const line of consoleSummary(report)) log(line);
  log(`\nWrote ${path.relative(ROOT, out)}`);
  const failed = [agent, panel, bundle, streaming, worker, pages].some((s) => !s.ok && !('skipped' in s));
  process.exitCode = failed ? 1 : 0;
}

await main();
