import { describe, expect, it } from 'vitest';
import type { OrderDraft } from '../order-draft';
import { precisionRule } from './precision';
import { checkRule, makeDraft } from '../../../tests/support/rule-facts';

/** A draft built directly, as the card's edit path could, bypassing the schema. */
function raw(fields: Partial<OrderDraft>): OrderDraft {
  return { side: 'buy', symbol: 'AAPL', type: 'market', time_in_force: 'day', ...fields };
}

describe('precision rule', () => {
  it.each([
    [{ amount: '10.00' }, '$10.00 is whole cents.'],
    [{ amount: '10.1' }, '$10.10 is whole cents.'],
    [{ quantity: '1.123456789' }, '1.123456789 shares is a valid quantity.'], // 9 decimals
    [{ quantity: '1' }, '1 share is a valid quantity.'],
    [{ quantity: '2', type: 'limit', limit_price: '412.12' }, '2 shares is a valid quantity; the limit $412.12 is a valid price.'],
    [{ quantity: '2', type: 'limit', limit_price: '0.1234' }, '2 shares is a valid quantity; the limit $0.1234 is a valid price.'], // under $1: 4 decimals
    [{ quantity: '2', type: 'limit', limit_price: '0.999' }, '2 shares is a valid quantity; the limit $0.999 is a valid price.'],
  ] as const)('passes %j', (fields, reason) => {
    expect(checkRule(precisionRule, raw(fields))).toEqual({ outcome: 'pass', reason });
  });

  it.each([
    [{ amount: '10.001' }, 'Amounts are in dollars with at most 2 decimals; 10.001 has more.'],
    [{ amount: '0' }, 'The dollar amount must be more than $0.'],
    [{ amount: '-5' }, 'The dollar amount must be more than $0.'],
    [{ quantity: '1.1234567891' }, 'Share quantities have at most 9 decimals; 1.1234567891 has more.'], // 10 decimals
    [{ quantity: '0' }, 'The number of shares must be more than 0.'],
    [{ amount: '10', quantity: '1' }, 'Give either a dollar amount or a number of shares, not both.'],
    [{}, 'Give a dollar amount or a number of shares.'],
    [{ quantity: '1', type: 'limit' }, 'A limit order needs a limit price.'],
    [{ quantity: '1', type: 'limit', limit_price: '412.123' }, 'A limit price of $1 or more has at most 2 decimals; 412.123 has more.'],
    [{ quantity: '1', type: 'limit', limit_price: '1.001' }, 'A limit price of $1 or more has at most 2 decimals; 1.001 has more.'],
    [{ quantity: '1', type: 'limit', limit_price: '0.12345' }, 'A limit price under $1 has at most 4 decimals; 0.12345 has more.'],
    [{ quantity: '1', type: 'limit', limit_price: '0' }, 'The limit price must be more than $0.'],
  ] as const)('blocks %j', (fields, reason) => {
    expect(checkRule(precisionRule, raw(fields))).toEqual({ outcome: 'block', reason });
  });

  it('passes every draft the schema accepts', () => {
    for (const input of [{ amount: 0.01 }, { amount: '999999999.99' }, { quantity: 0.000000001 }, { quantity: '3', type: 'limit', limit_price: '0.0001' }]) {
      expect(checkRule(precisionRule, makeDraft({ side: 'sell', ...input })).outcome).toBe('pass');
    }
  });
});
