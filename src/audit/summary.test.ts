import { describe, expect, it } from 'vitest';
import { formatDollars, formatShares, summarizeAuditEvent } from './summary';

describe('summarizeAuditEvent', () => {
  it.each([
    ['proposed', { draft: { side: 'buy', symbol: 'aapl', amount: '500', type: 'market', time_in_force: 'day' } }, 'Proposed: buy $500.00 of AAPL (market, day)'],
    ['proposed', { side: 'sell', symbol: 'MSFT', quantity: '2.50', type: 'limit', limit_price: '410.5', time_in_force: 'gtc' }, 'Proposed: sell 2.5 shares of MSFT (limit $410.50, gtc)'],
    ['proposed', { draft: { side: 'buy', symbol: 'VTI', quantity: '1' } }, 'Proposed: buy 1 share of VTI'],
    ['proposed', { draft: { side: 'buy', symbol: 'BRK.B', amount: 12345.678 } }, 'Proposed: buy $12,345.68 of BRK.B'],
    ['proposed', {}, 'Proposed an order'],
    ['proposed', { draft: { side: 'buy', symbol: 'AAPL', amount: '50' }, mode: 'live', fromPageText: true }, 'Proposed: buy $50.00 of AAPL [live account] [from page text]'],
    ['proposed', { draft: { side: 'buy', symbol: 'AAPL', amount: '50' }, mode: 'paper', fromPageText: false }, 'Proposed: buy $50.00 of AAPL'],
    ['proposed', { draft: { side: 'hold', symbol: 'AAPL' } }, 'Proposed an order'],
    ['proposed', { kind: 'cancel', orderId: 'o', side: 'buy', symbol: 'AAPL', qty: '2', notional: null, type: 'limit', limit_price: '150', time_in_force: 'gtc', fromPageText: true }, 'Proposed cancelling: buy 2 shares of AAPL (limit $150.00, gtc) [from page text]'],
    ['proposed', { kind: 'cancel' }, 'Proposed cancelling an order'],
    ['confirmed', { kind: 'cancel', orderId: 'o' }, 'Cancel confirmed by you'],
    ['kept', { kind: 'cancel', orderId: 'o' }, 'Kept by you: the order stays open'],
    ['broker-response', { kind: 'cancel', orderId: 'o', cancelRequested: true, status: 'canceled' }, 'Alpaca accepted the cancel request: canceled'],
    ['broker-response', { kind: 'cancel', orderId: 'o', cancelRequested: false, status: 'filled' }, 'Alpaca answered: filled (order o)'],
    ['rules', { rules: [{ outcome: 'pass' }, { outcome: 'pass' }, { outcome: 'warn' }] }, 'Checked 3 rules: 2 passed, 1 warning'],
    ['rules', { rules: [{ outcome: 'pass' }, { outcome: 'block', label: 'Buying power', reason: 'Not enough buying power' }] }, 'Blocked by a rule: Not enough buying power'],
    ['rules', { rules: 'not a list' }, 'Rules checked'],
    ['rules', { blocked: false, results: [{ outcome: 'pass' }], estimate: {} }, 'Checked 1 rule: 1 passed'],
    ['rules', { blocked: true, results: [{ outcome: 'block', label: 'Market hours', reason: 'The market is closed' }], atConfirm: true }, 'Blocked by a rule at confirmation: The market is closed'],
    ['edited', { draft: { side: 'buy', symbol: 'AAPL', amount: '600', type: 'market', time_in_force: 'day' } }, 'Edited by you: buy $600.00 of AAPL (market, day)'],
    ['edited', {}, 'Edited by you'],
    ['confirmed', {}, 'Confirmed by you'],
    ['confirmed', { liveConfirmed: false, price: '200.5', clientOrderId: 'c-1' }, 'Confirmed by you (quote $200.50)'],
    ['rejected', {}, 'Rejected by you'],
    ['rejected', { reason: 'Changed my mind' }, 'Rejected by you: Changed my mind'],
    ['expired', {}, 'Expired before you decided'],
    ['submitted', { clientOrderId: 'clera-123' }, 'Submitted to Alpaca as clera-123'],
    ['submitted', { client_order_id: 'clera-456' }, 'Submitted to Alpaca as clera-456'],
    ['submitted', {}, 'Submitted to Alpaca'],
    ['broker-response', { status: 'accepted', orderId: 'ord-1' }, 'Alpaca answered: accepted (order ord-1)'],
    ['broker-response', { order: { id: 'ord-2', status: 'new' } }, 'Alpaca answered: new (order ord-2)'],
    ['broker-response', { error: { message: 'insufficient buying power' } }, 'Alpaca refused the order: insufficient buying power'],
    ['broker-response', {}, 'Alpaca answered'],
    ['broker-response', { orderId: 'ord-3', status: 'filled', reconciled: true }, 'Found at Alpaca after a lost response: filled (order ord-3)'],
    ['filled', { filledQty: '2.500000000', filledAvgPrice: '200' }, 'Filled 2.5 shares at $200.00'],
    ['filled', { filled_qty: '1', filled_avg_price: '99.995', status: 'partially_filled' }, 'Partially filled 1 share at $100.00'],
    ['filled', {}, 'Filled'],
    ['filled', { orderId: 'o', filledQty: '3', filledAvgPrice: null }, 'Filled 3 shares'],
    ['cancelled', {}, 'Cancelled'],
    ['cancelled', { orderId: 'o', brokerStatus: 'canceled', filledQty: '0' }, 'Cancelled'],
    ['cancelled', { orderId: 'o', brokerStatus: 'canceled', filledQty: '1.5' }, 'Cancelled after 1.5 shares filled'],
    ['cancelled', { by: 'user', reason: 'Not needed' }, 'Cancelled by you: Not needed'],
    ['failed', { error: { code: 'x', message: 'Alpaca could not be reached' } }, 'Failed: Alpaca could not be reached'],
    ['failed', { reason: 'market closed' }, 'Failed: market closed'],
    ['failed', { code: 'insufficient-funds', message: 'Not enough buying power' }, 'Failed: Not enough buying power'],
    ['failed', { error: 42 }, 'Failed: 42'],
    ['failed', {}, 'Failed'],
  ])('%s %j → %s', (type, data, expected) => {
    expect(summarizeAuditEvent(type, data)).toBe(expected);
  });

  it('falls back to a generic line for a type it does not know', () => {
    expect(summarizeAuditEvent('something-new', { a: 1 })).toBe('Recorded: something-new');
  });

  it('never throws on odd data, and keeps recorded text short and on one line', () => {
    const odd = [{ draft: null }, { draft: [] }, { rules: [null, 1, 'x'] }, { error: { message: { nested: true } } }, { filledQty: 'lots' }, { amount: 'NaN' }];
    for (const type of ['proposed', 'rules', 'failed', 'filled', 'broker-response']) {
      for (const data of odd) expect(typeof summarizeAuditEvent(type, data)).toBe('string');
    }
    const line = summarizeAuditEvent('failed', { reason: `first\nsecond ${'x'.repeat(300)}` });
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThan(140);
  });
});

describe('formatDollars and formatShares', () => {
  it.each([
    ['500', '$500.00'],
    ['1234567.891', '$1,234,567.89'],
    ['-5.5', '-$5.50'],
    ['-0.001', '$0.00'],
    [2.675, '$2.68'],
    ['abc', undefined],
    [Number.NaN, undefined],
  ])('formatDollars(%j) is %j', (value, expected) => {
    expect(formatDollars(value)).toBe(expected);
  });

  it.each([
    ['2.5', '2.5 shares'],
    ['1.000', '1 share'],
    [0.000001, '0.000001 shares'],
    ['x', undefined],
  ])('formatShares(%j) is %j', (value, expected) => {
    expect(formatShares(value)).toBe(expected);
  });
});
