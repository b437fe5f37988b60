import type { Span } from './span';
import type { EvalImportRecord, FeedbackRecord } from './metrics-source';
import { judgeCriteria, type JudgeCriterion } from './eval-import';
import { twoProportionTest, wilson } from './proportions';

/** Below this many samples in either variant, a rate is shown without a significance test ("Not enough data"). */
export const DEFAULT_MINIMUM_SAMPLE = 20;
/** The significance level of the note. */
export const SIGNIFICANCE_LEVEL = 0.05;

/** A rate with its sample: successes of n, the rate and its 95% Wilson interval (null without samples). */
export interface RateFigure {
  successes: number;
  n: number;
  rate: number | null;
  interval: [number, number] | null;
}

/** How a variant's rate compares with the baseline's. */
export type Significance =
  | { kind: 'baseline' }
  | { kind: 'not-enough-data'; minimum: number }
  | { kind: 'tested'; difference: number; z: number; p: number; significant: boolean };

/** A rate with its test against the baseline and the note the view shows (null for the baseline itself). */
export type ComparedRate = RateFigure & { vsBaseline: Significance; note: string | null };

export interface VariantRow {
  variant: string;
  /** Agent-run spans of this variant: answers finished `ok` count as successes. */
  success: ComparedRate;
  /** Answer feedback: good of good + bad. */
  feedback: ComparedRate & { bad: number };
  /** Imported evaluation cases: passed of run, and the judge's mean score per criterion over the judged ones. */
  evaluation: ComparedRate & { judged: number; judgeMeans: Record<JudgeCriterion, number> | null };
  /** Model-call tokens (input + output + cache) of this variant's turns, in total and per turn. */
  tokens: { total: number; perTurn: number | null };
  /** Answer latency (agent-run spans), nearest-rank percentiles. */
  latency: { p50Ms: number | null; p95Ms: number | null };
}

export interface VariantComparisonInput {
  runSpans: readonly Span[];
  callSpans: readonly Span[];
  feedback: readonly FeedbackRecord[];
  imports: readonly EvalImportRecord[];
  /** The variant others are tested against (the current default). */
  baseline: string;
  /** Variants to show even without data (the arms of the current split). */
  include?: readonly string[];
  minimum?: number;
}

export function rateFigure(successes: number, n: number): RateFigure {
  return { successes, n, rate: n === 0 ? null : successes / n, interval: n === 0 ? null : wilson(successes, n) };
}

/**
 * The significance note of one variant's rate against the baseline's: "not enough data" while either sample is below
 * the minimum, else a two-proportion z-test (difference in rate, z, two-sided p, significant at 5%).
 */
export function significance(variant: Pick<RateFigure, 'successes' | 'n'>, baseline: Pick<RateFigure, 'successes' | 'n'>, minimum = DEFAULT_MINIMUM_SAMPLE): Significance {
  if (variant.n < minimum || baseline.n < minimum) return { kind: 'not-enough-data', minimum };
  const test = twoProportionTest(baseline.successes, baseline.n, variant.successes, variant.n);
  if (!test) return { kind: 'not-enough-data', minimum };
  return { kind: 'tested', difference: variant.successes / variant.n - baseline.successes / baseline.n, z: test.z, p: test.p, significant: test.p < SIGNIFICANCE_LEVEL };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], pct: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((pct / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? null;
}

const tokensOf = (span: Span) => (span.tokens ? span.tokens.input + span.tokens.output + span.tokens.cacheRead + span.tokens.cacheWrite : 0);

/**
 * The metrics view's side-by-side comparison of prompt variants over one range: answer success, feedback, imported
 * evaluation pass rates and judge scores, tokens and latency, each rate with its sample size and a note against the
 * baseline. Spans, feedback and cases without a variant (recorded before variants were kept) are left out.
 */
export function compareVariants(input: VariantComparisonInput): { baseline: string; minimum: number; rows: VariantRow[]; unlabelledTurns: number } {
  const minimum = input.minimum ?? DEFAULT_MINIMUM_SAMPLE;
  const names = new Set<string>([input.baseline, ...(input.include ?? [])]);
  for (const span of input.runSpans) if (span.variant) names.add(span.variant);
  for (const entry of input.feedback) if (entry.variant) names.add(entry.variant);
  for (const entry of input.imports) for (const name of Object.keys(entry.byVariant ?? {})) names.add(name);

  const raw = [...names].map((variant) => {
    const runs = input.runSpans.filter((span) => span.variant === variant);
    const calls = input.callSpans.filter((span) => span.variant === variant);
    const good = input.feedback.filter((entry) => entry.variant === variant && entry.rating === 'good').length;
    const bad = input.feedback.filter((entry) => entry.variant === variant && entry.rating === 'bad').length;
    const tallies = input.imports.flatMap((entry) => {
      const tally = entry.byVariant?.[variant];
      return tally ? [tally] : [];
    });
    const cases = tallies.reduce((sum, t) => sum + t.cases, 0);
    const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
    const judged = tallies.reduce((sum, t) => sum + t.judged, 0);
    const judgeMeans = judged === 0 ? null : (Object.fromEntries(judgeCriteria.map((c) => [c, tallies.reduce((sum, t) => sum + t.judgeSums[c], 0) / judged])) as Record<JudgeCriterion, number>);
    const latencies = runs.map((span) => span.latencyMs).sort((a, b) => a - b);
    const totalTokens = calls.reduce((sum, span) => sum + tokensOf(span), 0);
    return {
      variant,
      success: rateFigure(runs.filter((span) => span.outcome === 'ok').length, runs.length),
      feedback: { ...rateFigure(good, good + bad), bad },
      evaluation: { ...rateFigure(passed, cases), judged, judgeMeans },
      tokens: { total: totalTokens, perTurn: runs.length === 0 ? null : totalTokens / runs.length },
      latency: { p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) },
    };
  });
  const base = raw.find((row) => row.variant === input.baseline);
  const against = (row: (typeof raw)[number], pick: (r: (typeof raw)[number]) => RateFigure): { vsBaseline: Significance; note: string | null } => {
    const vsBaseline: Significance = row.variant === input.baseline || !base ? { kind: 'baseline' } : significance(pick(row), pick(base), minimum);
    return { vsBaseline, note: vsBaseline.kind === 'baseline' ? null : significanceText(vsBaseline) };
  };
  const rows: VariantRow[] = raw
    .map((row) => ({
      ...row,
      success: { ...row.success, ...against(row, (r) => r.success) },
      feedback: { ...row.feedback, ...against(row, (r) => r.feedback) },
      evaluation: { ...row.evaluation, ...against(row, (r) => r.evaluation) },
    }))
    .sort((a, b) => (a.variant === input.baseline ? -1 : b.variant === input.baseline ? 1 : a.variant.localeCompare(b.variant)));
  return { baseline: input.baseline, minimum, rows, unlabelledTurns: input.runSpans.filter((span) => !span.variant).length };
}

/** The significance note as the metrics view words it. */
export function significanceText(s: Significance): string {
  if (s.kind === 'baseline') return 'baseline';
  if (s.kind === 'not-enough-data') return `Not enough data (at least ${String(s.minimum)} in each variant)`;
  const points = (s.difference * 100).toFixed(1);
  const signed = s.difference > 0 ? `+${points}` : s.difference < 0 ? `−${points.replace('-', '')}` : points;
  const p = s.p < 0.001 ? 'p < 0.001' : `p = ${s.p.toFixed(3)}`;
  return s.significant ? `${signed} points, ${p}: unlikely to be chance` : `${signed} points, ${p}: not significant`;
}
