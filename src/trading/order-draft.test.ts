import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeDraft, orderDraftSchema, type OrderDraft } from './order-draft';

const buy = { side: 'buy', symbol: 'AAPL' } as const;

describe('orderDraftSchema accepts and normalises', () => {
  it.each([
    ['a dollar amount as a string', { ...buy, amount: '500' }, { amount: '500.00' }],
    ['a dollar amount as a number', { ...buy, amount: 250.5 }, { amount: '250.50' }],
    ['trailing zeros beyond cents (the value has 2 decimals)', { ...buy, amount: '500.000' }, { amount: '500.00' }],
    ['spaces around the amount', { ...buy, amount: ' 12.3 ' }, { amount: '12.30' }],
    ['an amount under the $1 minimum (the minimum-amount rule decides)', { ...buy, amount: '0.5' }, { amount: '0.50' }],
    ['the largest amount', { ...buy, amount: '1000000000' }, { amount: '1000000000.00' }],
    ['a share quantity', { ...buy, quantity: '2.50' }, { quantity: '2.5' }],
    ['leading zeros', { ...buy, quantity: '007' }, { quantity: '7' }],
    ['9 decimals of a share, as a number', { ...buy, quantity: 0.000000001 }, { quantity: '0.000000001' }], // JS writes it 1e-9
    ['the largest quantity', { ...buy, quantity: '10000000' }, { quantity: '10000000' }],
    ['a lower-case ticker', { ...buy, symbol: 'aapl', quantity: '1' }, { symbol: 'AAPL' }],
    ['a class share written with a slash', { ...buy, symbol: 'brk/b', quantity: '1' }, { symbol: 'BRK.B' }],
    ['a class share', { ...buy, symbol: 'BRK.B', quantity: '1' }, { symbol: 'BRK.B' }],
    ['a cashtag', { ...buy, symbol: '$tsla', quantity: '1' }, { symbol: 'TSLA' }],
    ['a limit price as a number', { ...buy, quantity: '1', type: 'limit', limit_price: 412 }, { type: 'limit', limit_price: '412.00' }],
    ['a sub-dollar limit price with 4 decimals', { ...buy, quantity: '1', type: 'limit', limit_price: '0.1234' }, { limit_price: '0.1234' }],
    ['3 decimals on a sub-dollar limit price', { ...buy, quantity: '1', type: 'limit', limit_price: '0.999' }, { limit_price: '0.999' }],
    ['a limit price of 0.5', { ...buy, quantity: '1', type: 'limit', limit_price: '0.5' }, { limit_price: '0.50' }],
    ['gtc', { ...buy, quantity: '1', time_in_force: 'gtc' }, { time_in_force: 'gtc' }],
    ['null for the unused size (models send it)', { ...buy, amount: null, quantity: '1', limit_price: null }, { quantity: '1', amount: undefined }],
  ])('%s', (_name, input, expected) => {
    expect(orderDraftSchema.parse(input)).toMatchObject(expected);
  });

  it('defaults to a market day order and leaves absent fields out', () => {
    expect(orderDraftSchema.parse({ side: 'sell', symbol: 'spy', amount: 100 })).toEqual({
      side: 'sell',
      symbol: 'SPY',
      amount: '100.00',
      type: 'market',
      time_in_force: 'day',
    } satisfies OrderDraft);
  });
});

