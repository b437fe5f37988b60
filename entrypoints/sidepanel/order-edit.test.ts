import { describe, expect, it } from 'vitest';
import { editChanges, editFormFromDraft, type OrderEditForm } from './order-edit';
import { proposalFixture } from './proposal.fixture';

const form = (overrides: Partial<OrderEditForm> = {}): OrderEditForm => ({ ...editFormFromDraft(proposalFixture().draft), ...overrides });

describe('edit order form', () => {
  it('starts from the draft, sized the way the draft is', () => {
    expect(form()).toEqual({ sizeBy: 'amount', amount: '500.00', quantity: '', type: 'market', limitPrice: '', timeInForce: 'day' });
    const bySharesDraft = { ...proposalFixture().draft, amount: undefined, quantity: '3', type: 'limit' as const, limit_price: '190.00' };
    expect(editFormFromDraft(bySharesDraft)).toMatchObject({ sizeBy: 'quantity', quantity: '3', type: 'limit', limitPrice: '190.00' });
  });

  it.each<[string, Partial<OrderEditForm>, ReturnType<typeof editChanges>]>([
    ['a new dollar amount', { amount: ' 250.50 ' }, { ok: true, changes: { amount: '250.50', type: 'market', time_in_force: 'day' } }],
    ['a dollar sign typed in', { amount: '$250' }, { ok: true, changes: { amount: '250', type: 'market', time_in_force: 'day' } }],
    ['switched to shares', { sizeBy: 'quantity', quantity: '2' }, { ok: true, changes: { quantity: '2', type: 'market', time_in_force: 'day' } }],
    [
      'a limit order',
      { sizeBy: 'quantity', quantity: '2', type: 'limit', limitPrice: '199.5', timeInForce: 'gtc' },
      { ok: true, changes: { quantity: '2', type: 'limit', limit_price: '199.5', time_in_force: 'gtc' } },
    ],
    ['a market order drops the limit price', { limitPrice: '199.5' }, { ok: true, changes: { amount: '500.00', type: 'market', time_in_force: 'day' } }],
    ['an empty amount', { amount: '' }, { ok: false, field: 'size', message: 'Enter a dollar amount like 500 or 250.50.' }],
    ['zero shares', { sizeBy: 'quantity', quantity: '0' }, { ok: false, field: 'size', message: 'Enter a number of shares like 10 or 2.5.' }],
    ['thousands separators', { amount: '1,000' }, { ok: false, field: 'size', message: 'Enter a dollar amount like 500 or 250.50.' }],
    ['a limit order without a price', { type: 'limit' }, { ok: false, field: 'limitPrice', message: 'Enter a limit price like 412.50.' }],
  ])('%s', (_name, overrides, expected) => {
    expect(editChanges(form(overrides))).toEqual(expected);
  });
});
