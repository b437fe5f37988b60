import type { AuditEntryView } from '@/src/protocol/audit';
import { EntryItem } from './EntryItem';

export const EMPTY_TEXT = 'No trade decisions recorded yet. Orders you are asked to confirm, and what happens to them, appear here.';

export function EntryList({ entries, firstBadSeq }: { entries: AuditEntryView[] | null; firstBadSeq: number | null }) {
  if (entries === null) return <p className="muted">Loading entries…</p>;
  if (entries.length === 0) return <p className="audit-empty muted">{EMPTY_TEXT}</p>;
  return (
    <ol className="audit-entries" reversed>
      {entries.map((entry) => (
        <EntryItem key={entry.seq} entry={entry} failing={entry.seq === firstBadSeq} />
      ))}
    </ol>
  );
}
