import { symbolFromUrl } from './finance-sites';

/**
 * The text "Analyze ticker" scans when the user clicked on a page rather than a selection: the ticker a finance
 * site's URL names (as a cashtag, so it ranks first), then the tab's title. The title is page content: it is
 * scanned for a ticker and quoted as data, never obeyed.
 */
export function pageAnalyzeText(page: { title?: string; url?: string }): string {
  const fromUrl = page.url ? symbolFromUrl(page.url) : null;
  return [fromUrl ? `$${fromUrl.symbol}` : '', page.title ?? ''].join(' ').trim();
}
