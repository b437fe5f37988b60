import { useCallback, useLayoutEffect, useRef } from 'react';
import { usePanel, usePanelActions } from '../hooks/use-panel';
import { focusComposer } from '../composer-focus';
import { ConversationList } from './ConversationList';
import { ModeBadge } from './ModeBadge';
import { IncognitoSwitch } from './IncognitoSwitch';
import { ConversationMenu } from './ConversationMenu';
import { showShortcuts } from './ShortcutsDialog';
import { extensionPageUrl } from '../../shared/runtime';
import { HistoryIcon, PlusIcon, SettingsIcon } from './Icons';

export function PanelHeader() {
  const actions = usePanelActions();
  const open = usePanel((state) => state.conversationsOpen);
  const toggle = useRef<HTMLButtonElement>(null);
  const header = useRef<HTMLElement>(null);

  // The conversations sheet opens just under the header, whose height changes when its actions wrap in a narrow panel.
  useLayoutEffect(() => {
    const element = header.current;
    const panel = element?.parentElement;
    if (!element || !panel) return;
    const place = () => {
      panel.style.setProperty('--panel-header-bottom', `${String(element.offsetTop + element.offsetHeight)}px`);
    };
    place();
    if (!('ResizeObserver' in globalThis)) return;
    const observer = new ResizeObserver(place);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);

  const close = useCallback(() => {
    actions.closeConversations();
    toggle.current?.focus();
  }, [actions]);

  const newChat = async () => {
    await actions.newChat();
    focusComposer();
  };

  return (
    <header ref={header} className="panel-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">C</span>
        <h1 className="brand-name">Clera</h1>
      </div>
      <ModeBadge />
      <div className="header-actions">
        <IncognitoSwitch />
        <button type="button" className="button button-ghost button-compact" onClick={() => void newChat()}>
          <PlusIcon />
          <span>New chat</span>
        </button>
        <button
          ref={toggle}
          type="button"
          className="icon-button"
          aria-label="Conversations"
          title="Conversations"
          aria-expanded={open}
          aria-controls={open ? 'conversation-list' : undefined}
          onClick={() => {
            if (open) actions.closeConversations();
            else void actions.openConversations();
          }}
        >
          <HistoryIcon />
        </button>
        <ConversationMenu />
        <a className="icon-button" href={extensionPageUrl('metrics.html')} target="_blank" rel="noopener noreferrer" aria-label="Metrics" title="Metrics">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" d="M4 20h16M7 16v-5m5 5V6m5 10v-8" /></svg>
        </a>
        <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (Alt+/)" onClick={showShortcuts}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><rect x="3" y="6" width="18" height="12" rx="2" fill="none" stroke="currentColor" strokeWidth="2" /><path stroke="currentColor" strokeWidth="2" strokeLinecap="round" d="M7 10h.01M11 10h.01M15 10h.01M7 14h10" /></svg>
        </button>
        <button type="button" className="icon-button" aria-label="Settings" title="Settings" onClick={() => { actions.openSettings(); }}>
          <SettingsIcon />
        </button>
      </div>
      {open && (
        <ConversationList onClose={close} />
      )}
    </header>
  );
}
