import { useId, useState } from 'react';
import { formatHeadText, type AuditHeadView } from '@/src/protocol/audit';

interface Props {
  head: AuditHeadView | null;
  pinned: AuditHeadView | null;
  pinStatus: string;
  disabled: boolean;
  onCopy: () => void;
  onPin: (text: string | null) => Promise<boolean>;
}

/**
 * The log's current head (its entry count and last hash) to copy and keep somewhere else, and a pinned head that each
 * Verify looks for: a log put back to an older copy, or rewritten, no longer holds a head pinned after it.
 */
export function HeadSection({ head, pinned, pinStatus, disabled, onCopy, onPin }: Props) {
  const [text, setText] = useState('');
  const inputId = useId();
  const pin = async (value: string | null) => {
    if (await onPin(value)) setText('');
  };
  return (
    <section aria-label="Chain head" className="audit-head card">
      <h2>Head</h2>
      <p className="muted">
        Copy the head and keep it outside this browser (a note, a message to yourself). Pin one to have each Verify check that the log still holds it.
      </p>
      {head ? (
        <input className="input audit-head-value" aria-label="Current head" readOnly value={formatHeadText(head)} onFocus={(event) => { event.currentTarget.select(); }} />
      ) : (
        <p className="muted">No signed head yet.</p>
      )}
      <div className="audit-actions">
        <button type="button" className="button button-secondary" disabled={disabled || head === null} onClick={onCopy}>
          Copy head hash
        </button>
        <button type="button" className="button button-secondary" disabled={disabled || head === null} onClick={() => void pin(head ? formatHeadText(head) : null)}>
          Pin current head
        </button>
      </div>
      <form
        className="audit-pin-form"
        onSubmit={(event) => {
          event.preventDefault();
          void pin(text);
        }}
      >
        <label htmlFor={inputId}>Pinned head</label>
        <input id={inputId} className="input" value={text} placeholder="#12 followed by the hash" spellCheck={false} autoComplete="off" onChange={(event) => { setText(event.target.value); }} />
        <button type="submit" className="button button-secondary" disabled={disabled || text.trim() === ''}>
          Pin head
        </button>
        {pinned && (
          <button type="button" className="button button-ghost" disabled={disabled} onClick={() => void pin(null)}>
            Unpin
          </button>
        )}
      </form>
      <p role="status" aria-label="Pinned head status" className="audit-pin-status">
        {pinStatus}
      </p>
    </section>
  );
}
