import type { RollupGrain, RollupValue } from './rollup';
import type { Span } from './span';
import type { EvalVariantTally } from './eval-import';

/** What the metrics figures are computed from; src/store/metrics-repository.ts reads it from Dexie indexes. */
export interface FeedbackRecord {
  messageId: string;
  runId: string;
  conversationId: string;
  rating: 'good' | 'bad';
  reason?: string | undefined;
  /** Whether the answered turn handed off away from its first route. */
  handedOff: boolean;
  /** The turn's first route (see rollup.firstRoute). */
  route?: string | undefined;
  /** The prompt experiment variant the answer ran on (`<id>@v<version>`); absent for answers from before it was kept. */
  variant?: string | undefined;
  createdAt: string;
}

export interface EvalImportRecord {
  id: string;
  importedAt: string;
  runAt: string;
  label?: string | undefined;
  cases: number;
  routeRight: number;
  routeWrong: number;
  /** Right and wrong routes by the route the supervisor took (for the agent filter); absent in older imports. */
  byRoute?: Record<string, { right: number; wrong: number }> | undefined;
  passed: number;
  /** Cases, passes and judge score sums by prompt variant; absent in older imports. */
  byVariant?: Record<string, EvalVariantTally> | undefined;
}

export interface MetricsSource {
  /** Buckets of one grain whose start lies in [from, to); from '' = from the beginning. */
  rollups(grain: RollupGrain, from: string, to: string): Promise<{ start: string; value: RollupValue }[]>;
  /** Spans that started in [from, to). */
  spans(from: string, to: string): Promise<Span[]>;
  /** Spans of one kind that started in [from, to), newest first, at most `limit`. */
  spansOfKind(kind: Span['kind'], from: string, to: string, limit?: number): Promise<Span[]>;
  /** Every span of one run. */
  runSpans(runId: string): Promise<Span[]>;
  /** Order proposals updated in [from, to): status and creation time. */
  proposals(from: string, to: string): Promise<{ status: string; createdAt: string }[]>;
  feedback(from: string, to: string): Promise<FeedbackRecord[]>;
  evalImports(from: string, to: string): Promise<EvalImportRecord[]>;
}
