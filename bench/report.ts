/** Turns the measurements into docs/benchmarks.md (regenerated on every run) and a short console summary. */
import { speedChecks, type PreviousFigures } from './speed-targets';
import type { AgentLoopResult, TypeResult } from './agent-loop';
import type { BundleResult } from './bundle-size';
import type { MachineInfo } from './machine';
import type { PanelResult } from './panel-tti';
import type { Summary } from './stats';

export const OVERHEAD_P95_TARGET_MS = 30;

export interface BenchOptions {
  quick: boolean;
  iterations: number;
  warmups: number;
  panelIterations: number;
  argv: string[];
}

export type Section<T> = { ok: true; value: T } | { ok: false; error: string } | { ok: false; skipped: true };

export interface BenchReport {
  machine: MachineInfo;
  options: BenchOptions;
  durationMs: number;
  loadAverageAtEnd?: number;
  agent: Section<AgentLoopResult>;
  panel: Section<PanelResult>;
  bundle: Section<BundleResult>;
  /** Figures of the run this one replaces (read from the docs/benchmarks.md it overwrites). */
  previous?: PreviousFigures;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const num = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const p50p95 = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)}`;
const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? '**met**' : '**not met**');

export function targetChecks(agent: Section<AgentLoopResult>): TargetCheck[] {
  if (!agent.ok) {
    return [
      { target: '1 model call for a direct answer', measured: '–', met: null },
      { target: '≤ 2 model calls for a single-specialist question', measured: '–', met: null },
      { target: `Orchestration overhead p95 < ${OVERHEAD_P95_TARGET_MS} ms per turn (every question type)`, measured: '–', met: null },
    ];
  }
  const results = agent.value.results;
  const byId = (id: string) => results.find((r) => r.type.id === id);
  const direct = byId('direct');
  const single = results.filter((r) => r.type.maxModelCallsTarget === 2);
  const worst = [...results].sort((a, b) => b.overhead.p95 - a.overhead.p95)[0];
  return [
    {
      target: '1 model call for a direct answer',
      measured: direct ? `${num(direct.modelCalls.max)} (max over ${direct.samples.length} turns)` : '–',
      met: direct ? direct.modelCalls.max <= 1 : null,
    },
    {
      target: '≤ 2 model calls for a single-specialist question',
      measured: single.length ? single.map((r) => `${r.type.id} ${num(r.modelCalls.max)}`).join(', ') + ' (max)' : '–',
      met: single.length ? single.every((r) => r.modelCalls.max <= 2) : null,
    },
    {
      target: `Orchestration overhead p95 < ${OVERHEAD_P95_TARGET_MS} ms per turn (every question type)`,
      measured: worst
        ? `worst p95 ${ms(worst.overhead.p95)} ms (${worst.type.id}); p95 ${ms(Math.min(...results.map((r) => r.overhead.p95)))}–${ms(worst.overhead.p95)} ms across types`
        : '–',
      met: worst ? results.every((r) => r.overhead.p95 < OVERHEAD_P95_TARGET_MS) : null,
    },
  ];
}

function sectionProblem(section: Section<unknown>): string | null {
  if (section.ok) return null;
  return 'skipped' in section ? '_Skipped on this run (see the flags below)._' : `_Not measured: the section failed._\n\n\`\`\`\n${section.error}\n\`\`\``;
}

function conversationOf(result: TypeResult): string {
  return result.type.previous ? '2nd turn of a conversation' : 'fresh conversation';
}

