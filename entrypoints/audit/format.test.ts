import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '@/src/protocol/audit';
import { entryTone, formatEntryTime, shortHash, typeLabel } from './format';

const entry = (patch: Partial<AuditEntryView>): AuditEntryView => ({
  seq: 1,
  at: '2025-06-12T14:30:05.000Z',
  type: 'proposed',
  proposalId: 'prop_1',
  summary: 'Proposed: buy $500.00 of AAPL (market, day)',
  data: {},
  hash: 'a'.repeat(64),
  ...patch,
});

describe('audit page formatting', () => {
  it.each([
    [entry({ type: 'broker-response' }), 'Broker response', 'accent'],
    [entry({ type: 'filled' }), 'Filled', 'success'],
    [entry({ type: 'rejected' }), 'Rejected', 'muted'],
    [entry({ type: 'failed' }), 'Failed', 'danger'],
    [entry({ type: 'failed', data: { unreadable: true } }), 'Unreadable', 'danger'],
  ])('labels and colours %#', (value, label, tone) => {
    expect(typeLabel(value)).toBe(label);
    expect(entryTone(value)).toBe(tone);
  });

  it('shows the time in the reader’s locale, and a dash when it is unknown', () => {
    const localAfternoon = new Date(2025, 5, 12, 14, 30, 5).toISOString();
    expect(formatEntryTime(localAfternoon, 'en-US')).toMatch(/^Jun 12, 2025, 2:30:05\s?PM$/);
    expect(formatEntryTime('')).toBe('—');
    expect(formatEntryTime('not a date')).toBe('—');
  });

  it('shortens hashes to 12 digits', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
    expect(shortHash('')).toBe('—');
  });
});
