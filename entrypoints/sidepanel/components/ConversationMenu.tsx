import { useEffect, useId, useRef, useState } from 'react';
import { usePanel, usePanelActions } from '../hooks/use-panel';

/** The current conversation's menu: export it as Markdown or JSON. A disclosure: Escape or a choice closes it. */
export function ConversationMenu() {
  const actions = usePanelActions();
  const hasConversation = usePanel((state) => state.conversation !== null && state.order.length > 0);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const exportAs = async (format: 'markdown' | 'json') => {
    const done = await actions.exportConversation(format);
    setStatus(done ? `Exported as ${format === 'markdown' ? 'Markdown' : 'JSON'}.` : 'Could not export this conversation.');
    close();
  };

  return (
    <div className="conversation-menu">
      <button
        ref={toggle}
        type="button"
        className="icon-button"
        aria-label="Conversation menu"
        title="Conversation menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={!hasConversation}
        onClick={() => { setOpen(!open); setStatus(''); }}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><circle cx="12" cy="5" r="1.8" fill="currentColor" /><circle cx="12" cy="12" r="1.8" fill="currentColor" /><circle cx="12" cy="19" r="1.8" fill="currentColor" /></svg>
      </button>
      <div
        id={menuId}
        className="conversation-menu-items"
        hidden={!open}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            close();
          }
        }}
      >
        <button ref={first} type="button" className="button button-ghost button-compact" onClick={() => void exportAs('markdown')}>
          Export as Markdown
        </button>
        <button type="button" className="button button-ghost button-compact" onClick={() => void exportAs('json')}>
          Export as JSON
        </button>
      </div>
      <span role="status" className="visually-hidden">{status}</span>
    </div>
  );
}
