import { extractArticle } from '@/src/page/article';

/**
 * Reads the article's main text with Readability, from a copy of the page. Injected only when the user clicks
 * "What does this mean for my portfolio?"; never registered to run by itself. Throws nothing into the page.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    try {
      return extractArticle(document, location.href);
    } catch {
      return null;
    }
  },
});
