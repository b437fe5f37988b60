import type { PortClient } from '@/src/protocol/port-client';
import type { ThemeChoice } from '../shared/theme';
import { useAuditLog } from './hooks/use-audit-log';
import { EntryList } from './components/EntryList';
import { HeadSection } from './components/HeadSection';

export interface AuditAppProps {
  /** The background's port, or null outside the extension. */
  client: PortClient | null;
  applyTheme: (theme: ThemeChoice) => void;
  /** Writes text to the clipboard (navigator.clipboard in the page). */
  writeClipboard?: (text: string) => Promise<void>;
}

export function App({ client, applyTheme, writeClipboard = (text) => navigator.clipboard.writeText(text) }: AuditAppProps) {
  const { state, verify, exportLog, pin, copyHead } = useAuditLog(client, applyTheme);
  const { entries, verification, busy } = state;
  const statusTone = verification?.status ?? 'none';

  return (
    <div className="audit-page">
      <header className="audit-header">
        <span className="brand-mark" aria-hidden="true">C</span>
        <div>
          <h1>Clera audit log</h1>
          <p className="muted">
            Every order decision, encrypted in this browser and chained by hashes, so a changed or removed entry shows up when you verify.
          </p>
        </div>
      </header>

      <div className="audit-toolbar card">
        <div className="audit-actions">
          <button type="button" className="button button-primary" disabled={client === null || busy !== null} onClick={() => void verify()}>
            Verify audit log
          </button>
          <button type="button" className="button button-secondary" disabled={client === null || busy !== null} onClick={() => void exportLog()}>
            Export audit log
          </button>
        </div>
        <p role="status" aria-label="Audit log status" className={`audit-status audit-status-${statusTone}`}>
          {state.status}
        </p>
        <p role="status" className="audit-export-note muted">
          {state.exportNote}
        </p>
        {state.failure && (
          <p role="alert" className="alert">
            {state.failure}
          </p>
        )}
      </div>

      <HeadSection
        head={state.head}
        pinned={state.pinned}
        pinStatus={state.pinStatus}
        disabled={client === null || busy !== null}
        onCopy={() => void copyHead(writeClipboard)}
        onPin={pin}
      />

      <section aria-label="Audit log" aria-busy={busy === 'loading' || undefined} className="audit-list card">
        <h2>Entries{entries && entries.length > 0 ? ` (${String(entries.length)})` : ''}</h2>
        <p className="muted audit-list-hint">Newest first.</p>
        <EntryList entries={entries} firstBadSeq={verification?.firstBadSeq ?? null} />
      </section>
    </div>
  );
}
