import { useEffect, useRef, useState } from 'react';
import { usePanel, usePanelActions } from '../hooks/use-panel';
import { focusComposer } from '../composer-focus';
import { ConversationRow } from './ConversationRow';
import { CloseIcon } from './Icons';

/** Past conversations, newest first, over the chat. Escape or Close returns to the chat. */
export function ConversationList({ onClose }: { onClose: () => void }) {
  const actions = usePanelActions();
  const conversations = usePanel((state) => state.conversations);
  const currentId = usePanel((state) => state.conversation?.id);
  const container = useRef<HTMLDivElement>(null);
  // Why the last delete was refused (an order in that conversation still waits for a decision, say).
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    container.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => { document.removeEventListener('keydown', onKey); };
  }, [onClose]);

  const open = async (id: string) => {
    await actions.openConversation(id);
    focusComposer();
  };

  const remove = async (id: string): Promise<boolean> => {
    const refused = await actions.deleteConversation(id);
    setRefusal(refused);
    if (refused === null) container.current?.focus();
    return refused === null;
  };

  return (
    <div id="conversation-list" ref={container} className="conversation-sheet" role="dialog" aria-label="Past conversations" tabIndex={-1}>
      <div className="sheet-header">
        <h2 className="sheet-title">Conversations</h2>
        <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      {refusal && (
        <div role="alert" className="alert sheet-alert">
          <p>{refusal}</p>
          <button type="button" className="icon-button" aria-label="Dismiss error" title="Dismiss" onClick={() => { setRefusal(null); }}>
            <CloseIcon />
          </button>
        </div>
      )}
      {conversations === null ? (
        <p className="muted sheet-empty">Loading…</p>
      ) : conversations.length === 0 ? (
        <p className="muted sheet-empty">No conversations yet.</p>
      ) : (
        <ul className="conversation-items">
          {conversations.map((conversation) => (
            <ConversationRow
              key={conversation.id}
              conversation={conversation}
              current={conversation.id === currentId}
              onOpen={() => void open(conversation.id)}
              onDelete={() => remove(conversation.id)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
