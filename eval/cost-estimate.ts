import type { CliOptions } from './cli-options';
import type { EvalCase } from './dataset/schema';
import { judgeMaterial } from './case-result';
import { materialText } from './judge/prompt';
import { runVariant } from './runner';
import { findVariant } from './variants';
import { OUTPUT_PER_CALL, priceEstimate, tokensOf, type CaseSizing } from './cost-price';

/** Runs the cases once with the scripted model (in Node, against the simulators) and keeps the size of every request. */
export async function sizeCases(cases: readonly EvalCase[], cassetteDir: string): Promise<CaseSizing[]> {
  const { results } = await runVariant(cases, findVariant('default'), { source: 'scripted', cassetteDir, trials: 1, concurrency: 4, env: { profileSupported: false } });
  return results.flatMap((r) => {
    const item = cases.find((c) => c.id === r.caseId);
    if (!item) return [];
    return [{
      caseId: r.caseId,
      calls: r.outcome.modelCalls.map((call) => ({ model: call.model, inputTokens: call.tokens.input + call.tokens.cacheRead + call.tokens.cacheWrite })),
      judgeInputTokens: tokensOf(materialText(judgeMaterial(item, r.outcome))) + OUTPUT_PER_CALL,
    }];
  });
}

/**
 * What a live run would cost, before anything is sent: the same cases run once with the scripted model, whose request
 * sizes the simulator counts; priced by priceEstimate (cost-price.ts), which the extension's "Run evaluation" uses too.
 */
export async function estimateLiveCost(cases: readonly EvalCase[], options: CliOptions, variantCount: number): Promise<{ costUsd: number; basis: string }> {
  const sizings = await sizeCases(cases, options.cassettes);
  const { costUsd, basis } = priceEstimate(sizings, { trials: options.trials, variantCount, judge: options.judge, judgeModel: options.judgeModel, compare: options.compare !== null, calibrate: options.calibrate });
  return { costUsd, basis };
}
