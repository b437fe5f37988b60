import { clip, plainText } from '../tools/support/untrusted-text';

/** The most article text quoted to the model with "What does this mean for my portfolio?". */
export const maxQuotedArticleChars = 6_000;
const maxParagraphChars = 1_200;

export interface ArticleInput {
  url: string;
  title: string;
  siteName: string;
  text: string;
}

export interface Holding {
  symbol: string;
  name: string | null;
}

export interface ArticleQuestion {
  /** The user's question as it appears in the conversation (our own words and the holdings, never page text). */
  text: string;
  /** The article as quoted data: numbered paragraphs, cleaned and size-limited. */
  pageText: string;
  /** The holdings the article names, by symbol or company name. */
  touched: Holding[];
}

/**
 * Builds "What does this mean for my portfolio?" from an article and the user's holdings. The article is hostile
 * input: every paragraph is reduced to plain single-line text (no markup, no invisible or bidi characters), the whole
 * is cut to `maxQuotedArticleChars`, and it travels only as the quoted page text. Paragraphs are numbered so the
 * answer can cite the passages it used ("[2]").
 */
export function articleQuestion(article: ArticleInput, holdings: readonly Holding[]): ArticleQuestion {
  const title = plainText(article.title, 200) || 'this page';
  const paragraphs: string[] = [];
  let length = 0;
  for (const raw of article.text.split(/\n\s*\n/)) {
    const paragraph = plainText(raw, maxParagraphChars);
    if (!paragraph) continue;
    const line = `[${paragraphs.length + 1}] ${paragraph}`;
    if (length + line.length > maxQuotedArticleChars) {
      const room = maxQuotedArticleChars - length;
      if (room > 200) paragraphs.push(clip(line, room));
      break;
    }
    paragraphs.push(line);
    length += line.length + 2;
  }
  const site = plainText(article.siteName, 80) || hostOf(article.url);
  const pageText = [`Article: ${title}${site ? ` (${site})` : ''}`, ...paragraphs].join('\n\n');
  const body = `${article.title}\n${article.text}`;
  const touched = holdings.filter((holding) => mentions(body, holding));
  const touchedLine = touched.length > 0
    ? `Holdings of mine it mentions: ${touched.map((h) => (h.name ? `${h.symbol} (${h.name})` : h.symbol)).join(', ')}.`
    : holdings.length > 0
      ? `It names none of my holdings (${holdings.map((h) => h.symbol).join(', ')}); say so, and whether it still bears on them.`
      : 'I hold no positions yet.';
  const text = [
    `What does this page mean for my portfolio? “${title}”`,
    touchedLine,
    'Look at my portfolio, explain the effect on the holdings concerned, and cite the numbered passages you rely on, e.g. [2].',
  ].join('\n');
  return { text, pageText, touched };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Generic first words of fund and company names that say nothing about which holding is meant. */
const genericWords = new Set(['the', 'vanguard', 'ishares', 'spdr', 'invesco', 'schwab', 'fidelity', 'global', 'american', 'first', 'united', 'general']);

/** The article names a holding: its symbol as a word or cashtag, or the distinctive first word of its name. */
function mentions(text: string, holding: Holding): boolean {
  const symbol = holding.symbol.replace('.', '[.\\-/]?');
  if (new RegExp(`(?<![A-Za-z0-9])\\$?${symbol}(?![A-Za-z0-9])`).test(text)) return true;
  const word = holding.name
    ?.split(/\s+/)
    .map((part) => part.replace(/[^\p{L}\p{N}&]/gu, ''))
    .find((part) => part.length > 0 && !genericWords.has(part.toLowerCase()));
  if (!word || word.length < 4) return false;
  return new RegExp(`(?<![\\p{L}])${word.replace(/[&]/g, '\\&')}(?![\\p{L}])`, 'iu').test(text);
}
