/**
 * The most article text ever taken from a page (the quoting step trims further). Apart from ./article.ts so that the
 * background can check a length without bundling Readability, which only the content script runs.
 */
export const maxArticleChars = 12_000;
