import Decimal from 'decimal.js';
import { decimalFrom, toPct } from '../../finance/money';

/**
 * Whether the price moved more than `thresholdPct` percent (either way) since the proposal, so Confirm must ask again
 * at the new price. Exactly at the threshold is not a move. `changePct` is signed and rounded to 2 decimals; the
 * comparison uses the exact change. A non-positive original price is a caller bug and throws a RangeError.
 */
export function priceMoved(originalPrice: string, currentPrice: string, thresholdPct: number): { moved: boolean; changePct: number } {
  const original = decimalFrom(originalPrice, 'originalPrice');
  const current = decimalFrom(currentPrice, 'currentPrice');
  if (original.lte(0)) throw new RangeError(`originalPrice must be positive: ${originalPrice}`);
  if (!Number.isFinite(thresholdPct) || thresholdPct < 0) throw new RangeError(`thresholdPct must be a non-negative number: ${thresholdPct}`);
  const change = current.minus(original).div(original).times(100);
  return { moved: change.abs().gt(new Decimal(thresholdPct)), changePct: toPct(change) };
}
