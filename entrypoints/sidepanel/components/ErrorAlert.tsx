import { usePanel, usePanelActions } from '../hooks/use-panel';
import { CloseIcon } from './Icons';

/** The last failed request, near the composer. */
export function ErrorAlert() {
  const error = usePanel((state) => state.lastError);
  const actions = usePanelActions();
  if (!error) return null;
  return (
    <div role="alert" className="alert">
      <p>{error}</p>
      <button type="button" className="icon-button" aria-label="Dismiss error" title="Dismiss" onClick={() => { actions.dismissError(); }}>
        <CloseIcon />
      </button>
    </div>
  );
}
