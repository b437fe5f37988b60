import { useEffect, useRef, useState } from 'react';
import { usePanel, usePanelActions } from '../hooks/use-panel';
import { focusComposer } from '../composer-focus';
import { ConversationRow } from './ConversationRow';
import { CloseIcon } from './Icons';
import type { SearchHit } from '@/src/protocol/conversation-export';
import { formatWhen } from '../format-time';

/** Past conversations, newest first, over the chat. Escape or Close returns to the chat. */
export function ConversationList({ onClose }: { onClose: () => void }) {
  const actions = usePanelActions();
  const conversations = usePanel((state) => state.conversations);
  const currentId = usePanel((state) => state.conversation?.id);
  const container = useRef<HTMLDivElement>(null);
  // Why the last delete was refused (an order in that conversation still waits for a decision, say).
  const [refusal, setRefusal] = useState<string | null>(null);
  // Search: the words typed, and the conversations that contain them (null while no search has answered).
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);

  useEffect(() => {
    const words = query.trim();
    if (!words) {
      setHits(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void actions.searchConversations(words).then((found) => { if (current) setHits(found ?? []); });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [actions, query]);

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
      <div className="conversation-search" role="search">
        <input
          type="search"
          className="input"
          aria-label="Search conversations"
          placeholder="Search conversations"
          value={query}
          onChange={(event) => { setQuery(event.target.value); }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query) {
              // Escape clears the search first; a second Escape closes the list.
              event.stopPropagation();
              event.nativeEvent.stopImmediatePropagation();
              setQuery('');
            }
          }}
        />
      </div>
      {query.trim() ? (
        hits === null ? (
          <p className="muted sheet-empty" role="status">Searching…</p>
        ) : hits.length === 0 ? (
          <p className="muted sheet-empty" role="status">No conversation contains “{query.trim()}”.</p>
        ) : (
          <>
            <p className="visually-hidden" role="status">{`${String(hits.length)} conversation${hits.length === 1 ? '' : 's'} found`}</p>
            <ul className="conversation-items" aria-label="Search results">
              {hits.map((hit) => (
                <li key={hit.conversationId} className={hit.conversationId === currentId ? 'conversation-row conversation-row-current' : 'conversation-row'}>
                  <button type="button" className="conversation-open" onClick={() => void open(hit.conversationId)}>
                    <span className="conversation-title">{hit.title.trim() || 'Untitled'}</span>
                    <span className="search-hit-snippet">{hit.snippet}</span>
                    <span className="conversation-when">{formatWhen(hit.updatedAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )
      ) : conversations === null ? (
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
