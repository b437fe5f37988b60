import type { AuditEntryView, AuditEventType } from '@/src/protocol/audit';

const TYPE_LABELS: Record<AuditEventType, string> = {
  proposed: 'Proposed',
  rules: 'Rules checked',
  edited: 'Edited',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
  kept: 'Kept',
  expired: 'Expired',
  submitted: 'Submitted',
  'broker-response': 'Broker response',
  filled: 'Filled',
  cancelled: 'Cancelled',
  failed: 'Failed',
  'outcome-unknown': 'Outcome unknown',
};

export type EntryTone = 'accent' | 'success' | 'muted' | 'danger';

/** An entry the background could not decrypt comes with `data.unreadable` (see src/audit/audit-log.ts). */
export function isUnreadable(entry: AuditEntryView): boolean {
  return entry.data.unreadable === true;
}

export function typeLabel(entry: AuditEntryView): string {
  return isUnreadable(entry) ? 'Unreadable' : TYPE_LABELS[entry.type];
}

export function entryTone(entry: AuditEntryView): EntryTone {
  if (isUnreadable(entry)) return 'danger';
  switch (entry.type) {
    case 'confirmed':
    case 'filled':
      return 'success';
    case 'rejected':
    case 'expired':
    case 'cancelled':
      return 'muted';
    case 'failed':
      return 'danger';
    default:
      return 'accent';
  }
}

/** "Jun 12, 2025, 2:30:05 PM" in the reader's locale, or a dash when the time is unknown. */
export function formatEntryTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/** The first 12 hex digits: enough to compare by eye with an export. */
export function shortHash(hash: string): string {
  return hash ? hash.slice(0, 12) : '—';
}
