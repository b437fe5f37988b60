import { z } from 'zod';
import { unwrap } from '../clients/alpaca/alpaca';
import type { Clock } from '../platform/clock';
import type { PushEvent, ResponseData } from '../protocol/messages';
import { AppError, userInputError } from '../protocol/errors';
import type { SettingsRepository } from '../store/settings-repository';
import { createAssetCache, type ListedAsset } from '../page/asset-cache';
import { createPageContextService, type PageAccess, type TabInfo } from '../page/page-context-service';
import { articleQuestion, type Holding } from '../page/article-question';
import { maxArticleChars } from '../page/article-limit';
import { createBrokerFromSettings, type Fetchers } from './turn-runtime';
import type { ConsentPolicy } from '../protocol/privacy';

/** The browser access the page features need; absent in Node tests and when the platform has no tabs. */
export type BrowserPages = PageAccess & { readArticle(tabId: number): Promise<unknown> };

const listedAssetsSchema = z.array(z.object({ symbol: z.string(), name: z.string().nullish(), status: z.string().nullish() }));
const positionsSchema = z.array(z.object({ symbol: z.string() }));
const articleSchema = z.object({
  url: z.string().max(2_000),
  title: z.string().max(300),
  siteName: z.string().max(300),
  text: z.string().max(maxArticleChars),
});

export interface PageHandlerDeps {
  settings: SettingsRepository;
  fetchers: Fetchers;
  clock: Clock;
  pages: BrowserPages | undefined;
  broadcast: (event: PushEvent) => void;
  send: (conversationId: string | undefined, text: string, pageText: string | null) => Promise<ResponseData<'page-portfolio'>>;
  /** The article question sends the page's text: asked only with the user's consent, before the page is read. */
  consent?: ConsentPolicy;
}

/** The page chip and "What does this mean for my portfolio?": detection, the asset check, and the article question. */
export function createPageHandlers(deps: PageHandlerDeps) {
  const broker = async () => createBrokerFromSettings({ settings: deps.settings, fetchers: deps.fetchers }).catch((error: unknown) => {
    if (error instanceof AppError && error.kind === 'configuration') return null;
    throw error;
  });

  const assets = createAssetCache({
    clock: deps.clock,
    list: async (): Promise<ListedAsset[] | null> => {
      const configured = await broker();
      if (!configured) return null;
      const result = await configured.alpaca.trading.GET('/v2/assets', { params: { query: { status: 'active' } }, signal: deps.clock.timeout(30_000) });
      return listedAssetsSchema.parse(unwrap('trading', result)).map((asset) => ({ symbol: asset.symbol, name: asset.name?.trim() || null }));
    },
  });

  const service = deps.pages
    ? createPageContextService({ access: deps.pages, check: (symbol) => assets.check(symbol), broadcast: (page) => { deps.broadcast({ type: 'page-context', page }); } })
    : null;

  async function holdings(): Promise<Holding[]> {
    const configured = await broker().catch(() => null);
    if (!configured) return [];
    const result = await configured.alpaca.trading.GET('/v2/positions', { signal: deps.clock.timeout(15_000) });
    const positions = positionsSchema.parse(unwrap('trading', result));
    return Promise.all(positions.map(async ({ symbol }) => ({ symbol, name: (await assets.check(symbol))?.name ?? null })));
  }

  const handlers = {
    'page-context-get': async () => ({ page: service ? await service.refresh() : null }),
    'page-portfolio': async (request: { conversationId?: string | undefined; tabId: number }) => {
      if (deps.consent?.allows('page-text') === false) {
        throw userInputError('consent-page-text', 'Sending page text to Anthropic is off (Settings → Privacy), so Clera cannot ask about this article.');
      }
      const raw = deps.pages ? await deps.pages.readArticle(request.tabId).catch(() => null) : null;
      const article = articleSchema.safeParse(raw);
      if (!article.success || article.data.text.trim() === '') {
        throw userInputError('page-unreadable', 'Clera could not read this page. Allow page detection for finance sites, or click the Clera toolbar button on the page, then try again.');
      }
      const question = articleQuestion(article.data, await holdings().catch(() => []));
      return deps.send(request.conversationId, question.text, question.pageText);
    },
  };

  return {
    handlers,
    /** Forget the asset list (settings changed: maybe another broker endpoint or account). */
    settingsChanged: () => { assets.clear(); },
    pageChanged: () => service?.refresh(),
    pageReported: (tab: TabInfo, facts: unknown) => service?.reported(tab, facts),
  };
}
