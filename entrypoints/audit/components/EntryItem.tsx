import type { AuditEntryView } from '@/src/protocol/audit';
import { entryTone, formatEntryTime, shortHash, typeLabel } from '../format';

export function EntryItem({ entry, failing }: { entry: AuditEntryView; failing: boolean }) {
  return (
    <li className={`audit-entry${failing ? ' audit-entry-failing' : ''}`}>
      <div className="audit-entry-top">
        <span className="audit-seq">#{entry.seq}</span>
        <span className={`audit-type audit-type-${entryTone(entry)}`}>{typeLabel(entry)}</span>
        {entry.at ? <time dateTime={entry.at}>{formatEntryTime(entry.at)}</time> : <span className="muted">Time unknown</span>}
        {failing && <strong className="audit-failing-label">Fails verification</strong>}
      </div>
      <p className="audit-summary">{entry.summary}</p>
      <dl className="audit-meta">
        <div>
          <dt>Proposal</dt>
          <dd>
            <code>{entry.proposalId || '—'}</code>
          </dd>
        </div>
        <div>
          <dt>Hash</dt>
          <dd>
            <code title={entry.hash}>{shortHash(entry.hash)}</code>
          </dd>
        </div>
      </dl>
    </li>
  );
}
