import { describe, expect, it } from 'vitest';
import type { BrokerOrder } from '../clients/alpaca/orders';
import { describeFill, orderSnapshot, statusForOrder } from './order-snapshot';

const order = (fields: Partial<BrokerOrder>): BrokerOrder => ({ id: 'o1', client_order_id: 'clera-p1', symbol: 'AAPL', side: 'buy', status: 'new', ...fields });

describe('order snapshot', () => {
  it('keeps the id, status, fill and submission time; an unfilled order shows 0 shares and no price', () => {
    expect(orderSnapshot(order({ status: 'filled', filled_qty: '3', filled_avg_price: '190.25', submitted_at: '2026-03-02T15:00:00Z' }))).toEqual({
      id: 'o1',
      status: 'filled',
      filledQty: '3',
      filledAvgPrice: '190.25',
      submittedAt: '2026-03-02T15:00:00Z',
    });
    expect(orderSnapshot(order({}))).toEqual({ id: 'o1', status: 'new', filledQty: '0', filledAvgPrice: null, submittedAt: null });
  });

  it.each([
    ['filled', 'filled'],
    ['partially_filled', 'partially_filled'],
    ['canceled', 'cancelled'],
    ['expired', 'cancelled'],
    ['rejected', 'cancelled'],
    ['done_for_day', 'cancelled'],
    ['new', 'submitted'],
    ['accepted', 'submitted'],
    ['pending_cancel', 'submitted'],
  ] as const)('reads broker status %s as proposal status %s', (brokerStatus, expected) => {
    expect(statusForOrder({ status: brokerStatus })).toBe(expected);
  });

  it('describes a fill with its average price to the cent', () => {
    expect(describeFill({ filled_qty: '3', filled_avg_price: '190.255' })).toBe('3 shares at $190.26');
    expect(describeFill({ filled_qty: null, filled_avg_price: null })).toBe('0 shares');
  });
});
