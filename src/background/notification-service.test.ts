import { describe, expect, it } from 'vitest';
import { proposalFixture } from '@/entrypoints/sidepanel/proposal.fixture';
import { clockFrom } from '../platform/clock';
import type { Proposal } from '../protocol/proposal';
import { defaultNotificationSettings, type NotificationSettings } from '../protocol/settings';
import type { BadgeView, Notice, NotificationPort } from '../protocol/notifications';
import { createNotificationService } from './notification-service';

function setup(options: { settings?: Partial<NotificationSettings>; pending?: Proposal[]; now?: string } = {}) {
  const shown: Notice[] = [];
  const badges: BadgeView[] = [];
  const wakes = new Map<string, string>();
  const cleared: string[] = [];
  const port: NotificationPort = {
    show: (notice) => { shown.push(notice); },
    clear: (id) => { cleared.push(id); },
    setBadge: (view) => { badges.push(view); },
    wakeAt: (key, at) => { wakes.set(key, at.toISOString()); },
    cancelWake: (key) => { wakes.delete(key); },
  };
  const store = new Map((options.pending ?? []).map((p) => [p.id, p]));
  const service = createNotificationService({
    port,
    settings: () => Promise.resolve({ ...defaultNotificationSettings, ...options.settings }),
    proposals: { get: (id) => Promise.resolve(store.get(id)), withStatus: () => Promise.resolve([...store.values()].filter((p) => p.status === 'pending')) },
    cancels: { withStatus: () => Promise.resolve([]) },
    clock: clockFrom(() => new Date(options.now ?? '2025-06-16T14:05:00.000Z')),
    log: () => undefined,
  });
  return { service, shown, badges, wakes, cleared, store };
}

const filled = proposalFixture({ status: 'filled', order: { id: 'o1', status: 'filled', filledQty: '2', filledAvgPrice: '250', submittedAt: null } });
const failed = proposalFixture({ status: 'failed', error: { kind: 'upstream', code: 'order-not-placed', message: 'Refused.', retryable: false } });

describe('notification service', () => {
  it('shows a fill and a rejection under the default settings', async () => {
    const { service, shown } = setup();
    await service.proposalChanged(filled);
    await service.proposalChanged({ ...failed, id: 'p2' });
    expect(shown.map((notice) => notice.kind)).toEqual(['fills', 'rejections']);
  });

  it('each setting silences its own kind only', async () => {
    const fillsOff = setup({ settings: { fills: false } });
    await fillsOff.service.proposalChanged(filled);
    await fillsOff.service.proposalChanged({ ...failed, id: 'p2' });
    expect(fillsOff.shown.map((notice) => notice.kind)).toEqual(['rejections']);

    const rejectionsOff = setup({ settings: { rejections: false } });
    await rejectionsOff.service.proposalChanged(filled);
    await rejectionsOff.service.proposalChanged({ ...failed, id: 'p2' });
    expect(rejectionsOff.shown.map((notice) => notice.kind)).toEqual(['fills']);

    const alertsOff = setup({ settings: { alerts: false } });
    alertsOff.service.alertPort.notify({ id: 'a1', title: 'Clera: quality alert', message: 'Latency high' });
    await Promise.resolve();
    expect(alertsOff.shown).toEqual([]);
    const alertsOn = setup();
    alertsOn.service.alertPort.notify({ id: 'a1', title: 'Clera: quality alert', message: 'Latency high' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(alertsOn.shown.map((notice) => notice.id)).toEqual(['clera-alert:a1']);
  });

  it('a pending card schedules its reminder and expiry, counts on the badge, and the reminder shows while it waits', async () => {
    const pending = proposalFixture();
    const { service, shown, badges, wakes } = setup({ pending: [pending], now: '2025-06-16T14:08:00.000Z' });
    await service.proposalChanged(pending);
    expect(Object.fromEntries(wakes)).toEqual({ 'remind:p1': '2025-06-16T14:08:00.000Z', 'expire:p1': '2025-06-16T14:10:00.000Z' });
    expect(badges.at(-1)?.text).toBe('1');
    expect(await service.wake('remind:p1')).toBe(true);
    expect(shown.map((notice) => notice.kind)).toEqual(['expiring']);
  });

  it('the reminder respects its setting', async () => {
    const pending = proposalFixture();
    const { service, shown } = setup({ pending: [pending], now: '2025-06-16T14:08:00.000Z', settings: { expiring: false } });
    expect(await service.wake('remind:p1')).toBe(false);
    expect(shown).toEqual([]);
  });

  it('a decided card clears its reminder and wake-ups and leaves the badge', async () => {
    const pending = proposalFixture();
    const { service, badges, wakes, cleared, store } = setup({ pending: [pending] });
    await service.proposalChanged(pending);
    const submitted = { ...pending, status: 'submitting' as const };
    store.set('p1', submitted);
    await service.proposalChanged(submitted);
    expect(wakes.size).toBe(0);
    expect(cleared).toEqual(['clera-expiring:c1:p1']);
    expect(badges.at(-1)).toMatchObject({ text: '', title: 'Open Clera' });
  });

  it('a card past its time is not counted even before its expiry is written', async () => {
    const { service, badges } = setup({ pending: [proposalFixture()], now: '2025-06-16T14:11:00.000Z' });
    await service.refreshBadge();
    expect(badges.at(-1)?.text).toBe('');
  });

  it('open alerts share the badge with pending confirmations', async () => {
    const { service, badges } = setup({ pending: [proposalFixture()] });
    service.alertPort.setBadge('2');
    expect(badges.at(-1)?.text).toBe('2!');
    await service.refreshBadge();
    expect(badges.at(-1)).toMatchObject({ text: '1', title: 'Open Clera (1 order waiting for confirmation, 2 quality alerts)' });
  });
});
