import { describe, expect, it } from 'vitest';
import { proposalFixture } from '@/entrypoints/sidepanel/proposal.fixture';
import { defaultNotificationSettings } from './settings';
import { allowed, badgeView, expiringNotice, expiringReminderAt, orderNotice, targetOf } from './notifications';

const filledOrder = { id: 'o1', status: 'filled', filledQty: '2.486943', filledAvgPrice: '201.05', submittedAt: '2025-06-16T14:01:00.000Z' };

describe('which order events notify', () => {
  const cases = [
    { name: 'a fill', proposal: proposalFixture({ status: 'filled', order: filledOrder }), kind: 'fills', title: 'Order filled (paper)' },
    { name: 'an order not placed', proposal: proposalFixture({ status: 'failed', error: { kind: 'upstream', code: 'order-not-placed', message: 'Alpaca refused the order: insufficient buying power.', retryable: false } }), kind: 'rejections', title: 'Order not placed (paper)' },
    { name: 'a broker rejection', proposal: proposalFixture({ status: 'cancelled', order: { ...filledOrder, status: 'rejected', filledQty: '0', filledAvgPrice: null } }), kind: 'rejections', title: 'Order not placed (paper)' },
  ] as const;
  for (const { name, proposal, kind, title } of cases) {
    it(`${name} notifies as ${kind}, once, and a click opens its card`, () => {
      const seen = new Set<string>();
      const notice = orderNotice(proposal, seen);
      expect(notice).toMatchObject({ kind, title, target: { kind: 'conversation', conversationId: 'c1', proposalId: 'p1' } });
      expect(notice?.message).toContain('Buy $500.00 of AAPL');
      expect(targetOf(notice?.id ?? '')).toEqual({ kind: 'conversation', conversationId: 'c1', proposalId: 'p1' });
      expect(orderNotice(proposal, seen)).toBeNull();
    });
  }

  it('the fill says how many shares at what price', () => {
    expect(orderNotice(proposalFixture({ status: 'filled', order: filledOrder }), new Set())?.message).toBe('Buy $500.00 of AAPL, market, day: 2.486943 shares at $201.05.');
  });

  it('the broker error is the message of a rejection', () => {
    const notice = orderNotice(proposalFixture({ status: 'failed', error: { kind: 'upstream', code: 'x', message: 'Alpaca refused the order.', retryable: false } }), new Set());
    expect(notice?.message).toContain('Alpaca refused the order.');
  });

  for (const status of ['pending', 'submitting', 'submitted', 'partially_filled', 'rejected', 'expired'] as const) {
    it(`a proposal that is ${status} notifies nothing`, () => {
      expect(orderNotice(proposalFixture({ status }), new Set())).toBeNull();
    });
  }

  it('an order cancelled without a broker rejection notifies nothing', () => {
    expect(orderNotice(proposalFixture({ status: 'cancelled', order: { ...filledOrder, status: 'canceled', filledQty: '0', filledAvgPrice: null } }), new Set())).toBeNull();
  });

  it('live orders say LIVE', () => {
    expect(orderNotice(proposalFixture({ status: 'filled', mode: 'live', order: filledOrder }), new Set())?.title).toBe('Order filled (LIVE)');
  });
});

describe('settings', () => {
  it('every kind is on by default, and each is switched on its own', () => {
    for (const kind of ['fills', 'rejections', 'expiring', 'alerts'] as const) {
      expect(allowed(kind, defaultNotificationSettings)).toBe(true);
      const off = { ...defaultNotificationSettings, [kind]: false };
      expect(allowed(kind, off)).toBe(false);
      for (const other of ['fills', 'rejections', 'expiring', 'alerts'] as const) if (other !== kind) expect(allowed(other, off)).toBe(true);
    }
  });
});

describe('expiring cards', () => {
  it('the reminder comes two minutes before the end, or halfway for a short card', () => {
    expect(expiringReminderAt(proposalFixture()).toISOString()).toBe('2025-06-16T14:08:00.000Z');
    expect(expiringReminderAt(proposalFixture({ expiresAt: '2025-06-16T14:01:00.000Z' })).toISOString()).toBe('2025-06-16T14:00:30.000Z');
  });

  it('reminds only while the card still waits and has time left', () => {
    const at = new Date('2025-06-16T14:08:00.000Z');
    expect(expiringNotice(proposalFixture(), at)).toMatchObject({ kind: 'expiring', message: expect.stringContaining('expires in 2 minutes') as string });
    expect(expiringNotice(proposalFixture({ status: 'submitted' }), at)).toBeNull();
    expect(expiringNotice(proposalFixture(), new Date('2025-06-16T14:10:00.000Z'))).toBeNull();
    expect(targetOf(expiringNotice(proposalFixture(), at)?.id ?? '')).toEqual({ kind: 'conversation', conversationId: 'c1', proposalId: 'p1' });
  });
});

describe('badge', () => {
  it('pending confirmations first, then open alerts with a mark, else nothing', () => {
    expect(badgeView({ pendingConfirmations: 2, openAlerts: 1 })).toEqual({ text: '2', color: '#2b56c9', title: 'Open Clera (2 orders waiting for confirmation, 1 quality alert)' });
    expect(badgeView({ pendingConfirmations: 0, openAlerts: 3 })).toMatchObject({ text: '3!', title: 'Open Clera (3 quality alerts)' });
    expect(badgeView({ pendingConfirmations: 1, openAlerts: 0 }).title).toBe('Open Clera (1 order waiting for confirmation)');
    expect(badgeView({ pendingConfirmations: 0, openAlerts: 0 })).toMatchObject({ text: '', title: 'Open Clera' });
  });

  it('ids that are not Clera’s open nothing', () => {
    expect(targetOf('something-else')).toBeNull();
    expect(targetOf('clera-alert:a1')).toEqual({ kind: 'metrics' });
  });
});
