import Decimal from 'decimal.js';
import { toMoney } from '../../finance/money';

/**
 * Text for the order card and the rule reasons. Figures arrive as Decimals or decimal strings and are written
 * without going through binary floats.
 */

/** Dollars to the cent with thousands separators: 1512.4 → "$1,512.40", -12 → "-$12.00". */
export function formatDollars(value: Decimal.Value): string {
  const fixed = toMoney(value);
  const negative = fixed.startsWith('-');
  const [whole = '0', cents = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}$${groupThousands(whole)}.${cents}`;
}

/**
 * A per-share price: at least 2 decimals, more when the value has them (sub-dollar prices have up to 4):
 * 412 → "$412.00", 0.1234 → "$0.1234".
 */
export function formatPrice(value: Decimal.Value): string {
  return `$${priceString(value)}`;
}

/** A per-share price as a decimal string with at least 2 decimals and never rounded: 200.5 → "200.50". */
export function priceString(value: Decimal.Value): string {
  const price = new Decimal(value);
  return price.toFixed(Math.max(2, price.decimalPlaces()));
}

/** A share count with its noun: 1 → "1 share", 2.5 → "2.5 shares", 1500 → "1,500 shares". */
export function formatShares(value: Decimal.Value): string {
  const shares = new Decimal(value);
  const [whole = '0', fraction] = shares.toFixed().split('.');
  const text = fraction === undefined ? groupThousands(whole) : `${groupThousands(whole)}.${fraction}`;
  return `${text} ${shares.eq(1) ? 'share' : 'shares'}`;
}

/** A percentage already rounded to 2 decimals: 20 → "20.00%". */
export function formatPct(value: Decimal.Value): string {
  return `${new Decimal(value).toFixed(2)}%`;
}

const newYorkParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/**
 * An ISO timestamp as a New York wall-clock time: "2025-06-16T13:30:00Z" → "Monday, June 16 at 9:30 AM New York time".
 * Assembled from parts so the result does not depend on the ICU version's spacing (some use a narrow no-break space
 * before AM). A timestamp that does not parse is returned as given.
 */
export function formatNewYorkTime(timestamp: string): string {
  const milliseconds = Date.parse(timestamp);
  if (Number.isNaN(milliseconds)) return timestamp;
  const parts = new Map(newYorkParts.formatToParts(new Date(milliseconds)).map((part) => [part.type, part.value]));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.get(type) ?? '';
  return `${part('weekday')}, ${part('month')} ${part('day')} at ${part('hour')}:${part('minute')} ${part('dayPeriod')} New York time`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
