import { PAGE_FACTS_MESSAGE, readPageFacts } from '@/src/page/page-facts';

/**
 * Reads a page's ticker facts (URL, titles, JSON-LD tickers, cashtags in the first 20,000 characters of text).
 * Registered at run time only: on the finance sites once the user granted them, or injected into the tab the user
 * clicked Clera on. It runs in the extension's isolated world, changes nothing in the page, and throws nothing: any
 * failure returns null. It returns the facts (to executeScript) and reports them (to a registered run).
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    try {
      const facts = readPageFacts(document, location.href);
      chrome.runtime.sendMessage({ type: PAGE_FACTS_MESSAGE, facts }).catch(() => undefined);
      return facts;
    } catch {
      return null;
    }
  },
});
