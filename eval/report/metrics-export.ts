import type { RunReport } from './run-report';
import type { CaseResult } from '../case-result';
import type { EvalCaseResult } from '../../src/monitoring/eval-import';

/**
 * The file the metrics view imports (format 'clera-eval-results', defined by src/monitoring/eval-import.ts on the
 * metrics branch): one entry per case and trial with the expected and actual route and whether it passed. Routes are
 * agent ids; a supervisor answer with no tools is 'direct'. Each entry names its prompt variant and, when the judge
 * returned a valid verdict, its four scores (the metrics view compares variants with them). When several routes are acceptable, the expected route is
 * the one taken if it is among them, else the first listed.
 */
export interface EvalImportFile {
  format: 'clera-eval-results';
  version: 1;
  runAt: string;
  label: string;
  cases: EvalCaseResult[];
}

const routeName = (agent: string, usedTools: boolean) => (agent === 'supervisor' && !usedTools ? 'direct' : agent);

/** What the export needs to know of each case: its acceptable routes and whether it expects tools at all. */
export interface ExpectedRoute {
  routes: readonly string[];
  expectsTools: boolean;
}

export function metricsExport(report: RunReport, expected: ReadonlyMap<string, ExpectedRoute>): EvalImportFile {
  return {
    format: 'clera-eval-results',
    version: 1,
    runAt: report.finishedAt,
    label: `${report.modelSource} · ${report.summaries.map((s) => s.variant).join(' vs ')} · dataset v${report.datasetVersion}`.slice(0, 200),
    cases: importEntries(report.results, expected),
  };
}

/** One import entry per result (case × variant × trial): the routes, the pass, the variant and valid judge scores. */
export function importEntries(results: readonly CaseResult[], expected: ReadonlyMap<string, ExpectedRoute>): EvalCaseResult[] {
  return results.map((r) => {
    const actual = r.outcome.agent === null ? 'none' : routeName(r.outcome.agent, r.outcome.toolCalls.length > 0);
    const want = expected.get(r.caseId);
    const acceptable = (want?.routes ?? []).map((route) => routeName(route, want?.expectsTools ?? true));
    const judge = r.judge.status === 'ok'
      ? { judge: { accuracy: r.judge.verdict.accuracy.score, actionability: r.judge.verdict.actionability.score, risk_considerations: r.judge.verdict.risk_considerations.score, professional_tone: r.judge.verdict.professional_tone.score } }
      : {};
    return { id: `${r.caseId}#${r.variant}#t${r.trial}`.slice(0, 200), expectedRoute: acceptable.includes(actual) ? actual : (acceptable[0] ?? 'unknown'), actualRoute: actual, passed: r.passed, variant: r.variant, ...judge };
  });
}
