import type { CaseResult, SourceKind } from '../runner';
import type { CalibrationReport } from '../judge/calibration';
import type { Comparison } from './compare';
import type { Regression } from './regressions';
import type { VariantSummary } from './summary';

export const SOURCE_NOTES: Record<SourceKind, string> = {
  scripted:
    'Model: scripted (the Anthropic simulator answers from per-case scripts). This measures the pipeline and the graders, never the model’s quality.',
  live: 'Model: live (the real Anthropic API with the configured models; responses recorded as cassettes).',
  replay: 'Model: replay (recorded live responses from cassettes; re-graded offline).',
};

/** Everything one `npm run eval` produced; written as JSON, Markdown and HTML. */
export interface RunReport {
  schema: 'clera-eval-run';
  version: 1;
  runId: string;
  startedAt: string;
  finishedAt: string;
  modelSource: SourceKind;
  sourceNote: string;
  datasetVersion: number;
  caseCount: number;
  trials: number;
  seed: number;
  models: string[];
  judge: { status: 'run' | 'not run'; reason: string; model?: string; promptVersion?: string };
  profileSupported: boolean;
  summaries: VariantSummary[];
  comparison: Comparison | null;
  regressions: { against: string | null; list: Regression[] };
  calibration: CalibrationReport | { status: 'not run'; reason: string };
  skipped: string[];
  estimate: { costUsd: number; basis: string } | null;
  results: CaseResult[];
}