function agentSection(agent: Section<AgentLoopResult>): string[] {
  const lines = ['## 1. Agent loop', ''];
  const problem = sectionProblem(agent);
  if (problem) return [...lines, problem, ''];
  if (!agent.ok) return lines;
  const { results, iterations, warmups, totalTurns, durationMs } = agent.value;
  lines.push(
    `The real background app (\`createBackgroundApp\`: Dexie on fake-indexeddb, the real port protocol through the page-side ` +
      `port client, the real agent loop, Anthropic SDK and Alpaca clients) in Node, against the Anthropic and Alpaca ` +
      `simulators (tests/simulators) at zero latency, in a forked child process so their work does not run on the ` +
      `background's event loop. First one untimed round through every question type, then per question type: ` +
      `${warmups} warm-up turns and ${iterations} measured turns, run one after another (${num(totalTurns)} turns in ${(durationMs / 1000).toFixed(1)} s in all). Each measured turn is a new ` +
      'conversation, except the second-turn case, where each iteration opens a conversation with an untimed first turn and ' +
      'times the second. The simulators’ prompt cache lives for the whole run, so after the warm-ups the tool list and ' +
      'system prompts are already cached, as they would be for a user asking several questions within five minutes.',
    '',
    '### Model calls and tokens per turn (means)',
    '',
    '| Question type | Conversation | Model calls | Broker requests | Input | Output | Cache read | Cache write | Tool errors | Failed turns |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    lines.push(
      `| ${r.type.label} | ${conversationOf(r)} | ${num(r.modelCalls.mean, 2)} | ${num(r.brokerRequests, 1)} | ${num(r.tokens.input)} | ${num(r.tokens.output)} | ` +
        `${num(r.tokens.cacheRead)} | ${num(r.tokens.cacheWrite)} | ${num(r.toolErrors, 1)} | ${r.failures} / ${r.samples.length} |`,
    );
  }
  lines.push(
    '',
    'Tokens are the simulator’s estimates (about four characters a token) summed over the turn’s model calls, as saved in ' +
      'the run state (`state.usage`). "Input" is uncached input only. Tool errors are tool results returned to the model ' +
      'as errors (the invalid-input case is designed to have one).',
    '',
    '### Time per turn (ms, p50 / p95)',
    '',
    '| Question type | Wall time | Waiting on simulators | of which model | of which broker | **Orchestration overhead** | Overhead < 30 ms (p95) | CPU time |',
    '| --- | ---: | ---: | ---: | ---: | ---: | :---: | ---: |',
  );
  for (const r of results) {
    lines.push(
      `| ${r.type.label} | ${p50p95(r.wall)} | ${p50p95(r.waiting)} | ${p50p95(r.modelWait)} | ${p50p95(r.brokerWait)} | **${p50p95(r.overhead)}** | ${r.overhead.p95 < OVERHEAD_P95_TARGET_MS ? 'met' : 'not met'} | ${p50p95(r.cpu)} |`,
    );
  }
  lines.push(
    '',
    '### Where the overhead falls (ms, p50 / p95)',
    '',
    '| Question type | Before the first upstream request | Between upstream requests | After the last response |',
    '| --- | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.type.label} | ${p50p95(r.beforeFirst)} | ${p50p95(r.between)} | ${p50p95(r.afterLast)} |`),
    '',
    'Before the first request: `chat-send` handling (saving the user and assistant messages, building the turn runtime ' +
      'from the saved settings and keys, reading the history) and the first request body. Between requests: saving the ' +
      'run state after each step, validating tool input, running the tools’ own computation on the returned data, and ' +
      'building the next request. After the last response: the final saves and the `message-upsert` and `run-end` events.',
  );
  lines.push(
    '',
    '- **Wall time**: from the page side sending `chat-send` until the `run-end` event for that answer arrives back on the ' +
      'page side of the port.',
    '- **Waiting on simulators**: the union of the intervals during which at least one upstream request was in flight, from ' +
      'the `fetch` call until the last byte of the response body arrived (for streams, until the stream ended). The ' +
      'background is given a timing `fetch` (bench/timing-fetch.ts) that drains each body eagerly into a new stream, so the ' +
      'SDK’s SSE parsing and the loop’s per-delta work are not counted as waiting when they happen after the bytes arrived. ' +
      'Parallel tool requests count once.',
    '- **Orchestration overhead** = wall time − waiting on simulators: the port protocol, Dexie reads and writes (the run ' +
      'state is saved after every step), building requests, validating tool input and output, finance calculations on the ' +
      'returned data, streaming deltas to the page, and garbage collection.',
    '- **CPU time**: user + system CPU of the benchmark process during the turn (`process.cpuUsage`), which holds the ' +
      'background, its HTTP client and the page-side port client but not the simulators. Unlike the wall-clock figures it ' +
      'hardly moves when other programs load the machine. It can exceed the overhead: it also counts work done while a ' +
      'request is in flight (serialising bodies, the HTTP client, parsing streamed events) and GC on helper threads.',
    '',
  );
  return lines;
}

