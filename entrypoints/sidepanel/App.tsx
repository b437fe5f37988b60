import { useEffect, useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import { createPanelActions, type PanelActionsDeps } from './panel-actions';
import { createPanelStore } from './store';
import { createPageActions } from './page-actions';
import type { PagePermission } from '../shared/page-permission';
import { PageChip } from './components/PageChip';
import { DemoBanner } from './components/DemoBanner';
import type { StartOptions } from './start-options';
import { PanelContext, usePanel, type PanelContextValue } from './hooks/use-panel';
import { useSilentRunCheck } from './hooks/use-silent-run-check';
import { useRefreshOnFocus } from './hooks/use-refresh-on-focus';
import { PanelHeader } from './components/PanelHeader';
import { EmptyState } from './components/EmptyState';
import { ConversationLog } from './components/ConversationLog';
import { ActivityLine } from './components/ActivityLine';
import { ErrorAlert } from './components/ErrorAlert';
import { HealthBanner } from './components/HealthBanner';
import { Composer } from './components/Composer';
import { ShortcutsDialog } from './components/ShortcutsDialog';

export interface AppProps {
  /** The background's port, or null outside the extension (the panel then shows it is not connected). */
  client: PortClient | null;
  /** Start on a conversation and/or with a question typed in (from `?conversation=` and `?q=`). */
  start: StartOptions;
  platform: Omit<PanelActionsDeps, 'client' | 'store'> & { pagePermission: PagePermission };
}

export function App({ client, start, platform }: AppProps) {
  const [panel] = useState<PanelContextValue>(() => {
    const store = createPanelStore();
    const { pagePermission, ...rest } = platform;
    return { store, actions: createPanelActions({ client, store, ...rest }), page: createPageActions({ client, store, permission: pagePermission }) };
  });

  useEffect(() => panel.actions.start(start), [panel, start]);
  useEffect(() => {
    const page = panel.page;
    if (!page) return;
    void page.load();
    const onFocus = () => { if (document.visibilityState === 'visible') void page.load(); };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [panel]);
  useSilentRunCheck(panel.actions);
  useRefreshOnFocus(panel.actions);

  return (
    <PanelContext.Provider value={panel}>
      <Panel />
    </PanelContext.Provider>
  );
}

function Panel() {
  const live = usePanel((state) => state.mode === 'live');
  return (
    <div className={live ? 'panel panel-live' : 'panel'}>
      <PanelHeader />
      <DemoBanner />
      <HealthBanner />
      <main className="panel-main">
        <EmptyState />
        <ConversationLog />
      </main>
      <footer className="panel-footer">
        <PageChip />
        <ActivityLine />
        <ErrorAlert />
        <Composer />
      </footer>
      <ShortcutsDialog />
    </div>
  );
}
