import { priceFor } from '../../src/monitoring/prices';
import type { JudgeResult } from './judge';

/** USD for a judge call's tokens from the dated price table; 0 (and counted as unpriced by the caller) when unknown. */
export function judgeCost(result: JudgeResult<unknown>): number {
  return result.usage.reduce((sum, u) => {
    const price = priceFor(u.model) ?? priceFor(result.model);
    return price ? sum + (u.input * Number(price.input) + u.output * Number(price.output)) / 1_000_000 : sum;
  }, 0);
}