function panelSection(panel: Section<PanelResult>): string[] {
  const lines = ['## 2. Side panel time to interactive', ''];
  const problem = sectionProblem(panel);
  if (problem) return [...lines, problem, ''];
  if (!panel.ok) return lines;
  const { build, cases, iterations, chromium } = panel.value;
  lines.push(
    `${chromium}, headless, with the built extension (\`${build.rebuilt ? `rebuilt with wxt build in ${((build.buildMs ?? 0) / 1000).toFixed(1)} s: ${build.reason}` : `reused: ${build.reason}`}\`), ` +
      `launched like \`launchExtension\` in tests/e2e/support/browser.ts (same flags) but from the benchmark's own build ` +
      `in \`${build.dir}\` (WXT's \`build()\` with the project config and \`outDir\` moved, so a \`wxt build\` run by ` +
      `other work into .output/ at the same time neither disturbs nor is disturbed by it). Each sample opens sidepanel.html in a new tab ` +
      `(the service worker is already running); ${iterations} samples per case after one first open, which is shown apart: ` +
      `in the no-key case it is the first page the browser opens after it started (code cache cold), in the configured ` +
      `case the first open after the conversation was written.`,
    '',
    '| Case | First open: composer / ready | Composer usable, page clock | Session shown, page clock | Composer usable, Node clock | Session shown, Node clock | DOMContentLoaded |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const c of cases) {
    lines.push(
      `| ${c.label} | ${ms(c.first.composerPage)} / ${ms(c.first.readyPage)} | ${p50p95(c.composerPage)} | ${p50p95(c.readyPage)} | ${p50p95(c.composerNode)} | ${p50p95(c.readyNode)} | ${ms(c.domContentLoadedPage.p50)} (p50) |`,
    );
  }
  lines.push(
    '',
    'Milliseconds, p50 / p95. **Composer usable**: the Message box is in the page, visible and enabled. **Session shown**: ' +
      'the background answered `session-open` and the panel rendered it (the "Add your Anthropic API key" card, or the last ' +
      'answer of the conversation). **Page clock**: `performance.now()` in the page (from navigation start) when a ' +
      'MutationObserver, installed before the page’s scripts, first saw the state. **Node clock**: from just before ' +
      '`page.goto` until Playwright saw it; it adds CDP round trips and Playwright’s polling, so it is the looser figure.',
    '',
  );
  const conversation = cases.find((c) => c.id === 'configured-40');
  if (conversation) lines.push(`The configured case rendered ${conversation.messagesShown} entries in the conversation log.`, '');
  return lines;
}

function bundleSection(bundle: Section<BundleResult>): string[] {
  const lines = ['## 3. Bundle sizes', ''];
  const problem = sectionProblem(bundle);
  if (problem) return [...lines, problem, ''];
  if (!bundle.ok) return lines;
  const { groups, files, total, sidePanelLoad, builtAt } = bundle.value;
  lines.push(
    `The benchmark's build of the extension (\`${bundle.value.dir}\`, the same sources and config as \`.output/chrome-mv3\`), built at ${builtAt}. Gzip is node:zlib at level 9, for comparison only: an extension's files ` +
      'are read from disk uncompressed (the Web Store serves the package zipped), so the raw size is what Chromium parses.',
    '',
    '| Group | Files | Raw | Gzip |',
    '| --- | ---: | ---: | ---: |',
    ...groups.map((g) => `| ${g.group} | ${g.files} | ${kib(g.raw)} | ${kib(g.gzip)} |`),
    `| **Total** | **${total.files}** | **${kib(total.raw)}** | **${kib(total.gzip)}** |`,
    '',
    `Everything sidepanel.html loads (HTML, scripts, styles): ${kib(sidePanelLoad.raw)} raw, ${kib(sidePanelLoad.gzip)} gzip.`,
    '',
    `Initial JavaScript of the side panel (the scripts sidepanel.html loads before it runs; chunks it imports later, such as the Markdown renderer and the charts, are not counted): ${kib(bundle.value.sidePanelJs.raw)} raw, ${kib(bundle.value.sidePanelJs.gzip)} gzip.`,
    '',
    '| File | Group | Raw (bytes) | Gzip (bytes) |',
    '| --- | --- | ---: | ---: |',
    ...[...files].sort((a, b) => b.raw - a.raw).map((f) => `| \`${f.file}\` | ${f.group} | ${num(f.raw)} | ${num(f.gzip)} |`),
    '',
  );
  return lines;
}

