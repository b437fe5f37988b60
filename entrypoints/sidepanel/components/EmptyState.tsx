import { usePanel, usePanelActions } from '../hooks/use-panel';
import { focusComposer } from '../composer-focus';
import { starterQuestions } from '../../shared/starter-questions';


/** What the panel shows before the first message: the way to Settings when no key is saved, or a few ideas. */
export function EmptyState() {
  const actions = usePanelActions();
  const connection = usePanel((state) => state.connection);
  const configured = usePanel((state) => state.configured);
  const empty = usePanel((state) => state.order.length === 0);

  if (connection === 'unavailable') {
    return (
      <section className="card empty-state" aria-labelledby="empty-title">
        <h2 id="empty-title">Clera is not connected</h2>
        <p className="muted">This page could not reach the Clera extension. Open it from the Clera toolbar button, or reload the extension and try again.</p>
      </section>
    );
  }

  if (configured === false) {
    return (
      <section className="card empty-state" aria-labelledby="empty-title">
        <h2 id="empty-title">Add your Anthropic API key</h2>
        <p className="muted">
          Clera runs on your own Anthropic API key, stored only in this browser. Add it in Settings to start chatting. Alpaca paper trading keys let
          Clera look at your portfolio.
        </p>
        <button type="button" className="button button-primary" onClick={() => { actions.openSettings(); }}>
          Open settings
        </button>
      </section>
    );
  }

  if (configured === null || !empty) return null;

  return (
    <section className="empty-state empty-state-welcome" aria-labelledby="empty-title">
      <h2 id="empty-title">What can I help you with?</h2>
      <p className="muted">Ask about your portfolio, a company, or how markets work. Clera is not a licensed adviser.</p>
      <ul className="suggestions">
        {starterQuestions.map((text) => (
          <li key={text}>
            <button
              type="button"
              className="suggestion"
              onClick={() => {
                actions.setDraft(text);
                focusComposer();
              }}
            >
              {text}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
