import { criteria } from '../judge/verdict';
import type { RunReport } from './run-report';
import type { Rate, VariantSummary } from './summary';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const rateText = (r: Rate) => `${r.passed}/${r.total} (${pct(r.rate)}, 95% CI ${pct(r.interval[0])}–${pct(r.interval[1])})`;
const usd = (value: number) => `$${value.toFixed(4)}`;

function variantSection(summary: VariantSummary, scripted: boolean): string[] {
  const lines = [`## Variant ${summary.variant}`, ''];
  lines.push(`- Cases: ${summary.cases} × ${summary.trials} trial(s); passed every deterministic grader: ${rateText(summary.overall)}`);
  lines.push(`- Routing accuracy: ${rateText(summary.routing)}`);
  if (summary.trialStats) {
    const t = summary.trialStats;
    lines.push(`- pass@1 ${pct(t.passAt1)}, pass@${t.k} ${pct(t.passAtK)}; cases that passed some trials but not all: ${t.flakyCases.length === 0 ? 'none' : t.flakyCases.join(', ')}`);
  }
  lines.push(`- Model calls: ${summary.modelCalls}; tokens in ${summary.tokens.input}, out ${summary.tokens.output}, cache read ${summary.tokens.cacheRead}, cache write ${summary.tokens.cacheWrite}`);
  if (scripted) lines.push('- Tokens and cost below are the simulator’s estimates of the requests, priced as if live; no money was spent.');
  lines.push(`- Cost: model ${usd(summary.costUsd.model)}${summary.costUsd.unpricedCalls > 0 ? ` (+${summary.costUsd.unpricedCalls} calls on models with no known price)` : ''}, judge ${usd(summary.costUsd.judge)}`);
  lines.push('', '| Category | Passed |', '|---|---|');
  for (const [category, r] of Object.entries(summary.byCategory)) lines.push(`| ${category} | ${rateText(r)} |`);
  lines.push('', '| Grader | Pass | Fail | Not applicable |', '|---|---|---|---|');
  for (const [grader, g] of Object.entries(summary.graders)) lines.push(`| ${grader} | ${g.pass} | ${g.fail} | ${g.notApplicable} |`);
  lines.push('');
  if (summary.judge.judged === 0) {
    lines.push(`Judge scores: none (${summary.judge.errors} judge errors, ${summary.judge.notRun} not run).`);
  } else {
    lines.push(`Judge (${summary.judge.judged} judged, ${summary.judge.errors} judge errors), mean score 1–5 with a 95% interval:`, '', '| Criterion | Mean | Interval | n |', '|---|---|---|---|');
    for (const criterion of criteria) {
      const m = summary.judge.means[criterion];
      if (m) lines.push(`| ${criterion} | ${m.mean.toFixed(2)} | ${m.low.toFixed(2)}–${m.high.toFixed(2)} | ${m.n} |`);
    }
  }
  lines.push('');
  return lines;
}

/** The report as Markdown; its first line names the model source. */
export function renderMarkdown(report: RunReport): string {
  const lines = [report.sourceNote, '', `# Evaluation run ${report.runId}`, ''];
  lines.push(`- Finished ${report.finishedAt}; dataset v${report.datasetVersion}, ${report.caseCount} cases; seed ${report.seed}`);
  lines.push(`- Models: ${report.models.length === 0 ? 'none recorded' : report.models.join(', ')}`);
  lines.push(`- Judge: ${report.judge.status}${report.judge.status === 'run' ? ` (${report.judge.model ?? '?'}, prompt ${report.judge.promptVersion ?? '?'})` : ''}: ${report.judge.reason}`);
  lines.push(`- Investor profile in the app under test: ${report.profileSupported ? 'yes (suitability graded)' : 'no (suitability not applicable)'}`);
  if (report.estimate) lines.push(`- Estimated cost before the run: ${usd(report.estimate.costUsd)} (${report.estimate.basis})`);
  if ('rate' in report.calibration) {
    const c = report.calibration;
    lines.push(`- Judge calibration: preferred the good answer in ${c.goodPreferred} of ${c.judged} judged pairs${c.rate === null ? '' : ` (${pct(c.rate)})`}; ties ${c.ties}; errors ${c.errors.length}`);
  } else {
    lines.push(`- Judge calibration: not run (${report.calibration.reason})`);
  }
  if (report.skipped.length > 0) lines.push(`- Skipped: ${report.skipped.length} (${report.skipped.slice(0, 5).join('; ')}${report.skipped.length > 5 ? '; …' : ''})`);
  lines.push('');
  for (const summary of report.summaries) lines.push(...variantSection(summary, report.modelSource === 'scripted'));
  const c = report.comparison;
  if (c) {
    lines.push(`## Comparison ${c.a} vs ${c.b}`, '');
    lines.push(`- Pass rate ${pct(c.passRateA)} vs ${pct(c.passRateB)} (B − A ${c.differencePp.toFixed(1)} points; two-proportion p ${c.pValue === null ? 'n/a' : c.pValue.toFixed(3)})`);
    lines.push(`- Pairwise judge (order randomised with seed ${report.seed}): A better ${c.pairwise.aWins}, B better ${c.pairwise.bWins}, ties ${c.pairwise.ties}, judge errors ${c.pairwise.errors}, not run ${c.pairwise.notRun}`);
    lines.push(`- Cases whose pass rate differs: ${c.changed.length === 0 ? 'none' : c.changed.join(', ')}`, '');
    lines.push('| Case | Pass A | Pass B | Judge A | Judge B | Pairwise |', '|---|---|---|---|---|---|');
    for (const row of c.cases) {
      lines.push(`| ${row.caseId} | ${pct(row.passA)} | ${pct(row.passB)} | ${row.judgeA?.toFixed(2) ?? '–'} | ${row.judgeB?.toFixed(2) ?? '–'} | ${row.pairwise?.winner ?? '–'} |`);
    }
    lines.push('');
  }
  lines.push('## Regressions', '');
  if (report.regressions.against === null) lines.push('No earlier run of this mode saved: nothing to compare.');
  else if (report.regressions.list.length === 0) lines.push(`None against run ${report.regressions.against}.`);
  else for (const r of report.regressions.list) lines.push(`- ${r.caseId} (${r.variant}): ${r.graders.join(', ')} passed in run ${report.regressions.against} and fail now`);
  lines.push('', '## Failures', '');
  const failures = report.results.filter((r) => !r.passed);
  if (failures.length === 0) lines.push('None.');
  for (const r of failures) {
    lines.push(`- **${r.caseId}** (${r.variant}, trial ${r.trial}): ${r.grades.filter((g) => g.status === 'fail').map((g) => `${g.grader}: ${g.detail}`).join('; ')}`);
  }
  lines.push('');
  return lines.join('\n');
}
