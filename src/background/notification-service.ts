import type { Clock } from '../platform/clock';
import type { Proposal } from '../protocol/proposal';
import type { CancelProposal } from '../protocol/cancel-proposal';
import type { NotificationSettings } from '../protocol/settings';
import type { AlertPort } from '../monitoring/alert-monitor';
import {
  alertNotice,
  allowed,
  badgeView,
  expiringNotice,
  expiringNoticeId,
  expiringReminderAt,
  orderNotice,
  type Notice,
  type NotificationPort,
} from '../protocol/notifications';

export interface NotificationServiceDeps {
  port?: NotificationPort | undefined;
  settings: () => Promise<NotificationSettings>;
  proposals: { get(id: string): Promise<Proposal | undefined>; withStatus(statuses: readonly ['pending']): Promise<Proposal[]> };
  cancels: { withStatus(statuses: readonly ['pending']): Promise<CancelProposal[]> };
  clock: Clock;
  log: (message: string, details?: Record<string, unknown>) => void;
}

const remindKey = (proposalId: string) => `remind:${proposalId}`;
const expireKey = (proposalId: string) => `expire:${proposalId}`;

/**
 * Chrome notifications for order fills, rejections, proposals about to expire and quality alerts (each kind only while
 * its setting is on), and the one toolbar badge: pending confirmations first, open quality alerts otherwise.
 */
export function createNotificationService(deps: NotificationServiceDeps) {
  const seen = new Set<string>();
  const counts = { pendingConfirmations: 0, openAlerts: 0 };
  const render = () => { deps.port?.setBadge(badgeView(counts)); };

  async function show(notice: Notice): Promise<boolean> {
    if (!deps.port || !allowed(notice.kind, await deps.settings())) return false;
    deps.port.show(notice);
    return true;
  }

  async function refreshBadge(): Promise<void> {
    const [proposals, cancels] = await Promise.all([deps.proposals.withStatus(['pending']), deps.cancels.withStatus(['pending'])]);
    const now = deps.clock.now().getTime();
    // A card past its time waits for nobody, even before the expiry has been written.
    counts.pendingConfirmations = [...proposals, ...cancels].filter((item) => Date.parse(item.expiresAt) > now).length;
    render();
  }

  const quietly = (work: Promise<unknown>) => work.catch((error: unknown) => { deps.log('Could not update a notification or the badge.', { error: String(error) }); });

  return {
    /** An order proposal was saved: notify a fill or a rejection once, keep the reminder and the badge current. */
    async proposalChanged(proposal: Proposal): Promise<void> {
      const notice = orderNotice(proposal, seen);
      if (notice) await quietly(show(notice));
      if (proposal.status === 'pending') {
        deps.port?.wakeAt(remindKey(proposal.id), expiringReminderAt(proposal));
        deps.port?.wakeAt(expireKey(proposal.id), new Date(proposal.expiresAt));
      } else {
        deps.port?.clear(expiringNoticeId(proposal));
        deps.port?.cancelWake(remindKey(proposal.id));
        deps.port?.cancelWake(expireKey(proposal.id));
      }
      await quietly(refreshBadge());
    },

    /** A cancel proposal changed: only the badge counts it. */
    async cancelChanged(): Promise<void> {
      await quietly(refreshBadge());
    },

    /**
     * A wake-up scheduled by `proposalChanged` (after the caller expired what is due): the reminder shows if the
     * proposal still waits for the user; the badge is recounted either way. Returns whether a reminder showed.
     */
    async wake(key: string): Promise<boolean> {
      let shown = false;
      if (key.startsWith('remind:')) {
        const proposal = await deps.proposals.get(key.slice('remind:'.length));
        const notice = proposal ? expiringNotice(proposal, deps.clock.now()) : null;
        if (notice) shown = await show(notice);
      }
      await quietly(refreshBadge());
      return shown;
    },

    refreshBadge: () => quietly(refreshBadge()),

    /** The alert monitor's port: its notification as one of ours (under the alerts setting), its count into the badge. */
    alertPort: {
      notify(alert) { void quietly(show(alertNotice(alert))); },
      setBadge(text) {
        counts.openAlerts = Number.parseInt(text, 10) || 0;
        render();
      },
    } satisfies AlertPort,
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
