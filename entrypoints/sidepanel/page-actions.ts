import type { PortClient } from '@/src/protocol/port-client';
import type { PageChip } from '@/src/protocol/page';
import { errorMessage } from '../shared/error-message';
import type { PagePermission } from '../shared/page-permission';
import { applySession, type PanelStore } from './store';

/** The question "Analyze SYMBOL" sends: our own words about a checked symbol, no page text. */
export function analyzeQuestion(chip: Pick<PageChip, 'symbol' | 'name'>): string {
  const label = chip.name ? `${chip.symbol} (${chip.name})` : chip.symbol;
  return `Analyze ${label}: price, recent performance against the S&P 500, and the latest news.`;
}

/**
 * The panel's page chip: what the active tab is about, and the two questions it offers. Nothing is sent until the
 * user clicks one of them; the page's article is read only on that click.
 */
export function createPageActions(deps: { client: PortClient | null; store: PanelStore; permission: PagePermission }) {
  const { client, store } = deps;

  async function afterSend(conversationId: string): Promise<void> {
    if (!client || store.getState().conversation?.id === conversationId) return;
    const session = await client.request({ type: 'conversation-open', conversationId });
    store.setState((state) => applySession(state, session), true);
  }

  async function attempt(work: (client: PortClient) => Promise<{ conversationId: string }>): Promise<boolean> {
    const state = store.getState();
    if (!client || state.running || state.pending) return false;
    store.setState({ pending: true, lastError: null });
    try {
      const sent = await work(client);
      await afterSend(sent.conversationId);
      return true;
    } catch (error) {
      store.setState({ pending: false, lastError: errorMessage(error) });
      return false;
    }
  }

  return {
    /** Asks the background for the active tab's chip (when the panel opens or regains focus). */
    async load(): Promise<void> {
      if (!client) return;
      try {
        const { page } = await client.request({ type: 'page-context-get' });
        store.setState({ page });
      } catch {
        // The chip is an extra: without it the panel works as before.
      }
    },
    analyze(chip: PageChip): Promise<boolean> {
      return attempt((c) => c.request({ type: 'chat-send', conversationId: store.getState().conversation?.id, text: analyzeQuestion(chip) }));
    },
    askAboutPortfolio(chip: PageChip): Promise<boolean> {
      return attempt((c) => c.request({ type: 'page-portfolio', conversationId: store.getState().conversation?.id, tabId: chip.tabId }));
    },
    permissionGranted: () => deps.permission.granted(),
    /** The one-click opt-in; on success the chip is looked for again. */
    async allowDetection(): Promise<boolean> {
      const granted = await deps.permission.request();
      if (granted) await this.load();
      return granted;
    },
  };
}
export type PageActions = ReturnType<typeof createPageActions>;
