import type { RunReport } from './run-report';

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** A single static page: the source line, per-variant tables, and every case with its grades (light and dark). */
export function renderHtml(report: RunReport): string {
  const variants = report.summaries
    .map((s) => {
      const categories = Object.entries(s.byCategory).map(([name, r]) => `<tr><td>${escape(name)}</td><td>${r.passed}/${r.total}</td><td>${pct(r.rate)}</td></tr>`).join('');
      const judge = Object.entries(s.judge.means).map(([name, m]) => `<tr><td>${escape(name)}</td><td>${m.mean.toFixed(2)}</td><td>${m.low.toFixed(2)}–${m.high.toFixed(2)}</td></tr>`).join('');
      return `<section><h2>Variant ${escape(s.variant)}</h2>
<p>Passed: ${s.overall.passed}/${s.overall.total} (${pct(s.overall.rate)}). Routing accuracy: ${s.routing.passed}/${s.routing.total} (${pct(s.routing.rate)}). Model calls ${s.modelCalls}; tokens in ${s.tokens.input}, out ${s.tokens.output}; cost $${(s.costUsd.model + s.costUsd.judge).toFixed(4)}.</p>
<table><caption>Pass rate by category</caption><thead><tr><th scope="col">Category</th><th scope="col">Passed</th><th scope="col">Rate</th></tr></thead><tbody>${categories}</tbody></table>
${judge ? `<table><caption>Judge means (1–5, 95% interval)</caption><thead><tr><th scope="col">Criterion</th><th scope="col">Mean</th><th scope="col">Interval</th></tr></thead><tbody>${judge}</tbody></table>` : '<p>Judge: no scores.</p>'}
</section>`;
    })
    .join('\n');
  const rows = report.results
    .map((r) => {
      const failed = r.grades.filter((g) => g.status === 'fail');
      return `<tr><td>${escape(r.caseId)}</td><td>${escape(r.category)}</td><td>${escape(r.variant)}</td><td>${r.trial}</td><td>${r.passed ? 'pass' : 'fail'}</td><td>${escape(r.outcome.agent ?? '–')}</td><td>${escape(failed.map((g) => `${g.grader}: ${g.detail}`).join('; '))}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>Clera evaluation ${escape(report.runId)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem;max-width:72rem}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #8886;padding:.25rem .5rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:600}</style></head>
<body><p><strong>${escape(report.sourceNote)}</strong></p><h1>Evaluation run ${escape(report.runId)}</h1>
<p>Dataset v${report.datasetVersion}, ${report.caseCount} cases, ${report.trials} trial(s). Judge: ${escape(report.judge.status)} (${escape(report.judge.reason)}).</p>
${variants}
<section><h2>Cases</h2><table><thead><tr><th scope="col">Case</th><th scope="col">Category</th><th scope="col">Variant</th><th scope="col">Trial</th><th scope="col">Result</th><th scope="col">Answered by</th><th scope="col">Failed graders</th></tr></thead><tbody>
${rows}
</tbody></table></section></body></html>
`;
}
