import type { KeyboardEvent } from 'react';
import { usePanel, usePanelActions } from '../hooks/use-panel';
import { COMPOSER_ID, focusComposer } from '../composer-focus';
import { SendIcon } from './Icons';

/** The Message box with Send and, while Clera answers, Stop. Enter sends; Shift+Enter starts a new line. */
export function Composer() {
  const actions = usePanelActions();
  const draft = usePanel((state) => state.draft);
  const running = usePanel((state) => state.running);
  const pending = usePanel((state) => state.pending);
  const busy = running || pending;

  const send = async () => {
    focusComposer();
    await actions.send();
    focusComposer();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (!busy) void send();
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor={COMPOSER_ID} className="visually-hidden">
        Message
      </label>
      <textarea
        id={COMPOSER_ID}
        className="composer-input"
        value={draft}
        rows={1}
        maxLength={20_000}
        placeholder="Ask Clera…"
        aria-describedby="composer-hint"
        onChange={(event) => { actions.setDraft(event.target.value); }}
        onKeyDown={onKeyDown}
      />
      <div className="composer-bar">
        <span id="composer-hint" className="composer-hint">
          Enter to send · Shift+Enter for a new line
        </span>
        {running && (
          <button type="button" className="button button-secondary button-compact" onClick={() => void actions.stop().then(focusComposer)}>
            Stop
          </button>
        )}
        <button type="submit" className="button button-primary button-compact" disabled={busy || draft.trim() === ''}>
          <span>Send</span>
          <SendIcon />
        </button>
      </div>
    </form>
  );
}
