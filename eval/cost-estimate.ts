import { priceFor } from '../src/monitoring/prices';
import type { CliOptions } from './cli-options';
import type { EvalCase } from './dataset/schema';
import { calibrationPairs } from './judge/calibration';
import { materialText } from './judge/prompt';
import { judgeMaterial, runVariant } from './runner';
import { findVariant } from './variants';

/** Output tokens allowed per live model call (scripted answers are short; live ones are not). */
const OUTPUT_PER_CALL = 600;
/** The judge's instructions and tool schema, and its verdict, in tokens. */
const JUDGE_OVERHEAD_IN = 900;
const JUDGE_OUT = 450;
const tokensOf = (text: string) => Math.ceil(text.length / 4);

/**
 * What a live run would cost, before anything is sent: the same cases run once with the scripted model, whose request
 * sizes the simulator counts; every input token priced as uncached, plus a fixed output allowance per call, times trials
 * and variants; plus the judge (and pairwise, calibration) calls at the judge model's price.
 */
export async function estimateLiveCost(cases: readonly EvalCase[], options: CliOptions, variantCount: number): Promise<{ costUsd: number; basis: string }> {
  const { results } = await runVariant(cases, findVariant('default'), { source: 'scripted', cassetteDir: options.cassettes, trials: 1, concurrency: 4, env: { profileSupported: false } });
  let model = 0;
  let unpriced = 0;
  for (const call of results.flatMap((r) => r.outcome.modelCalls)) {
    const price = priceFor(call.model);
    if (!price) {
      unpriced += 1;
      continue;
    }
    model += ((call.tokens.input + call.tokens.cacheRead + call.tokens.cacheWrite) * Number(price.input) + OUTPUT_PER_CALL * Number(price.output)) / 1_000_000;
  }
  model *= options.trials * variantCount;
  let judge = 0;
  const judgePrice = priceFor(options.judgeModel);
  if (options.judge && judgePrice) {
    const perCall = (inputTokens: number) => ((inputTokens + JUDGE_OVERHEAD_IN) * Number(judgePrice.input) + JUDGE_OUT * Number(judgePrice.output)) / 1_000_000;
    for (const r of results) {
      const item = cases.find((c) => c.id === r.caseId);
      if (!item) continue;
      const size = tokensOf(materialText(judgeMaterial(item, r.outcome))) + OUTPUT_PER_CALL;
      judge += perCall(size) * options.trials * variantCount + (options.compare ? perCall(size + OUTPUT_PER_CALL) : 0);
    }
    if (options.calibrate) for (const pair of calibrationPairs) judge += perCall(tokensOf(materialText(pair.material) + pair.good + pair.flawed));
  }
  const notes = [
    `${results.length} cases sized by a scripted run, ${OUTPUT_PER_CALL} output tokens per call, no cache discount, × ${options.trials} trial(s) × ${variantCount} variant(s)`,
    options.judge ? (judgePrice ? `judge ${options.judgeModel}` : `judge ${options.judgeModel} has no known price: not included`) : 'no judge',
    ...(unpriced > 0 ? [`${unpriced} call(s) on models with no known price not included`] : []),
  ];
  return { costUsd: model + judge, basis: notes.join('; ') };
}
