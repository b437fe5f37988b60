import { usePanel, usePanelActions } from '../hooks/use-panel';

/** "Incognito chat": a conversation that neither reads nor writes memory and is not kept once left. */
export function IncognitoSwitch() {
  const actions = usePanelActions();
  const on = usePanel((state) => state.conversation?.incognito === true);
  return (
    <label className="incognito-switch" title="This conversation neither reads nor writes memory and is not kept after you leave it.">
      <input type="checkbox" role="switch" checked={on} aria-checked={on} onChange={(event) => void actions.setIncognito(event.target.checked)} />
      <span>Incognito chat</span>
    </label>
  );
}