function notes(report: BenchReport): string[] {
  const lines = ['## What these numbers do and do not show', ''];
  const agent = report.agent.ok ? report.agent.value : null;
  if (agent) lines.push(...cacheNote(agent));
  if (agent) {
    const share = agent.results.map((r) => `${r.type.id} ${((r.overhead.p50 / r.wall.p50) * 100).toFixed(0)}%`).join(', ');
    lines.push(
      `- The simulators answer at once and stream every event back to back, so a turn here takes milliseconds. Against the ` +
        'real APIs a model call takes from about a second to tens of seconds (time to first token plus generation), and an ' +
        'Alpaca request tens to hundreds of milliseconds; the network and the model dominate a real turn completely. What ' +
        `this benchmark isolates is the extension's own share: overhead as a share of wall time at p50 is ${share}.`,
    );
  } else {
    lines.push('- The agent-loop section did not run, so nothing is said here about the loop.');
  }
  lines.push(
    '- Model-call counts are a property of the loop’s routing and of the scripted replies: the simulator is told what a ' +
      'model would do (which tools to call, when to answer). They show the loop makes no extra calls of its own, not how ' +
      'often a real model would pick the right tool first time.',
    '- Token counts are the simulator’s estimate (characters / 4) of the exact requests the extension sent, and cache ' +
      'reads and writes follow the API’s prefix rules as the simulator models them (no minimum length, no expiry). They are ' +
      'good for comparing changes to prompts, tools and caching, not for predicting a bill to the token.',
    '- The agent loop ran in Node, not in Chrome’s service worker: storage is fake-indexeddb (JavaScript on the same ' +
      'thread, structured cloning every record) rather than Chrome’s IndexedDB, and HTTP is Node’s undici (JavaScript on ' +
      'the main thread) rather than Chrome’s network stack (another process). Both shift the costs; read the overhead as an ' +
      'order of magnitude and a baseline for regressions, not as the figure a user’s browser would show.',
    '- Wall-clock figures depend on what else the machine is doing (see the load averages above; this machine has 2 ' +
      'cores, and the simulators’ process and Chromium compete for them). The CPU-time column is the steadier figure.',
    '- To see where the time goes: `node --cpu-prof --import tsx bench/run.ts --skip-panel --skip-bundle` and open the ' +
      '`.cpuprofile` in Chrome DevTools (the simulators’ process is not profiled).',
    '- The panel timings are headless Chromium on this machine, with the worker already running; a cold worker start ' +
      '(first open after the browser was idle) adds to the "session shown" figure. They do not include the side panel’s own ' +
      'opening animation in a headed browser.',
    `- Fixed iteration counts, no outlier removal; p95 over ${report.options.iterations} turns is the second-largest or so ` +
      'sample, so a single GC pause or scheduler hiccup on this 2-core machine can move it.',
    '',
  );
  return lines;
}

function endLoad(report: BenchReport): string {
  return report.loadAverageAtEnd === undefined ? '' : `, at the end: ${report.loadAverageAtEnd.toFixed(2)}`;
}

/** What the second turn of a conversation reads from the cache, compared with the same question in a fresh one. */
function cacheNote(agent: AgentLoopResult): string[] {
  const second = agent.results.find((r) => r.type.id === 'second-turn');
  const fresh = agent.results.find((r) => r.type.id === 'quote');
  if (!second || !fresh) return [];
  const extra = second.tokens.cacheRead - fresh.tokens.cacheRead;
  const verdict =
    extra > 0
      ? `reads ${num(extra)} more cached tokens than the same kind of question in a fresh conversation, so part of the conversation history is served from the cache.`
      : `reads no more cached tokens than the same kind of question in a fresh conversation (${num(second.tokens.cacheRead)} vs ${num(fresh.tokens.cacheRead)}), ` +
        `and writes ${num(second.tokens.cacheWrite)} tokens to the cache against ${num(fresh.tokens.cacheWrite)}: only the tool list and the agents’ ` +
        'instructions are read from the cache; the conversation history is written again on every call and never read back. ' +
        'The request layout makes that so against the real API too (src/agents/model-request.ts): the system block right after ' +
        'the instructions’ cache breakpoint and before the messages is "Current date and time: …" to the millisecond, so no ' +
        'two calls share a prefix beyond the instructions. A date to the day, or the date moved after the last breakpoint, ' +
        'would let each turn read the history the previous turn wrote. (The simulator also keys a history message sent as a ' +
        'plain string apart from the same text sent as a block, which the real API treats alike, so it would understate such reads.)';
  return [`- Prompt caching: the second turn of a conversation ${verdict}`];
}

