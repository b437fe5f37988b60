import type { Proposal } from './proposal';
import type { NotificationSettings } from './settings';

/** The kinds of notification, one setting each (settings `notifications`). */
export type NoticeKind = keyof NotificationSettings;

/** Where a click on a notification takes the user: a conversation (and the card in it), or the metrics view. */
export type NoticeTarget = { kind: 'conversation'; conversationId: string; proposalId?: string } | { kind: 'metrics' };

/** One notification as Chrome shows it; the id encodes the target so a click after a worker restart still works. */
export interface Notice {
  id: string;
  kind: NoticeKind;
  title: string;
  message: string;
  target: NoticeTarget;
}

const ORDER_PREFIX = 'clera-order:';
const EXPIRING_PREFIX = 'clera-expiring:';
const ALERT_PREFIX = 'clera-alert:';

/** The id of the reminder shown for a proposal about to expire (cleared once it is decided or expires). */
export const expiringNoticeId = (proposal: Pick<Proposal, 'id' | 'conversationId'>) => `${EXPIRING_PREFIX}${proposal.conversationId}:${proposal.id}`;

/** Whether the user's settings let this kind of notification show. */
export const allowed = (kind: NoticeKind, settings: NotificationSettings): boolean => settings[kind];

/**
 * The notification an order proposal's change calls for, if any: a fill, or a rejection (the order was not placed, or
 * the broker rejected it). Only the first time the proposal is seen in that state (`seen` remembers it), so a
 * re-published proposal never notifies twice. A user's own Reject, an edit or a new quote notify nothing.
 */
export function orderNotice(proposal: Proposal, seen: Set<string>): Notice | null {
  const rejectedByBroker = proposal.status === 'cancelled' && proposal.order?.status === 'rejected';
  const outcome = proposal.status === 'filled' ? 'filled' : proposal.status === 'failed' ? 'failed' : rejectedByBroker ? 'rejected' : null;
  if (!outcome) return null;
  const key = `${proposal.id}:${outcome}`;
  if (seen.has(key)) return null;
  seen.add(key);
  const target: NoticeTarget = { kind: 'conversation', conversationId: proposal.conversationId, proposalId: proposal.id };
  const mode = proposal.mode === 'live' ? 'LIVE' : 'paper';
  if (outcome === 'filled') {
    const fill = proposal.order ? `${proposal.order.filledQty} shares${proposal.order.filledAvgPrice ? ` at $${Number(proposal.order.filledAvgPrice).toFixed(2)}` : ''}` : '';
    return { id: `${ORDER_PREFIX}filled:${proposal.conversationId}:${proposal.id}`, kind: 'fills', title: `Order filled (${mode})`, message: fill ? `${proposal.description}: ${fill}.` : `${proposal.description}.`, target };
  }
  const why = outcome === 'rejected' ? 'Alpaca rejected the order.' : (proposal.error?.message ?? 'The order was not placed.');
  return { id: `${ORDER_PREFIX}${outcome}:${proposal.conversationId}:${proposal.id}`, kind: 'rejections', title: `Order not placed (${mode})`, message: `${proposal.description}. ${why}`, target };
}

/** When to remind about a proposal waiting for confirmation: two minutes before it expires, or halfway for short ones. */
export function expiringReminderAt(proposal: Pick<Proposal, 'createdAt' | 'expiresAt'>): Date {
  const created = Date.parse(proposal.createdAt);
  const expires = Date.parse(proposal.expiresAt);
  const lead = Math.min(2 * 60_000, Math.max(0, (expires - created) / 2));
  return new Date(expires - lead);
}

/** The reminder for a proposal still waiting for confirmation at `now`; null once it is decided or past its time. */
export function expiringNotice(proposal: Proposal, now: Date): Notice | null {
  if (proposal.status !== 'pending') return null;
  const left = Date.parse(proposal.expiresAt) - now.getTime();
  if (left <= 0) return null;
  const minutes = Math.max(1, Math.round(left / 60_000));
  return {
    id: expiringNoticeId(proposal),
    kind: 'expiring',
    title: 'Order waiting for your confirmation',
    message: `${proposal.description}: the card expires in ${minutes === 1 ? 'about a minute' : `${minutes} minutes`}; nothing is sent unless you confirm.`,
    target: { kind: 'conversation', conversationId: proposal.conversationId, proposalId: proposal.id },
  };
}

/** A quality alert of the metrics view as a notification. */
export function alertNotice(alert: { id: string; title: string; message: string }): Notice {
  return { id: `${ALERT_PREFIX}${alert.id}`, kind: 'alerts', title: alert.title, message: alert.message, target: { kind: 'metrics' } };
}

/**
 * Where a click on one of Clera's notifications goes, read from its id alone (so it works after a worker restart and
 * without waiting, inside the click's user gesture); null for an id that is not Clera's.
 */
export function targetOf(id: string): NoticeTarget | null {
  if (id.startsWith(ALERT_PREFIX)) return { kind: 'metrics' };
  const rest = id.startsWith(ORDER_PREFIX) ? id.slice(ORDER_PREFIX.length).split(':').slice(1) : id.startsWith(EXPIRING_PREFIX) ? id.slice(EXPIRING_PREFIX.length).split(':') : [];
  const [conversationId, proposalId] = rest;
  return conversationId && proposalId ? { kind: 'conversation', conversationId, proposalId } : null;
}

/** What the toolbar badge shows: one policy for pending confirmations and open quality alerts. */
export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The toolbar badge: the number of order and cancel cards waiting for confirmation comes first (it is the user's
 * decision, and it expires); with none waiting, the number of open quality alerts shows in red with a "!" so the two
 * are never confused. The title says both in words.
 */
export function badgeView(counts: { pendingConfirmations: number; openAlerts: number }): BadgeView {
  const parts: string[] = [];
  if (counts.pendingConfirmations > 0) parts.push(plural(counts.pendingConfirmations, 'order waiting for confirmation', 'orders waiting for confirmation'));
  if (counts.openAlerts > 0) parts.push(plural(counts.openAlerts, 'quality alert', 'quality alerts'));
  const title = parts.length > 0 ? `Open Clera (${parts.join(', ')})` : 'Open Clera';
  if (counts.pendingConfirmations > 0) return { text: String(counts.pendingConfirmations), color: '#2b56c9', title };
  if (counts.openAlerts > 0) return { text: `${counts.openAlerts}!`, color: '#b3261e', title };
  return { text: '', color: '#2b56c9', title };
}

/** What the notifications need from the browser; entrypoints/background/notifications.ts implements it. */
export interface NotificationPort {
  show(notice: Notice): void;
  clear(id: string): void;
  setBadge(view: BadgeView): void;
  /** Wakes the worker at `at` (chrome.alarms) and calls the app's `wake(key)`; the same key replaces the earlier time. */
  wakeAt(key: string, at: Date): void;
  cancelWake(key: string): void;
}