describe('orderDraftSchema refuses', () => {
  const notPlainAmount = 'Write the dollar amount as a plain number like 500 or 250.50 (no $, commas or exponents).';
  const notANumberAmount = 'The dollar amount must be a plain number like 500 or 250.50 (no $, commas or exponents).';

  it.each([
    ['a negative amount', { ...buy, amount: -5 }, 'amount', 'The dollar amount must be more than $0.'],
    ['a negative amount string', { ...buy, amount: '-5' }, 'amount', 'The dollar amount must be more than $0.'],
    ['a zero amount', { ...buy, amount: '0' }, 'amount', 'The dollar amount must be more than $0.'],
    ['3 decimals of a dollar', { ...buy, amount: '10.001' }, 'amount', 'Amounts are in dollars with at most 2 decimals.'],
    ['a float sum (0.1 + 0.2 = 0.30000000000000004)', { ...buy, amount: 0.1 + 0.2 }, 'amount', 'Amounts are in dollars with at most 2 decimals.'],
    ['an amount above $1,000,000,000', { ...buy, amount: '1000000000.01' }, 'amount', 'A dollar amount above $1,000,000,000 is not a real order.'],
    ['an absurd amount', { ...buy, amount: 1e12 }, 'amount', 'A dollar amount above $1,000,000,000 is not a real order.'],
    ['NaN', { ...buy, amount: Number.NaN }, 'amount', notANumberAmount],
    ['Infinity', { ...buy, amount: Number.POSITIVE_INFINITY }, 'amount', notANumberAmount],
    ['a boolean', { ...buy, amount: true }, 'amount', notANumberAmount],
    ["an exponent string ('1e3')", { ...buy, amount: '1e3' }, 'amount', notPlainAmount],
    ['a currency sign', { ...buy, amount: '$500' }, 'amount', notPlainAmount],
    ['thousands separators', { ...buy, amount: '1,000' }, 'amount', notPlainAmount],
    ['an empty string', { ...buy, amount: '' }, 'amount', notPlainAmount],
    ['"NaN" as a string', { ...buy, amount: 'NaN' }, 'amount', notPlainAmount],
    ['an absurd quantity (1e12)', { ...buy, quantity: 1e12 }, 'quantity', 'More than 10,000,000 shares is not a real order.'],
    ['just over the largest quantity', { ...buy, quantity: '10000000.000000001' }, 'quantity', 'More than 10,000,000 shares is not a real order.'],
    ['10 decimals of a share', { ...buy, quantity: '1.0000000001' }, 'quantity', 'Share quantities have at most 9 decimals.'],
    ['zero shares', { ...buy, quantity: 0 }, 'quantity', 'The number of shares must be more than 0.'],
    ['a quantity written with an exponent', { ...buy, quantity: '1e3' }, 'quantity', 'Write the number of shares as a plain number like 10 or 2.5 (no $, commas or exponents).'],
    ['a symbol with an injection', { ...buy, symbol: 'AAPL; DROP', quantity: '1' }, 'symbol', 'A ticker symbol may contain only the letters A–Z, with an optional share class such as BRK.B.'],
    ['an empty symbol', { ...buy, symbol: ' ', quantity: '1' }, 'symbol', 'No ticker symbol was given.'],
    ["an order type 'stop'", { ...buy, quantity: '1', type: 'stop' }, 'type', 'The order type is market or limit; other types (stop, trailing stop) are not supported.'],
    ["a side 'short'", { side: 'short', symbol: 'AAPL', quantity: '1' }, 'side', 'The side is buy or sell.'],
    ["a time in force 'ioc'", { ...buy, quantity: '1', time_in_force: 'ioc' }, 'time_in_force', 'Time in force is day or gtc.'],
    ['both an amount and a quantity', { ...buy, amount: '500', quantity: '2' }, 'amount', 'Give either a dollar amount or a number of shares, not both.'],
    ['neither an amount nor a quantity', { ...buy }, 'amount', 'Give a dollar amount or a number of shares.'],
    ['a limit order without a price', { ...buy, quantity: '1', type: 'limit' }, 'limit_price', 'A limit order needs a limit price.'],
    ['a market order with a limit price', { ...buy, quantity: '1', limit_price: '400' }, 'limit_price', 'A market order has no limit price; set type to limit to use one.'],
    ['3 decimals on a limit price of $1 or more', { ...buy, quantity: '1', type: 'limit', limit_price: '412.123' }, 'limit_price', 'A limit price of $1 or more has at most 2 decimals (e.g. 412.35).'],
    ['3 decimals on a limit price of exactly $1', { ...buy, quantity: '1', type: 'limit', limit_price: '1.001' }, 'limit_price', 'A limit price of $1 or more has at most 2 decimals (e.g. 412.35).'],
    ['5 decimals on a sub-dollar limit price', { ...buy, quantity: '1', type: 'limit', limit_price: '0.12345' }, 'limit_price', 'A limit price under $1 has at most 4 decimals (e.g. 0.1234).'],
    ['a zero limit price', { ...buy, quantity: '1', type: 'limit', limit_price: 0 }, 'limit_price', 'The limit price must be more than $0.'],
  ])('%s', (_name, input, path, message) => {
    const result = orderDraftSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))).toContainEqual({ path, message });
  });

  it('refuses keys it does not know rather than dropping them (a stop price must not vanish silently)', () => {
    const result = orderDraftSchema.safeParse({ ...buy, quantity: '1', stop_price: '150' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('the JSON schema the model sees', () => {
  const schema = z.toJSONSchema(orderDraftSchema, { target: 'draft-2020-12', io: 'input' }) as {
    properties: Record<string, { description?: string }>;
    required: string[];
    additionalProperties: boolean;
  };

  it('describes every field and requires only side and symbol', () => {
    expect(Object.keys(schema.properties)).toEqual(['side', 'symbol', 'amount', 'quantity', 'type', 'limit_price', 'time_in_force']);
    for (const [name, property] of Object.entries(schema.properties)) expect(property.description, name).toBeTruthy();
    expect(schema.required).toEqual(['side', 'symbol']);
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('describeDraft', () => {
  it.each([
    [{ side: 'buy', symbol: 'AAPL', amount: '500' }, 'Buy $500.00 of AAPL, market, day'],
    [{ side: 'sell', symbol: 'BRK.B', quantity: '2.5', type: 'limit', limit_price: '412', time_in_force: 'gtc' }, 'Sell 2.5 shares of BRK.B, limit $412.00, GTC'],
    [{ side: 'buy', symbol: 'F', quantity: '1' }, 'Buy 1 share of F, market, day'],
    [{ side: 'buy', symbol: 'SPY', amount: '1500' }, 'Buy $1,500.00 of SPY, market, day'],
    [{ side: 'sell', symbol: 'SNDL', quantity: '1000', type: 'limit', limit_price: '0.1234' }, 'Sell 1,000 shares of SNDL, limit $0.1234, day'],
  ])('%j → %s', (input, expected) => {
    expect(describeDraft(orderDraftSchema.parse(input))).toBe(expected);
  });
});
