import Decimal from 'decimal.js';
import type { DecimalString } from '../../finance/money';

/**
 * A per-share price as a decimal string with at least 2 decimals, and more when the source sent more
 * (sub-dollar stocks trade in 1/10000 $): 200.5 → "200.50", 0.1234 → "0.1234". Never rounded.
 */
export function priceText(value: Decimal.Value): DecimalString {
  const price = new Decimal(value);
  return price.toFixed(Math.max(2, price.decimalPlaces()));
}

/** Like priceText, for optional values. */
export function optionalPrice(value: Decimal.Value | null | undefined): DecimalString | null {
  return value === null || value === undefined ? null : priceText(value);
}
