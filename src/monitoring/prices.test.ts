import { describe, expect, it } from 'vitest';
import { costOf, defaultPriceTable, priceFor, type PriceTable } from './prices';

describe('priceFor', () => {
  it.each([
    ['claude-sonnet-5', 'claude-sonnet-5'],
    ['claude-opus-5', 'claude-opus-5'],
    ['claude-opus-4-8', 'claude-opus-4-8'],
    ['claude-opus-4-7', 'claude-opus-4-7'],
    ['claude-opus-4-6', 'claude-opus-4-6'],
    ['claude-opus-4-5', 'claude-opus-4-5'],
    ['claude-opus-4-5-20251101', 'claude-opus-4-5'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['claude-sonnet-4-6', 'claude-sonnet-4-6'],
    ['claude-haiku-4-5', 'claude-haiku-4-5'],
    ['claude-haiku-4-5-20251001', 'claude-haiku-4-5'],
  ])('prices %s as %s', (model, entry) => {
    expect(priceFor(model)?.model).toBe(entry);
  });

  it.each(['claude-sonnet-5-5', 'claude-opus-4-1', 'claude-haiku-4-5-latest', 'claude-haiku-4', 'gpt-4o', ''])(
    'has no price for %j rather than guessing from a similar id',
    (model) => {
      expect(priceFor(model)).toBeNull();
    },
  );

  it('dates every price and writes it as a decimal string', () => {
    for (const entry of defaultPriceTable) {
      expect(entry.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const price of [entry.input, entry.cacheWrite5m, entry.cacheWrite1h, entry.cacheRead, entry.output]) expect(price).toMatch(/^\d+(\.\d+)?$/);
    }
  });
});

describe('costOf', () => {
  it('prices a haiku-4-5 usage block without a cache breakdown, all writes at the 5-minute rate', () => {
    // (1,000 × $1 + 200 × $5 + 3,000 × $0.10 + 500 × $1.25) / 1e6
    // = (1,000 + 1,000 + 300 + 625) / 1e6 = 2,925 / 1e6 = $0.002925
    const usage = { input_tokens: 1000, output_tokens: 200, cache_read_input_tokens: 3000, cache_creation_input_tokens: 500 };
    expect(costOf('claude-haiku-4-5', usage)).toBe('0.002925');
  });

  it('uses the cache_creation breakdown for 5-minute and 1-hour writes', () => {
    // sonnet-4-5: (2,000 × $3 + 400 × $3.75 + 600 × $6 + 10,000 × $0.30 + 300 × $15) / 1e6
    // = (6,000 + 1,500 + 3,600 + 3,000 + 4,500) / 1e6 = 18,600 / 1e6 = $0.018600
    const usage = {
      input_tokens: 2000,
      output_tokens: 300,
      cache_read_input_tokens: 10_000,
      cache_creation_input_tokens: 1000,
      cache_creation: { ephemeral_5m_input_tokens: 400, ephemeral_1h_input_tokens: 600 },
    };
    expect(costOf('claude-sonnet-4-5', usage)).toBe('0.018600');
  });

  it('prices 1-hour writes at the 1-hour rate', () => {
    // opus-4-7: (100 × $5 + 2,000 × $10 + 50 × $25) / 1e6 = (500 + 20,000 + 1,250) / 1e6 = $0.021750
    const usage = {
      input_tokens: 100,
      output_tokens: 50,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 2000,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 2000 },
    };
    expect(costOf('claude-opus-4-7', usage)).toBe('0.021750');
  });

  it('prices writes the breakdown leaves unaccounted at the 5-minute rate', () => {
    // haiku-4-5: total writes 1,000, breakdown 200 (1h) → 800 at $1.25 + 200 at $2 = 1,000 + 400 = 1,400 / 1e6
    const usage = {
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 1000,
      cache_creation: { ephemeral_1h_input_tokens: 200 },
    };
    expect(costOf('claude-haiku-4-5', usage)).toBe('0.001400');
  });

  it('prices a dated snapshot id like its alias', () => {
    // (1,000 × $1 + 200 × $5) / 1e6 = 2,000 / 1e6
    expect(costOf('claude-haiku-4-5-20251001', { input_tokens: 1000, output_tokens: 200 })).toBe('0.002000');
  });

  it('accepts the nullable fields the SDK types use', () => {
    // sonnet-5: (10 × $2 + 10 × $10) / 1e6 = 120 / 1e6
    const usage = { input_tokens: 10, output_tokens: 10, cache_creation_input_tokens: null, cache_read_input_tokens: null, cache_creation: null };
    expect(costOf('claude-sonnet-5', usage)).toBe('0.000120');
  });

  it('rounds once, half up, to 6 decimals', () => {
    // haiku-4-5: 5 cache-read tokens × $0.10 = 0.5 / 1e6 = 0.0000005 → 0.000001; 4 → 0.0000004 → 0.000000
    expect(costOf('claude-haiku-4-5', { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 5 })).toBe('0.000001');
    expect(costOf('claude-haiku-4-5', { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 4 })).toBe('0.000000');
  });

  it('returns null for an unknown model', () => {
    expect(costOf('claude-mythos-5', { input_tokens: 1000, output_tokens: 1000 })).toBeNull();
  });

  it('takes a price table from configuration', () => {
    const table: PriceTable = [
      { model: 'claude-sonnet-5-5', asOf: '2026-10-07', source: 'test', verified: true, input: '4', cacheWrite5m: '5', cacheWrite1h: '8', cacheRead: '0.1', output: '20' },
    ];
    // (1,000 × $4 + 100 × $20) / 1e6 = 6,000 / 1e6
    expect(costOf('claude-sonnet-5-5', { input_tokens: 1000, output_tokens: 100 }, table)).toBe('0.006000');
    expect(costOf('claude-haiku-4-5', { input_tokens: 1000, output_tokens: 100 }, table)).toBeNull();
  });
});
