/**
 * The live-run cost estimate's arithmetic, over request sizes measured by a scripted run (cost-estimate.ts measures
 * them in Node; the extension reads the committed measurement in dataset/sizing.ts). Browser-safe.
 */
import { priceFor, type ModelPrice } from '../src/monitoring/prices';
import { DEFAULT_MODELS } from '../src/protocol/settings';
import { calibrationPairs } from './judge/calibration';
import { materialText } from './judge/prompt';

/** Output tokens allowed per live model call (scripted answers are short; live ones are not). */
export const OUTPUT_PER_CALL = 600;
/** The judge's instructions and tool schema, and its verdict, in tokens. */
const JUDGE_OVERHEAD_IN = 900;
const JUDGE_OUT = 450;
export const tokensOf = (text: string) => Math.ceil(text.length / 4);

/** One case's requests as a scripted run sent them: each model call's model and input tokens, and the judge's material. */
export interface CaseSizing {
  caseId: string;
  calls: { model: string; inputTokens: number }[];
  /** Tokens of what the judge would read (conversation, tool results, criteria) plus an answer of OUTPUT_PER_CALL. */
  judgeInputTokens: number;
}

export interface EstimateOptions {
  trials: number;
  variantCount: number;
  judge: boolean;
  judgeModel: string;
  compare?: boolean;
  calibrate?: boolean;
  /** The models the run will use, when not the defaults the sizes were measured with (the user's settings). */
  models?: { supervisor: string; specialist: string };
}

export interface CostEstimate {
  costUsd: number;
  basis: string;
  /** The price entries the estimate used (model, USD per million tokens, the date and source of the price). */
  prices: ModelPrice[];
  /** Models the estimate could not price (their calls are not included). */
  unpriced: string[];
}

/**
 * Every input token priced as uncached, plus a fixed output allowance per call, times trials and variants; plus the
 * judge (and pairwise, calibration) calls at the judge model's price.
 */
export function priceEstimate(sizings: readonly CaseSizing[], options: EstimateOptions): CostEstimate {
  const remap = (model: string) => {
    if (!options.models) return model;
    if (model === DEFAULT_MODELS.supervisor) return options.models.supervisor;
    if (model === DEFAULT_MODELS.specialist) return options.models.specialist;
    return model;
  };
  const used = new Map<string, ModelPrice>();
  const unpriced = new Set<string>();
  let unpricedCalls = 0;
  let model = 0;
  for (const call of sizings.flatMap((s) => s.calls)) {
    const id = remap(call.model);
    const price = priceFor(id);
    if (!price) {
      unpricedCalls += 1;
      unpriced.add(id);
      continue;
    }
    used.set(price.model, price);
    model += (call.inputTokens * Number(price.input) + OUTPUT_PER_CALL * Number(price.output)) / 1_000_000;
  }
  model *= options.trials * options.variantCount;
  let judge = 0;
  const judgePrice = priceFor(options.judgeModel);
  if (options.judge && judgePrice) {
    used.set(judgePrice.model, judgePrice);
    const perCall = (inputTokens: number) => ((inputTokens + JUDGE_OVERHEAD_IN) * Number(judgePrice.input) + JUDGE_OUT * Number(judgePrice.output)) / 1_000_000;
    for (const s of sizings) judge += perCall(s.judgeInputTokens) * options.trials * options.variantCount + (options.compare ? perCall(s.judgeInputTokens + OUTPUT_PER_CALL) : 0);
    if (options.calibrate) for (const pair of calibrationPairs) judge += perCall(tokensOf(materialText(pair.material) + pair.good + pair.flawed));
  }
  if (options.judge && !judgePrice) unpriced.add(options.judgeModel);
  const notes = [
    `${sizings.length} cases sized by a scripted run, ${OUTPUT_PER_CALL} output tokens per call, no cache discount, × ${options.trials} trial(s) × ${options.variantCount} variant(s)`,
    options.judge ? (judgePrice ? `judge ${options.judgeModel}` : `judge ${options.judgeModel} has no known price: not included`) : 'no judge',
    ...(unpricedCalls > 0 ? [`${unpricedCalls} call(s) on models with no known price not included`] : []),
  ];
  return { costUsd: model + judge, basis: notes.join('; '), prices: [...used.values()], unpriced: [...unpriced] };
}
