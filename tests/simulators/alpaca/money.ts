/** Decimal helpers: amounts travel as strings, arithmetic happens in decimal.js. */
import { Decimal } from 'decimal.js';

export { Decimal };

/** A decimal as Alpaca writes it: plain notation, no trailing zeros ("122086.5", "0"). */
export function text(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

/** Cents, rounded half up. */
export function cents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Fractional share quantities carry at most 9 decimals; notional orders round the quantity down. */
export function shares(value: Decimal): Decimal {
  return value.toDecimalPlaces(9, Decimal.ROUND_DOWN);
}

/** Parses a JSON number or numeric string; undefined when absent, null when malformed. */
export function parseAmount(value: unknown): Decimal | null | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(value);
  if (typeof value === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) return new Decimal(value.trim());
  return null;
}

export function toDecimal(value: string | number): Decimal {
  const parsed = parseAmount(value);
  if (!parsed) throw new TypeError(`Not a decimal amount: ${String(value)}`);
  return parsed;
}
