import { useEffect, useRef, useState } from 'react';
import type { Conversation } from '@/src/protocol/conversation';
import { formatWhen } from '../format-time';
import { TrashIcon } from './Icons';

interface Props {
  conversation: Conversation;
  current: boolean;
  onOpen: () => void;
  /** Resolves to whether the conversation went; a refused delete leaves the row as it was. */
  onDelete: () => Promise<boolean>;
}

/** One past conversation: open it, or delete it after an inline confirmation. */
export function ConversationRow({ conversation, current, onOpen, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const title = conversation.title.trim() || 'Untitled';

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => deleteButton.current?.focus());
  };

  if (confirming) {
    return (
      <li
        className="conversation-row conversation-row-confirm"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            // Escape cancels the confirmation only; the list stays open.
            event.stopPropagation();
            event.nativeEvent.stopImmediatePropagation();
            cancel();
          }
        }}
      >
        <p className="confirm-text">
          Delete “{title}”? This cannot be undone.
        </p>
        <div className="confirm-actions">
          <button
            ref={confirmButton}
            type="button"
            className="button button-danger button-compact"
            onClick={() => { void onDelete().then((deleted) => { if (!deleted) cancel(); }); }}
          >
            Delete
          </button>
          <button type="button" className="button button-ghost button-compact" onClick={cancel}>
            Cancel
          </button>
        </div>
      </li>
    );
  }

  return (
    <li className={current ? 'conversation-row conversation-row-current' : 'conversation-row'}>
      <button type="button" className="conversation-open" aria-current={current ? 'true' : undefined} onClick={onOpen}>
        <span className="conversation-title">{title}</span>
        <span className="conversation-when">{formatWhen(conversation.updatedAt)}</span>
      </button>
      <button
        ref={deleteButton}
        type="button"
        className="icon-button icon-button-danger"
        aria-label={`Delete conversation: ${title}`}
        title="Delete"
        onClick={() => { setConfirming(true); }}
      >
        <TrashIcon />
      </button>
    </li>
  );
}