export function renderMarkdown(report: BenchReport): string {
  const { machine, options } = report;
  const checks = targetChecks(report.agent);
  const lines = [
    '# Benchmarks',
    '',
    '> **Generated by `npm run bench` (bench/run.ts). Do not edit by hand: every run rewrites this file.**',
    '',
    `- Date: ${machine.date}`,
    `- Machine: ${machine.cpus} CPUs (\`nproc\`), ${machine.cpuModel}, ${machine.memoryGb} GB RAM, ${machine.platform}`,
    `- Node ${machine.node}; ${machine.chromium}; 1-minute load average at the start: ${machine.loadAverage.toFixed(2)}${endLoad(report)}`,
    `- Code: git ${machine.gitCommit}${machine.gitDirty ? ' with uncommitted changes' : ''}`,
    `- Run: \`${['tsx bench/run.ts', ...options.argv].join(' ')}\`${options.quick ? ' (quick mode: fewer iterations, figures are rougher)' : ''}; ` +
      `${options.iterations} measured turns per question type after ${options.warmups} warm-ups; ${options.panelIterations} panel opens per case; ` +
      `took ${(report.durationMs / 1000).toFixed(0)} s`,
    '',
    '## How to run',
    '',
    '```sh',
    'npm run bench                 # everything, about 10 minutes; rewrites docs/benchmarks.md',
    'npm run bench -- --quick      # fewer iterations (10 turns, 5 panel opens)',
    'npm run bench -- --skip-panel --skip-browser # no browser: agent loop and bundle sizes only',
    '```',
    '',
    'Other flags: `--skip-agent`, `--skip-bundle`, `--no-conversation` (panel: skip the 40-message case), `--skip-stream` ' +
      '(streaming in the panel), `--skip-worker` (loop and heap inside the service worker), `--skip-pages` (audit append ' +
      'and the metrics view in Chromium), `--skip-browser` (all three), `--skip-memory`, `--skip-metrics`, `--rebuild` ' +
      '(always build; otherwise the benchmark builds its own copy of the extension, in a temporary directory, only when a ' +
      'source file is newer than it), ' +
      '`--only=direct,quote` (question types), `--iterations=N`, `--out=path`. The script reports figures; it never fails ' +
      'because a target is missed (its exit code is non-zero only if a section could not run).',
    '',
    '## Targets',
    '',
    '| Target | Measured | Result |',
    '| --- | --- | --- |',
    ...checks.map((c) => `| ${c.target} | ${c.measured} | ${verdict(c.met)} |`),
    '',
    'Side panel and bundle targets, beside the figures of the run this file replaced (– where that run did not report the figure):',
    '',
    '| Target | Previous run | This run | Result |',
    '| --- | ---: | ---: | --- |',
    ...speedChecks(report.panel, report.bundle, report.previous ?? {}).map((c) => `| ${c.target} | ${c.previous} | ${c.measured} | ${verdict(c.met)} |`),
    '',
    ...agentSection(report.agent),
    ...panelSection(report.panel),
    ...bundleSection(report.bundle),
    ...notes(report),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** The few lines printed at the end of a run. */
export function consoleSummary(report: BenchReport): string[] {
  const lines = [...targetChecks(report.agent), ...speedChecks(report.panel, report.bundle, report.previous ?? {})].map((c) => `${c.met === null ? '?' : c.met ? '✓' : '✗'} ${c.target}: ${c.measured}`);
  if (report.panel.ok) {
    for (const c of report.panel.value.cases) lines.push(`  panel ${c.id}: composer p50 ${ms(c.composerPage.p50)} ms, session shown p50 ${ms(c.readyPage.p50)} ms (page clock)`);
  }
  if (report.bundle.ok) lines.push(`  bundle total ${kib(report.bundle.value.total.raw)} raw, ${kib(report.bundle.value.total.gzip)} gzip`);
  return lines;
}
