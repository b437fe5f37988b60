import Decimal from 'decimal.js';

/**
 * Model prices in USD per million tokens, one entry per model id, each with the date the price was taken from its
 * source. Prices change often and sources disagree, so this is configuration: callers may pass their own table.
 * Unknown models get no price (cost null); we never guess from a similar-looking id.
 */
export interface ModelPrice {
  model: string;
  /** The date this price was read from `source` (YYYY-MM-DD). */
  asOf: string;
  source: string;
  /** False where no primary source stated the price and it was assumed from a sibling model. */
  verified: boolean;
  input: string;
  cacheWrite5m: string;
  cacheWrite1h: string;
  cacheRead: string;
  output: string;
}
export type PriceTable = readonly ModelPrice[];

const PRICING_PAGE = 'platform.claude.com/docs/en/about-claude/pricing';
const modelPage = (slug: string) => `platform.claude.com/docs/en/about-claude/models (${slug})`;

const opus45to5 = (model: string): ModelPrice => ({
  model,
  asOf: '2026-08-19',
  source: PRICING_PAGE,
  verified: true,
  input: '5',
  cacheWrite5m: '6.25',
  cacheWrite1h: '10',
  cacheRead: '0.50',
  output: '25',
});

export const defaultPriceTable: PriceTable = [
  { model: 'claude-sonnet-5', asOf: '2026-08-19', source: modelPage('sonnet-5'), verified: true, input: '2', cacheWrite5m: '2.50', cacheWrite1h: '4', cacheRead: '0.20', output: '10' },
  opus45to5('claude-opus-5'),
  opus45to5('claude-opus-4-8'),
  opus45to5('claude-opus-4-7'),
  opus45to5('claude-opus-4-6'),
  opus45to5('claude-opus-4-5'),
  // Deprecated; retires 2026-11-30.
  { model: 'claude-sonnet-4-5', asOf: '2026-08-19', source: modelPage('sonnet-4-5'), verified: true, input: '3', cacheWrite5m: '3.75', cacheWrite1h: '6', cacheRead: '0.30', output: '15' },
  // No primary source found for 4.6; assumed equal to Sonnet 4.5.
  { model: 'claude-sonnet-4-6', asOf: '2026-08-19', source: 'assumed equal to claude-sonnet-4-5', verified: false, input: '3', cacheWrite5m: '3.75', cacheWrite1h: '6', cacheRead: '0.30', output: '15' },
  { model: 'claude-haiku-4-5', asOf: '2026-08-19', source: modelPage('haiku-4-5'), verified: true, input: '1', cacheWrite5m: '1.25', cacheWrite1h: '2', cacheRead: '0.10', output: '5' },
];

/** A snapshot id is the alias plus a date: `claude-haiku-4-5-20251001`. Anything else after the alias is another model. */
const snapshotSuffix = /^-\d{8}$/;

/**
 * The price entry for a model id: an exact match, or the alias of a dated snapshot id. `claude-sonnet-5-5` does not
 * match `claude-sonnet-5` (it is a different model with different prices), so it returns null.
 */
export function priceFor(model: string, table: PriceTable = defaultPriceTable): ModelPrice | null {
  for (const entry of table) {
    if (model === entry.model) return entry;
  }
  for (const entry of table) {
    if (model.startsWith(entry.model) && snapshotSuffix.test(model.slice(entry.model.length))) return entry;
  }
  return null;
}

/** The `usage` block of an Anthropic Messages response (only the fields priced). The SDK types some as nullable. */
export interface ModelUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation?: { ephemeral_5m_input_tokens?: number | null; ephemeral_1h_input_tokens?: number | null } | null;
}

/** Cache-write tokens split by lifetime. Without a breakdown, every write is priced as a 5-minute write. */
export function cacheWrites(usage: ModelUsage): { fiveMinute: number; oneHour: number } {
  const total = usage.cache_creation_input_tokens ?? 0;
  const breakdown = usage.cache_creation;
  if (!breakdown) return { fiveMinute: total, oneHour: 0 };
  const fiveMinute = breakdown.ephemeral_5m_input_tokens ?? 0;
  const oneHour = breakdown.ephemeral_1h_input_tokens ?? 0;
  // A breakdown that accounts for fewer tokens than the total: the remainder is priced at the 5-minute rate.
  const unaccounted = Math.max(0, total - fiveMinute - oneHour);
  return { fiveMinute: fiveMinute + unaccounted, oneHour };
}

const MILLION = new Decimal(1_000_000);

/**
 * The cost of one model call in USD, as a decimal string rounded once (half up) to 6 decimals, or null when the model
 * has no price in the table.
 */
export function costOf(model: string, usage: ModelUsage, table: PriceTable = defaultPriceTable): string | null {
  const price = priceFor(model, table);
  if (!price) return null;
  const writes = cacheWrites(usage);
  const perMillion = new Decimal(usage.input_tokens)
    .times(price.input)
    .plus(new Decimal(writes.fiveMinute).times(price.cacheWrite5m))
    .plus(new Decimal(writes.oneHour).times(price.cacheWrite1h))
    .plus(new Decimal(usage.cache_read_input_tokens ?? 0).times(price.cacheRead))
    .plus(new Decimal(usage.output_tokens).times(price.output));
  return perMillion.dividedBy(MILLION).toFixed(6, Decimal.ROUND_HALF_UP);
}
