import { useEffect, useRef, useState } from 'react';
import { usePanelActions } from '../hooks/use-panel';
import { focusComposer } from '../composer-focus';
import { PANEL_SHORTCUTS, panelCommand } from '../panel-shortcuts';

/**
 * The panel's keyboard shortcuts (Alt+M, Alt+N, Alt+/) and their help: a modal dialog (the page behind it is inert,
 * so focus stays inside; Escape closes it and focus returns where it was). Opened by Alt+/ or the header's
 * "Keyboard shortcuts" button.
 */
export function ShortcutsDialog() {
  const actions = usePanelActions();
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const show = () => {
      if (dialog.current?.open) return;
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.current?.showModal();
      setOpen(true);
    };
    const onKey = (event: KeyboardEvent) => {
      const command = panelCommand(event);
      if (!command || dialog.current?.open) return;
      event.preventDefault();
      if (command === 'focus-message') focusComposer();
      else if (command === 'new-chat') void actions.newChat().then(focusComposer);
      else show();
    };
    const onAsk = () => { show(); };
    document.addEventListener('keydown', onKey);
    document.addEventListener('clera-show-shortcuts', onAsk);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('clera-show-shortcuts', onAsk);
    };
  }, [actions]);

  const close = () => { dialog.current?.close(); };

  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => {
        setOpen(false);
        returnTo.current?.focus();
      }}
    >
      <div className="sheet-header">
        <h2 id="shortcuts-title" className="sheet-title">Keyboard shortcuts</h2>
        <button type="button" className="button button-ghost button-compact" onClick={close} autoFocus={open}>
          Close
        </button>
      </div>
      <table className="shortcuts-table">
        <caption className="visually-hidden">Keys and what they do</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {PANEL_SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys}>
              <td><kbd>{shortcut.keys}</kbd></td>
              <td>{shortcut.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Open Clera from anywhere with Alt+Shift+C (change it at chrome://extensions/shortcuts). An order is never decided by one key.</p>
    </dialog>
  );
}

/** Asks the dialog to open (from the header's button). */
export const showShortcuts = () => { document.dispatchEvent(new Event('clera-show-shortcuts')); };
