/** The side panel's keyboard shortcuts: one table, read by the key handler and shown in the help dialog. */
export const PANEL_SHORTCUTS = [
  { keys: 'Alt+M', action: 'Focus the message box' },
  { keys: 'Alt+N', action: 'Start a new chat' },
  { keys: 'Alt+Enter', action: 'On a focused order card: confirm it, after a second step (Yes, place this order)' },
  { keys: 'Alt+Backspace', action: 'On a focused order card: reject it, after a second step (Yes, reject this order)' },
  { keys: 'Alt+/', action: 'Show these keyboard shortcuts' },
  { keys: 'Escape', action: 'Close a dialog, the conversation list or a second step' },
] as const;

export type PanelCommand = 'focus-message' | 'new-chat' | 'shortcuts';

interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

const altOnly = (event: KeyLike) => event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;

/** The panel command a key press means, if any; plain keys never mean one, so typing is never taken over. */
export function panelCommand(event: KeyLike): PanelCommand | null {
  if (!altOnly(event)) return null;
  switch (event.key.toLowerCase()) {
    case 'm':
    case 'µ': // Alt+M on macOS types µ
      return 'focus-message';
    case 'n':
    case '˜':
      return 'new-chat';
    case '/':
    case '÷':
      return 'shortcuts';
    default:
      return null;
  }
}

/** On a focused order card: Alt+Enter asks to confirm, Alt+Backspace asks to reject; any other key asks nothing. */
export function orderKeyDecision(event: KeyLike): 'confirm' | 'reject' | null {
  if (!altOnly(event)) return null;
  if (event.key === 'Enter') return 'confirm';
  if (event.key === 'Backspace') return 'reject';
  return null;
}
