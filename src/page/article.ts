import { Readability } from '@mozilla/readability';
import { maxArticleChars } from './article-limit';

export { maxArticleChars };

export interface PageArticle {
  url: string;
  title: string;
  byline: string;
  siteName: string;
  /** The article's main text as paragraphs separated by blank lines, at most `maxArticleChars`. */
  text: string;
}

/**
 * The main text of the page, by Mozilla's Readability (the extractor behind Firefox's Reader View), read from a copy
 * so the page itself is untouched. Pages that are not articles give the body's text instead, so the question still
 * has something to quote. Never throws.
 */
export function extractArticle(document: Document, url: string): PageArticle {
  const empty: PageArticle = { url: url.slice(0, 2_000), title: oneLine(safeTitle(document)), byline: '', siteName: '', text: '' };
  try {
    const copy = document.cloneNode(true) as Document;
    const parsed = new Readability(copy, { charThreshold: 200, maxElemsToParse: 20_000 }).parse();
    const text = paragraphs(parsed?.textContent ?? '') || paragraphs((document.body as HTMLElement | null)?.textContent ?? '');
    return {
      ...empty,
      title: oneLine(parsed?.title ?? '') || empty.title,
      byline: oneLine(parsed?.byline ?? ''),
      siteName: oneLine(parsed?.siteName ?? ''),
      text: text.slice(0, maxArticleChars),
    };
  } catch {
    return empty;
  }
}

function safeTitle(document: Document): string {
  try {
    return document.title;
  } catch {
    return '';
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** Collapses each line's spaces and keeps paragraph breaks (a blank line), dropping empty lines. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n\n');
}
